/**
 * Coaching and work supervision as development actions a person asks for (Vantaa, seed 000): one request per
 * kind and year, for an individual, a group or the work community; asking again changes the form, withdrawing
 * keeps the row as withdrawn. HR sees only counts per service area, below the threshold not at all.
 */
import type { Person } from '../domain/organisation';
import {
  DEVELOPMENT_ACTION_FORMS,
  DEVELOPMENT_ACTION_KINDS,
  type DevelopmentActionForm,
  type DevelopmentActionKind,
  type DevelopmentActionRequest,
} from '../storage/development-action-request-repository';
import type { Repositories } from '../storage/repositories';
import type { DemandFigure } from '../storage/summary-publication-repository';
import { demandDisclosure, effectiveThreshold } from '../summaries/anonymous-figures';
import { demandList, demandOfAreas, releasedDemand, threshold } from '../summaries/summary-compilation';

export type DevelopmentActionRepos = Pick<
  Repositories,
  'developmentActionRequests' | 'serviceAreas' | 'organisations' | 'teamAggregates'
>;

export const isKind = (value: string): value is DevelopmentActionKind =>
  (DEVELOPMENT_ACTION_KINDS as readonly string[]).includes(value);
export const isForm = (value: string): value is DevelopmentActionForm =>
  (DEVELOPMENT_ACTION_FORMS as readonly string[]).includes(value);

/** Sets the person's request of a kind to `change`, creating it on the first ask. */
async function setRequest(
  repos: DevelopmentActionRepos,
  person: Person,
  year: number,
  kind: DevelopmentActionKind,
  change: Pick<DevelopmentActionRequest, 'form' | 'status' | 'updatedAt'>,
): Promise<void> {
  const own = (await repos.developmentActionRequests.listForPerson(person.tenantId, year, person.id)).find(
    (request) => request.kind === kind,
  );
  const read =
    own &&
    (await repos.developmentActionRequests.get(person.tenantId, year, own.serviceAreaId, person.id, kind));
  if (read) {
    await repos.developmentActionRequests.update(read, change);
  } else if (change.status === 'requested') {
    await repos.developmentActionRequests.create({
      tenantId: person.tenantId,
      year,
      personId: person.id,
      serviceAreaId: person.serviceAreaId,
      kind,
      ...change,
    });
  }
}

export async function requestAction(
  repos: DevelopmentActionRepos,
  person: Person,
  year: number,
  kind: DevelopmentActionKind,
  form: DevelopmentActionForm,
  at: string,
): Promise<void> {
  await setRequest(repos, person, year, kind, { form, status: 'requested', updatedAt: at });
}

export async function withdrawAction(
  repos: DevelopmentActionRepos,
  person: Person,
  year: number,
  kind: DevelopmentActionKind,
  at: string,
): Promise<void> {
  const own = (await repos.developmentActionRequests.listForPerson(person.tenantId, year, person.id)).find(
    (request) => request.kind === kind,
  );
  if (own)
    await setRequest(repos, person, year, kind, { form: own.form, status: 'withdrawn', updatedAt: at });
}

export interface Demand {
  year: number;
  threshold: number;
  areas: Array<{ serviceAreaId: string; name: string; demand: DemandFigure[] }>;
  city: DemandFigure[];
}

/** HR's view: open requests per service area and for the whole city, as anonymous counts. */
export async function demandByArea(
  repos: DevelopmentActionRepos,
  tenantId: string,
  year: number,
): Promise<Demand> {
  const [limit, areas, open] = await Promise.all([
    threshold(repos, tenantId),
    repos.serviceAreas.list(tenantId),
    repos.developmentActionRequests.demandCounts(tenantId, year).then(demandOfAreas),
  ]);
  const shown = effectiveThreshold(limit);
  const none = demandList();
  const counts = areas.map(({ value: area }) => open.get(area.id) ?? none);
  // The same disclosure as the summaries (city ⊃ service areas): hidden counts together are 0 or at least
  // the threshold, so neither the city's total nor a published summary gives away a small area's count.
  // Released in steps like the summaries' demand (the same releases), so a read before and after one request
  // shows nothing of it.
  const released = await releasedDemand(
    repos,
    tenantId,
    year,
    new Map(areas.map(({ value: area }, index) => [area.id, counts[index] ?? []])),
    shown,
  );
  const disclosed = demandDisclosure(
    areas.map(({ value: area }) => ({
      id: area.id,
      demand: released.get(area.id)?.demand ?? [],
      demandReleased: released.get(area.id)?.released ?? false,
    })),
    shown,
  );
  return {
    year,
    threshold: shown,
    areas: areas
      .map(({ value: area }) => ({
        serviceAreaId: area.id,
        name: area.name,
        demand: disclosed.areas.get(area.id) ?? [],
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'fi')),
    city: disclosed.city,
  };
}
