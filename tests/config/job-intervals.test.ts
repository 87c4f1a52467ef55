/**
 * Operators set how often the background jobs run (AGGREGATE_REFRESH_INTERVAL_MINUTES,
 * RETENTION_PURGE_INTERVAL_HOURS); without them the tunables' defaults hold, and a value no timer can keep is
 * refused at start with a message naming the setting.
 */
import { ConfigError, loadConfig } from '../../bot/src/config';
import { AGGREGATE_REFRESH_INTERVAL_MS, PURGE_INTERVAL_MS } from '../../bot/src/tunables';

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
