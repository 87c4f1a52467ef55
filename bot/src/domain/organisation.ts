/**
 * The organisation (one per Teams tenant) and its people.
 * Organisation → service areas (palvelualueet) → teams / responsibility areas (tiimit / vastuualueet) → people.
 */
import type { Locale } from './locale';

/** An Entra tenant id: the boundary no data ever crosses. */
export type TenantId = string;

export const ROLES = [
  'employee',
  'supervisor', // esihenkilö
  'serviceAreaManagementTeam', // palvelualueen johtoryhmä
  'cityManagementTeam', // kaupunginjohtajan johtoryhmä
  'hr', // henkilöstöpalvelut
  'cooperationCommittee', // YT-neuvottelukunta
] as const;
export type Role = (typeof ROLES)[number];

export interface Organisation {
  tenantId: TenantId;
  name: string;
  defaultLocale: Locale;
  /** Aggregates never show a group smaller than this (default 5; can only be raised). */
  anonymityThreshold: number;
}

/** Education and early-childhood education alternate group and individual discussions (vuorovuosimalli). */
export interface AlternatingYearRule {
  /** Years whose parity matches hold individual development discussions; the others hold group discussions. */
  individualDiscussionYears: 'even' | 'odd';
}

export interface ServiceArea {
  tenantId: TenantId;
  id: string;
  name: string;
  /** The service-area director (palvelualuejohtaja), if known. */
  directorId: string | null;
  alternatingYearRule: AlternatingYearRule | null;
}

export const TEAM_KINDS = [
  'team', // tiimi / vastuualue
  'principals', // rehtorien tiimi
  'daycareDirectors', // päiväkodinjohtajien tiimi
  'serviceAreaManagementTeam',
  'cityManagementTeam',
] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];

export interface Team {
  tenantId: TenantId;
  id: string;
  serviceAreaId: string;
  name: string;
  kind: TeamKind;
  supervisorId: string | null;
}

export interface Person {
  tenantId: TenantId;
  /** The HR system's person id. */
  id: string;
  firstName: string;
  lastName: string;
  /** Email / UPN. */
  email: string;
  /** Entra object id; links a Teams user to this person. */
  aadObjectId: string | null;
  serviceAreaId: string;
  teamId: string;
  supervisorId: string | null;
  roles: Role[];
  locale: Locale;
}
