import type { ApiClient } from './client';
import { expectShape } from './shape';
import type {
  AlternatingYearRule,
  ClockEditorData,
  ClockSettings,
  RoundProgress,
  SendsPage,
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

/** A page of the reminder sends, newest first; `continuationToken` asks for the next page. */
export async function fetchSends(
  api: ApiClient,
  continuationToken: string | undefined,
  signal: AbortSignal,
): Promise<SendsPage> {
  return expectShape<SendsPage>(
    await api.get('/api/v1/hr/sends', { continuationToken }, signal),
    ['sends'],
    'sends',
  );
}

/** Raises the organisation's anonymity threshold; the service refuses a lower one (or under 5). */
export async function raiseAnonymityThreshold(api: ApiClient, threshold: number): Promise<number> {
  const body = (await api.send('PUT', '/api/v1/organisation/anonymity-threshold', {
    body: { threshold },
  })) as { anonymityThreshold: number };
  return body.anonymityThreshold;
}
