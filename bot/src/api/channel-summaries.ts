/**
 * The service areas a channel tab can be configured for. What the tab then shows, the summaries (koonnit) HR
 * has published for the area, is the frozen publications' (summaries/summary-routes.ts): drafts never leave HR.
 */
import type { Repositories } from '../storage/repositories';

export async function serviceAreaList(
  repos: Pick<Repositories, 'serviceAreas'>,
  tenantId: string,
): Promise<{ id: string; name: string }[]> {
  const areas = await repos.serviceAreas.list(tenantId);
  return areas
    .map((read) => ({ id: read.value.id, name: read.value.name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'fi'));
}
