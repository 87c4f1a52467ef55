import { TableStore } from '../../bot/src/storage/table-store';
import { FANOUT_TABLES } from '../../bot/src/fanout/fanout-keys';
import { TenantRateLimiter } from '../../bot/src/fanout/tenant-rate-limiter';
import { newTenantId, testStorageAccount } from '../support/storage';

const settings = { ratePerSecond: 50, horizonMs: 1000, maxClaim: 8 };

async function limiters(count: number): Promise<TenantRateLimiter[]> {
  const store = await TableStore.open(testStorageAccount(), FANOUT_TABLES.pacing);
  // Separate instances share nothing in memory, as separate processes would: only the table row.
  return Array.from({ length: count }, () => new TenantRateLimiter(store, settings));
}

test('limiters in different processes hand out send times 1/rate apart, never the same one twice', async () => {
  const tenantId = newTenantId();
  const [a, b] = (await limiters(2)) as [TenantRateLimiter, TenantRateLimiter];

  const times = (
    await Promise.all(Array.from({ length: 80 }, (_, i) => (i % 2 ? a : b).acquire(tenantId)))
  ).sort((x, y) => x - y);

  const gaps = times.slice(1).map((time, i) => time - (times[i] as number));
  expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1000 / settings.ratePerSecond - 0.001);
});

test('each tenant has its own rate', async () => {
  const [limiter] = (await limiters(1)) as [TenantRateLimiter];
  const first = newTenantId();
  const second = newTenantId();

  const [one, two] = await Promise.all([limiter.acquire(first), limiter.acquire(second)]);

  expect(Math.abs(one - two)).toBeLessThan(1000 / settings.ratePerSecond);
});

test('after a pause (Retry-After) no process gets a time before it ends', async () => {
  const tenantId = newTenantId();
  const [a, b] = (await limiters(2)) as [TenantRateLimiter, TenantRateLimiter];
  const until = Date.now() + 700;

  await a.pause(tenantId, until);

  expect(await b.acquire(tenantId)).toBeGreaterThanOrEqual(until);
});
