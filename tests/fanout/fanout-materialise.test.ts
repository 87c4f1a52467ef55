/**
 * Materialising a campaign from recipients that are made as they are written (a generator), as a city-wide send
 * is: the rows are written a page at a time, and the campaign is the same as from a list. No worker runs here:
 * what is checked is what the workers will find.
 */
import type { DeliveryRequest } from '../../bot/src/fanout/delivery';
import { openTestFanout, userDeliveries, type TestFanout } from './support/fanout-fixture';

let test$: TestFanout;

beforeEach(async () => {
  test$ = await openTestFanout();
});

afterEach(async () => {
  await test$.cleanup();
});

const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';

/** More recipients than one page of rows (8,192), so the campaign is written in several. */
const RECIPIENTS = 9000;

function* generated(count: number, repeat: number | null = null): Generator<DeliveryRequest> {
  for (const delivery of userDeliveries(count, SERVICE_URL)) yield delivery;
  if (repeat !== null) yield userDeliveries(repeat + 1, SERVICE_URL)[repeat] as DeliveryRequest;
}

test('a campaign given as a generator of more recipients than a page has one pending row for each, and its total', async () => {
  const outcome = await test$.fanout.start({
    tenantId: test$.tenantId,
    campaignId: 'city',
    label: 'test.campaign',
    deliveries: generated(RECIPIENTS),
  });

  expect(outcome).toBe('started');
  const campaign = await test$.fanout.campaigns.get(test$.tenantId, 'city');
  expect(campaign?.value).toMatchObject({ materialised: true, total: RECIPIENTS });
  const progress = await test$.fanout.progress(test$.tenantId, 'city');
  expect(progress).toMatchObject({ total: RECIPIENTS, finished: false });
  expect(progress?.counts.pending).toBe(RECIPIENTS);
  const rows = await test$.fanout.deliveries.all(test$.tenantId, 'city');
  expect(new Set(rows.map((row) => row.value.recipientKey)).size).toBe(RECIPIENTS);
  expect(rows).toHaveLength(RECIPIENTS);
}, 120_000);

test('a generator that names a recipient twice is refused and its campaign never becomes sendable', async () => {
  await expect(
    test$.fanout.start({
      tenantId: test$.tenantId,
      campaignId: 'twice',
      label: 'test.campaign',
      deliveries: generated(30, 7),
    }),
  ).rejects.toThrow('each recipient once');

  expect((await test$.fanout.campaigns.get(test$.tenantId, 'twice'))?.value.materialised).toBe(false);
});

test('a list that names a recipient twice is refused before anything is stored', async () => {
  const deliveries = [...generated(30, 7)];

  await expect(
    test$.fanout.start({ tenantId: test$.tenantId, campaignId: 'list', label: 'test.campaign', deliveries }),
  ).rejects.toThrow('each recipient once');

  expect(await test$.fanout.campaigns.get(test$.tenantId, 'list')).toBeNull();
  expect(await test$.fanout.deliveries.all(test$.tenantId, 'list')).toEqual([]);
});

test('a campaign whose recipients are looked up as it is written (an asynchronous generator) has one pending row for each', async () => {
  let lookedUp = 0;
  async function* lookedUpOneByOne(): AsyncGenerator<DeliveryRequest> {
    for (const delivery of generated(RECIPIENTS)) {
      // As the daily reminders' address look-up: a storage read per recipient, between the rows being written.
      await Promise.resolve();
      lookedUp += 1;
      yield delivery;
    }
  }

  const outcome = await test$.fanout.start({
    tenantId: test$.tenantId,
    campaignId: 'looked-up',
    label: 'test.campaign',
    deliveries: lookedUpOneByOne(),
  });

  expect(outcome).toBe('started');
  expect(lookedUp).toBe(RECIPIENTS);
  expect((await test$.fanout.campaigns.get(test$.tenantId, 'looked-up'))?.value).toMatchObject({
    materialised: true,
    total: RECIPIENTS,
  });
  const rows = await test$.fanout.deliveries.all(test$.tenantId, 'looked-up');
  expect(new Set(rows.map((row) => row.value.recipientKey)).size).toBe(RECIPIENTS);
}, 120_000);

test('rows from a slow source are written as it goes (at least every second), not held until a whole page is made', async () => {
  const all = userDeliveries(30, SERVICE_URL);
  let storedMidway = -1;
  async function* slow(): AsyncGenerator<DeliveryRequest> {
    for (const delivery of all.slice(0, 10)) yield delivery;
    // A look-up that takes longer than a page is held (FANOUT_CREATE_PAGE_MS).
    await new Promise((resolve) => setTimeout(resolve, 1100));
    yield all[10] as DeliveryRequest;
    storedMidway = (await test$.fanout.deliveries.all(test$.tenantId, 'slow')).length;
    for (const delivery of all.slice(11)) yield delivery;
  }

  await test$.fanout.start({
    tenantId: test$.tenantId,
    campaignId: 'slow',
    label: 'test.campaign',
    deliveries: slow(),
  });

  expect(storedMidway).toBe(11);
  expect(await test$.fanout.deliveries.all(test$.tenantId, 'slow')).toHaveLength(30);
});
