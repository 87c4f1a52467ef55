import { isIsoDate } from '../i18n/format';
import { isLevel, isPhaseKind, type AnnualClock, type ClockPhase } from '../clock/model';
import { ApiError, apiUrl, getJson } from './http';

export const DEFAULT_CLOCK_PATH = '/api/v1/clock/default';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(reason: string): ApiError {
  return new ApiError('invalidResponse', `Unexpected clock response: ${reason}`);
}

function parsePhase(value: unknown, index: number): ClockPhase | null {
  if (!isRecord(value)) throw invalid(`phases[${index}] is not an object`);
  const { id, level, kind, opens, closes } = value;
  if (typeof id !== 'string' || !isIsoDate(opens) || !isIsoDate(closes)) {
    throw invalid(`phases[${index}] lacks an id or ISO dates`);
  }
  // A newer server may know levels or kinds this page does not: skip them rather than fail the whole clock.
  if (!isLevel(level) || !isPhaseKind(kind)) {
    console.warn(`Skipping clock phase ${id} with unknown level/kind ${String(level)}/${String(kind)}`);
    return null;
  }
  return { id, level, kind, opens, closes };
}

/** Checks the response's shape; the tab must never render half-understood data as if it were right. */
export function parseAnnualClock(value: unknown): AnnualClock {
  if (!isRecord(value)) throw invalid('not an object');
  const { year, phases } = value;
  if (typeof year !== 'number' || !Number.isInteger(year)) throw invalid('year is not an integer');
  if (!Array.isArray(phases)) throw invalid('phases is not an array');
  return {
    year,
    phases: phases.map(parsePhase).filter((phase): phase is ClockPhase => phase !== null),
  };
}

export async function fetchDefaultClock(year: number, signal?: AbortSignal): Promise<AnnualClock> {
  return parseAnnualClock(await getJson(apiUrl(DEFAULT_CLOCK_PATH, { year }), signal));
}
