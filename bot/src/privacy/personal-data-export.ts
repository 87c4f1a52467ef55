/**
 * A person's data export (oikeus saada pääsy tietoihin / siirtää tiedot): everything the app holds about one
 * person of one organisation, as machine-readable JSON. Every read stays in the tenant's partitions.
 * Discussions the person held as a supervisor are their employees' records and are not included.
 */
import type { LanguageChoice } from '../domain/locale';
import type { DevelopmentDiscussion } from '../domain/development-discussion';
import type { GroupContribution } from '../domain/group-discussion';
import type { Person, Role, TenantId } from '../domain/organisation';
import type { ConversationReferenceRecord } from '../storage/conversation-reference-repository';
import type { DevelopmentActionRequest } from '../storage/development-action-request-repository';
import type { Repositories } from '../storage/repositories';
import type { AuditEntry } from '../domain/audit-entry';

export const EXPORT_FORMAT = 'osaamiskello.personal-data';
export const EXPORT_VERSION = 1;

export interface GroupContributionExport extends GroupContribution {
  groupDiscussionId: string;
  year: number;
  teamId: string;
}

export interface ChairedGroupDiscussion {
  groupDiscussionId: string;
  year: number;
  teamId: string;
}

export interface PersonalDataExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  tenantId: TenantId;
  personId: string;
  /** Null when the organisation's data no longer has the person (left, not yet erased). */
  person: Person | null;
  roles: Role[];
  developmentDiscussions: DevelopmentDiscussion[];
  groupDiscussionContributions: GroupContributionExport[];
  chairedGroupDiscussions: ChairedGroupDiscussion[];
  developmentActionRequests: DevelopmentActionRequest[];
  conversationReferences: ConversationReferenceRecord[];
  /** The language the person chose for the app themselves; null: their HR record's applies. */
  languageChoice: LanguageChoice | null;
  auditLog: AuditEntry[];
}

export type ExportRepos = Pick<
  Repositories,
  | 'people'
  | 'developmentDiscussions'
  | 'groupDiscussions'
  | 'developmentActionRequests'
  | 'conversationReferences'
  | 'auditLog'
  | 'languageChoices'
>;

async function groupDiscussionParts(
  repos: ExportRepos,
  tenantId: TenantId,
  personId: string,
): Promise<Pick<PersonalDataExport, 'groupDiscussionContributions' | 'chairedGroupDiscussions'>> {
  const contributions: GroupContributionExport[] = [];
  const chaired: ChairedGroupDiscussion[] = [];
  for await (const { value } of repos.groupDiscussions.scanAll(tenantId)) {
    const where = { groupDiscussionId: value.id, year: value.year, teamId: value.teamId };
    if (value.chairId === personId) chaired.push(where);
    for (const contribution of value.contributions)
      if (contribution.authorId === personId) contributions.push({ ...contribution, ...where });
  }
  return { groupDiscussionContributions: contributions, chairedGroupDiscussions: chaired };
}

/** Whether the export holds anything at all about the person. */
export function isEmptyExport(data: PersonalDataExport): boolean {
  return (
    data.person === null &&
    data.developmentDiscussions.length === 0 &&
    data.groupDiscussionContributions.length === 0 &&
    data.chairedGroupDiscussions.length === 0 &&
    data.developmentActionRequests.length === 0 &&
    data.conversationReferences.length === 0 &&
    data.languageChoice === null &&
    data.auditLog.length === 0
  );
}

export async function exportPersonalData(
  repos: ExportRepos,
  tenantId: TenantId,
  personId: string,
  now: Date,
): Promise<PersonalDataExport> {
  const person = (await repos.people.getPerson(tenantId, personId))?.value ?? null;
  const [discussions, groupParts, requests, chat, audit, language] = await Promise.all([
    repos.developmentDiscussions.listForEmployee(tenantId, personId),
    groupDiscussionParts(repos, tenantId, personId),
    repos.developmentActionRequests.listAllForPerson(tenantId, personId),
    person?.aadObjectId
      ? repos.conversationReferences.get(tenantId, { kind: 'user', aadObjectId: person.aadObjectId })
      : Promise.resolve(null),
    repos.auditLog.listAllForSubject(tenantId, personId),
    repos.languageChoices.get(tenantId, personId),
  ]);
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    tenantId,
    personId,
    person,
    roles: person ? [...person.roles] : [],
    developmentDiscussions: discussions.map((read) => read.value).sort((a, b) => a.year - b.year),
    ...groupParts,
    developmentActionRequests: requests,
    conversationReferences: chat ? [chat.value] : [],
    languageChoice: language?.value ?? null,
    auditLog: audit.map((read) => read.value),
  };
}
