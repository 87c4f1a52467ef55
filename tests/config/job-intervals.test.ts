/**
 * Operators set how often the background jobs run (AGGREGATE_REFRESH_INTERVAL_MINUTES,
 * RETENTION_PURGE_INTERVAL_HOURS); without them the tunables' defaults hold, and a value no timer can keep is
 * refused at start with a message naming the setting. The features start their jobs at the configured intervals.
 */
import { ConfigError, loadConfig } from '../../bot/src/config';
import { AGGREGATE_REFRESH_INTERVAL_MS, PURGE_INTERVAL_MS } from '../../bot/src/tunables';
import type { AppContext } from '../../bot/src/features/feature';
import { privacyFeature } from '../../bot/src/features/privacy-feature';
import { summariesFeature } from '../../bot/src/features/summaries-feature';
import { createLogger } from '../../bot/src/logging';

const LOCAL = { DEV_MODE: 'on' };

function refusal(env: Record<string, string>): string | null {
  try {
    loadConfig({ ...LOCAL, ...env });
    return null;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.message;
  }
}

test('without the settings the jobs run at the tunables’ intervals', () => {
  expect(loadConfig(LOCAL).jobs).toEqual({
    aggregateRefreshMs: AGGREGATE_REFRESH_INTERVAL_MS,
    retentionPurgeMs: PURGE_INTERVAL_MS,
  });
});

test('an operator’s intervals are read in minutes and hours', () => {
  const { jobs } = loadConfig({
    ...LOCAL,
    AGGREGATE_REFRESH_INTERVAL_MINUTES: '40',
    RETENTION_PURGE_INTERVAL_HOURS: '6',
  });
  expect(jobs).toEqual({ aggregateRefreshMs: 40 * 60_000, retentionPurgeMs: 6 * 3_600_000 });
});

test.each([
  ['AGGREGATE_REFRESH_INTERVAL_MINUTES', '0'],
  ['AGGREGATE_REFRESH_INTERVAL_MINUTES', '1.5'],
  ['AGGREGATE_REFRESH_INTERVAL_MINUTES', String(24 * 60 + 1)],
  ['RETENTION_PURGE_INTERVAL_HOURS', 'daily'],
  ['RETENTION_PURGE_INTERVAL_HOURS', '-1'],
  // Longer than a week: Node's timers cannot wait 2^31 ms (24.8 days) and would fire at once.
  ['RETENTION_PURGE_INTERVAL_HOURS', String(7 * 24 + 1)],
])('%s=%s is refused, naming the setting', (name, value) => {
  expect(refusal({ [name]: value })).toContain(name);
});

describe('the app’s jobs run at the configured intervals', () => {
  /** The app's context as the features read it; the jobs' only storage read here is the list of organisations. */
  function contextWith(env: Record<string, string>, scans: string[]): AppContext {
    const organisations = {
      get: async () => null,
      // eslint-disable-next-line require-yield
      scanAll: async function* () {
        scans.push(new Date(Date.now()).toISOString());
      },
    };
    return {
      config: loadConfig({ ...LOCAL, ...env }),
      repositories: { organisations } as unknown as AppContext['repositories'],
      logger: createLogger('error', () => undefined),
      baseUrl: () => 'http://127.0.0.1:1',
      now: () => new Date(),
    } as unknown as AppContext;
  }

  const START = new Date('2026-12-07T12:00:00Z');
  beforeEach(() => jest.useFakeTimers({ now: START }));
  afterEach(() => jest.useRealTimers());

  test.each([
    ['the retention purge', privacyFeature, { RETENTION_PURGE_INTERVAL_HOURS: '2' }, 2 * 3_600_000],
    ['the aggregate refresh', summariesFeature, { AGGREGATE_REFRESH_INTERVAL_MINUTES: '7' }, 7 * 60_000],
  ] as const)(
    '%s first runs one configured interval after the start',
    async (_, feature, env, intervalMs) => {
      const scans: string[] = [];
      const stop = await (await feature(contextWith(env, scans))).start!();
      try {
        await jest.advanceTimersByTimeAsync(intervalMs - 1);
        expect(scans).toEqual([]);
        await jest.advanceTimersByTimeAsync(1);
        expect(scans).toEqual([new Date(START.getTime() + intervalMs).toISOString()]);
      } finally {
        await stop();
      }
    },
  );
});
