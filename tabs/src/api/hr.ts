import type { ApiClient } from './client';
import { expectShape } from './shape';
import type {
  AlternatingYearRule,
  ClockEditorData,
  ClockSettings,
  RoundProgress,
  SendProgress,
  ServiceAreaRule,
} from './types';

export async function fetchClockEditor(api: ApiClient, signal: AbortSignal): Promise<ClockEditorData> {
  const body = expectShape<ClockEditorData>(
    await api.get('/api/v1/hr/clock', {}, signal),
    ['serviceAreas'],
    'clock',
  );
  expectShape(body.clock, ['phases', 'overrides'], 'clock');
  return body;
}

export async function saveClock(
  api: ApiClient,
  clock: ClockSettings,
  etag: string | null,
): Promise<{ clock: ClockSettings; etag: string }> {
  return (await api.send('PUT', '/api/v1/hr/clock', { body: clock, ifMatch: etag })) as {
    clock: ClockSettings;
    etag: string;
  };
}

export async function saveAlternatingRule(
  api: ApiClient,
  serviceAreaId: string,
  rule: AlternatingYearRule | null,
  etag: string,
): Promise<ServiceAreaRule> {
  const path = `/api/v1/hr/service-areas/${encodeURIComponent(serviceAreaId)}/alternating-year-rule`;
  return (await api.send('PUT', path, { body: { rule }, ifMatch: etag })) as ServiceAreaRule;
}

export async function fetchProgress(
  api: ApiClient,
  year: number | undefined,
  signal: AbortSignal,
): Promise<RoundProgress> {
  return expectShape<RoundProgress>(
    await api.get('/api/v1/hr/progress', { year }, signal),
    ['serviceAreas'],
    'progress',
  );
}

export async function fetchSends(api: ApiClient, signal: AbortSignal): Promise<SendProgress[]> {
  return expectShape<{ sends: SendProgress[] }>(
    await api.get('/api/v1/hr/sends', {}, signal),
    ['sends'],
    'sends',
  ).sends;
}
