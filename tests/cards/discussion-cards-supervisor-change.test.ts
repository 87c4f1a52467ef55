/**
 * An employee gets a new supervisor mid-year (the people import says so): the new supervisor takes this year's
 * development discussion over on the cards, and the previous one no longer sees or changes it — as in the tabs,
 * which go by the people data too. Over HTTP against real Azurite.
 */
import type { RunningApp } from '../../bot/src/app';
import { startConnectorStandIn, type ConnectorStandIn } from '../../bot/src/devstack/bot-connector-stand-in';
import type { Person } from '../../bot/src/domain/organisation';
import { VERBS } from '../../bot/src/cards/verbs';
import { writeOrganisation } from '../../bot/src/storage/organisation-import';
import { startTestApp } from '../support/app';
import { cardAction, invokeCard } from '../support/activities';
import { newTenantId } from '../support/storage';
import { button, cardText, cardTestPerson } from './card-helpers';

type Json = Record<string, unknown>;

const tenantId = newTenantId();
const NOW = new Date('2026-03-02T08:00:00Z');
const YEAR = 2026;

const person = (id: string, changes: Partial<Person> = {}): Person =>
  cardTestPerson(tenantId, id, { teamId: 'team-a', supervisorId: 'previous', ...changes });

const director = person('director', { supervisorId: null, roles: ['employee', 'supervisor'] });
const previous = person('previous', { supervisorId: 'director', roles: ['employee', 'supervisor'] });
const next = person('next', {
  supervisorId: 'director',
  teamId: 'team-b',
  roles: ['employee', 'supervisor'],
});
const mover = person('mover');

describe('discussion cards when an employee gets a new supervisor', () => {
  let app: RunningApp;
  let connector: ConnectorStandIn;

  const organisation = (people: Person[]) => ({
    serviceAreas: [
      { tenantId, id: 'sa-1', name: 'Sivistys', directorId: 'director', alternatingYearRule: null },
    ],
    teams: [
      {
        tenantId,
        id: 'team-a',
        serviceAreaId: 'sa-1',
        name: 'A',
        kind: 'team' as const,
        supervisorId: 'previous',
      },
      {
        tenantId,
        id: 'team-b',
        serviceAreaId: 'sa-1',
        name: 'B',
        kind: 'team' as const,
        supervisorId: 'next',
      },
    ],
    people,
  });

  beforeAll(async () => {
    [app, connector] = await Promise.all([
      startTestApp({}, { now: () => NOW }),
      startConnectorStandIn({ limits: null }),
    ]);
    await writeOrganisation(app.repositories, tenantId, organisation([director, previous, next, mover]));
  });

  afterAll(async () => {
    await Promise.all([app?.stop(), connector?.close()]);
  });

  const invoke = (p: Person, verb: string, data: Json) =>
    invokeCard(
      app.url,
      cardAction({ tenantId, aadObjectId: p.aadObjectId ?? '', name: p.firstName }, verb, data, {
        serviceUrl: connector.serviceUrl,
      }),
    );
  const open = (viewer: Person, view: Json = { kind: 'summary' }) =>
    invoke(viewer, VERBS.open, { employeeId: mover.id, year: YEAR, view });
  const stored = async () =>
    (await app.repositories.developmentDiscussions.get(tenantId, YEAR, mover.id))?.value ?? null;

  it('hands this year’s discussion to the new supervisor and takes it from the previous one', async () => {
    // The previous supervisor schedules it; the employee prepares and shares it.
    await invoke(previous, VERBS.schedule, {
      ...button(await open(previous), VERBS.schedule),
      meetingDate: '2026-03-10',
      meetingTime: '09:00',
    });
    const step = await open(mover, { kind: 'step', step: 1 });
    await invoke(mover, VERBS.savePreparation, {
      ...button(step, VERBS.savePreparation, 'Tallenna ja jatka'),
      s_pastYearReview: 'Opin paljon uutta.',
    });
    await invoke(mover, VERBS.submitPreparation, button(await open(mover), VERBS.submitPreparation));
    const previousCard = await open(previous, { kind: 'step', step: 1 });
    expect(cardText(previousCard)).toContain('Opin paljon uutta.');
    const previousSummary = await open(previous);

    // The import moves the employee to the other team.
    await writeOrganisation(
      app.repositories,
      tenantId,
      organisation([director, previous, next, { ...mover, teamId: 'team-b', supervisorId: next.id }]),
    );

    const refused = await open(previous, { kind: 'step', step: 1 });
    expect(cardText(refused)).toContain('Sinulla ei ole oikeutta tähän keskusteluun');
    expect(cardText(refused)).not.toContain('Opin paljon uutta.');
    const staleSchedule = await invoke(previous, VERBS.schedule, {
      ...button(previousSummary, VERBS.schedule),
      meetingDate: '2026-03-20',
      meetingTime: '09:00',
    });
    expect(cardText(staleSchedule)).toContain('Mitään ei muutettu');
    expect((await stored())?.scheduledAt).toBe('2026-03-10T07:00:00.000Z');

    const taken = await open(next, { kind: 'step', step: 1 });
    expect(cardText(taken)).toContain('Opin paljon uutta.');
    const scheduled = await invoke(next, VERBS.schedule, {
      ...button(await open(next), VERBS.schedule),
      meetingDate: '2026-03-20',
      meetingTime: '09:00',
    });
    expect(cardText(scheduled)).toContain('20.3.2026 klo 9.00');
    expect(await stored()).toMatchObject({ supervisorId: next.id, scheduledAt: '2026-03-20T07:00:00.000Z' });

    // The employee's card names the new supervisor.
    expect(cardText(await open(mover))).toContain(`${next.firstName} ${next.lastName}`);
  });
});
