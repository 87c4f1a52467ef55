import type { ApiClient } from './client';
import { expectShape } from './shape';
import type { PublishedSummaries, ServiceAreaName } from './types';

export async function fetchServiceAreas(api: ApiClient, signal: AbortSignal): Promise<ServiceAreaName[]> {
  const body = await api.get('/api/v1/service-areas', {}, signal);
  return expectShape<{ serviceAreas: ServiceAreaName[] }>(body, ['serviceAreas'], 'service areas')
    .serviceAreas;
}

export async function fetchSummaries(
  api: ApiClient,
  serviceAreaId: string,
  signal: AbortSignal,
): Promise<PublishedSummaries> {
  const body = await api.get(
    `/api/v1/service-areas/${encodeURIComponent(serviceAreaId)}/summary-publications`,
    {},
    signal,
  );
  return expectShape<PublishedSummaries>(body, ['publications'], 'summaries');
}
