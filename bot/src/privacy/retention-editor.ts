/**
 * HR's retention-policy editor: the organisation's policy (the suggested one until HR saves it) and saving
 * it with the ETag that was read; a stale save is refused with what is stored now, and nothing is written.
 */
import { z } from 'zod';
import { saveOrganisationSetting } from '../http-kit/organisation-setting';
import type { Repositories } from '../storage/repositories';
import type { Versioned } from '../storage/table-store';
import {
  MAX_RETENTION_YEARS,
  MIN_RETENTION_YEARS,
  retentionYearsSchema,
  SUGGESTED_RETENTION,
  type RetentionPolicy,
  type RetentionYears,
} from '../domain/retention-policy';
import type { RetentionPolicyView } from '../contract/privacy';

export const retentionBodySchema = z.strictObject({ years: retentionYearsSchema });

type Repos = Pick<Repositories, 'retentionPolicies'>;

function policyView(read: Versioned<RetentionPolicy> | null): RetentionPolicyView {
  return {
    years: read?.value.years ?? SUGGESTED_RETENTION,
    stored: read !== null,
    updatedAt: read?.value.updatedAt ?? null,
    etag: read?.etag ?? null,
    limits: { min: MIN_RETENTION_YEARS, max: MAX_RETENTION_YEARS },
  };
}

export async function retentionPolicy(repos: Repos, tenantId: string): Promise<RetentionPolicyView> {
  return policyView(await repos.retentionPolicies.get(tenantId));
}

export async function saveRetentionPolicy(
  repos: Repos,
  tenantId: string,
  years: RetentionYears,
  ifMatch: string | null,
  by: { personId: string; at: Date },
): Promise<RetentionPolicyView> {
  const value = { years, updatedBy: by.personId, updatedAt: by.at.toISOString() };
  return saveOrganisationSetting(repos.retentionPolicies, tenantId, value, ifMatch, policyView);
}
