/**
 * Imports HR's people CSV into an organisation: every row validated first; by default nothing is
 * written when any row is bad (all reported with row numbers), or with `skipBadRows` only the valid
 * rows that do not depend on a bad one. A person erased on request is such a bad row until HR lifts the
 * block. Re-importing the same file writes nothing.
 */
import type { Repositories } from '../storage/repositories';
import { writeOrganisation, type OrganisationImportCounts } from '../storage/organisation-import';
import type { ServiceArea, TenantId } from '../domain/organisation';
import { parsePeopleCsv } from './people-csv';
import { planImport } from './import-plan';
import type { ImportError } from './import-errors';

export type PeopleImportOutcome =
  | { kind: 'written'; counts: OrganisationImportCounts; errors: ImportError[]; skippedRows: number[] }
  | { kind: 'refused'; reason: 'errors' | 'nothingValid'; errors: ImportError[] };

/** Configuration HR set on a service area (e.g. the alternating-year rule) is not in the CSV: keep it. */
async function withStoredSettings(
  repos: Pick<Repositories, 'serviceAreas'>,
  tenantId: TenantId,
  areas: ServiceArea[],
): Promise<ServiceArea[]> {
  const stored = new Map(
    (await repos.serviceAreas.list(tenantId)).map((area) => [area.value.id, area.value]),
  );
  return areas.map((area) => ({
    ...area,
    alternatingYearRule: stored.get(area.id)?.alternatingYearRule ?? area.alternatingYearRule,
    directorId: area.directorId ?? stored.get(area.id)?.directorId ?? null,
  }));
}

export async function importPeopleCsv(
  repos: Pick<Repositories, 'organisations' | 'serviceAreas' | 'teams' | 'people' | 'erasedPeople'>,
  tenantId: TenantId,
  csvText: string,
  options: { skipBadRows: boolean },
): Promise<PeopleImportOutcome> {
  const parsed = parsePeopleCsv(csvText, tenantId, { isErased: await repos.erasedPeople.matcher(tenantId) });
  const plan = planImport(parsed, options);
  if (plan.kind === 'refused') return { kind: 'refused', reason: plan.reason, errors: parsed.errors };
  const counts = await writeOrganisation(repos, tenantId, {
    serviceAreas: await withStoredSettings(repos, tenantId, plan.serviceAreas),
    teams: plan.teams,
    people: plan.people,
  });
  return { kind: 'written', counts, errors: parsed.errors, skippedRows: plan.skippedRows };
}
