/**
 * The clock every card submit and tab view reads is reused for a while (AnnualClockRepository.current), but a
 * clock HR saves through this service shows at once: the cache never hides our own change.
 */
import { openRepositories } from '../../bot/src/storage/repositories';
import { newTenantId, testStorageAccount } from '../support/storage';
import * as sample from './samples';

test("HR's saved clock is the current one at once, and so is each change to it", async () => {
  const repos = await openRepositories(testStorageAccount());
  const tenant = newTenantId();
  expect(await repos.annualClocks.current(tenant)).toBeNull();

  const created = await repos.annualClocks.create(sample.annualClock(tenant));
  expect(await repos.annualClocks.current(tenant)).toEqual(created.value);

  const overrides = [{ serviceAreaId: 'sa-1', phases: {} }];
  await repos.annualClocks.update(created, { overrides });
  expect((await repos.annualClocks.current(tenant))?.overrides).toEqual(overrides);
});

test('a clock saved by another instance of the service is read when this one has not read it lately', async () => {
  const account = testStorageAccount();
  const [here, elsewhere] = await Promise.all([openRepositories(account), openRepositories(account)]);
  const tenant = newTenantId();
  await elsewhere.annualClocks.create(sample.annualClock(tenant));
  expect(await here.annualClocks.current(tenant)).toEqual((await elsewhere.annualClocks.get(tenant))?.value);
});
