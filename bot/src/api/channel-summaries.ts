/**
 * What a service area's channel tab shows: the summaries (koonnit) HR has published for the area, newest
 * first. Drafts never leave HR; the summaries are already anonymous aggregates.
 */
import type { ServiceAreaSummary } from '../domain/summary';
import type { Repositories } from '../storage/repositories';
import { notFound } from './refusals';
import { organisationDate } from './organisation-clock';

/** How many years back the channel shows. */
export const SUMMARY_YEARS = 4;

export interface PublishedSummary {
  year: number;
  publishedAt: string | null;
  conclusions: ServiceAreaSummary['conclusions'];
  competences: ServiceAreaSummary['competences'];
  learningWaySplit: ServiceAreaSummary['learningWaySplit'];
}

export interface ChannelSummaries {
  serviceArea: { id: string; name: string };
  summaries: PublishedSummary[];
}

type Repos = Pick<Repositories, 'serviceAreas' | 'summaries'>;

export async function serviceAreaList(
  repos: Repos,
  tenantId: string,
): Promise<{ id: string; name: string }[]> {
  const areas = await repos.serviceAreas.list(tenantId);
  return areas
    .map((read) => ({ id: read.value.id, name: read.value.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'fi'));
}

export async function channelSummaries(
  repos: Repos,
  tenantId: string,
  serviceAreaId: string,
  now: Date,
): Promise<ChannelSummaries> {
  const area = await repos.serviceAreas.get(tenantId, serviceAreaId);
  if (!area) throw notFound('serviceArea.notFound');
  const thisYear = Number(organisationDate(now).slice(0, 4));
  const years = Array.from({ length: SUMMARY_YEARS }, (_, i) => thisYear - i);
  const found = await Promise.all(years.map((year) => repos.summaries.get(tenantId, year, serviceAreaId)));
  return {
    serviceArea: { id: area.value.id, name: area.value.name },
    summaries: found.flatMap((read) =>
      read && read.value.status === 'published'
        ? [
            {
              year: read.value.year,
              publishedAt: read.value.publishedAt,
              conclusions: read.value.conclusions,
              competences: read.value.competences,
              learningWaySplit: read.value.learningWaySplit,
            },
          ]
        : [],
    ),
  };
}
