/**
 * Signing a development discussion on its card releases the service area's anonymous aggregates at once, as
 * soon as enough discussions have changed since the last release (docs/anonymity.md): the cards set the refresh
 * off through their context's afterSigning hook, which the app wires to the summaries' aggregates.
 */
import type { RunningApp } from '../../bot/src/app';
import { startConnectorStandIn, type ConnectorStandIn } from '../../bot/src/devstack/bot-connector-stand-in';
import { MIN_ANONYMITY_THRESHOLD } from '../../bot/src/domain/anonymity';
import { newDevelopmentDiscussion } from '../../bot/src/domain/development-discussion-lifecycle';
import type { Person } from '../../bot/src/domain/organisation';
import { VERBS } from '../../bot/src/cards/verbs';
import { writeOrganisation } from '../../bot/src/storage/organisation-import';
import { startTestApp } from '../support/app';
import { cardAction, invokeCard, type TeamsUser } from '../support/activities';
import { newTenantId } from '../support/storage';
import { button, cardText, cardTestPerson } from './card-helpers';

const tenantId = newTenantId();
const NOW = new Date('2026-03-02T08:00:00Z');
const YEAR = 2026;
const supervisor = cardTestPerson(tenantId, 'sup', { supervisorId: null, roles: ['employee', 'supervisor'] });
const team = Array.from({ length: MIN_ANONYMITY_THRESHOLD }, (_, i) =>
  cardTestPerson(tenantId, `member${i}`),
);

describe('signing a discussion on its card', () => {
  let app: RunningApp;
  let connector: ConnectorStandIn;

  beforeAll(async () => {
    [app, connector] = await Promise.all([
      startTestApp({}, { now: () => NOW }),
      startConnectorStandIn({ limits: null }),
    ]);
    await writeOrganisation(app.repositories, tenantId, {
      serviceAreas: [{ tenantId, id: 'sa-1', name: 'Sivistys', directorId: null, alternatingYearRule: null }],
      teams: [
        { tenantId, id: 'team-1', serviceAreaId: 'sa-1', name: 'Koulu', kind: 'team', supervisorId: 'sup' },
        { tenantId, id: 'team-0', serviceAreaId: 'sa-1', name: 'Johto', kind: 'team', supervisorId: 'sup' },
      ],
      people: [{ ...supervisor, teamId: 'team-0' }, ...team],
    });
    // All but the last are signed already; the last was held and the employee has signed it.
    const at = '2026-02-20T10:00:00.000Z';
    for (const [index, member] of team.entries()) {
      const last = index === team.length - 1;
      await app.repositories.developmentDiscussions.create({
        ...newDevelopmentDiscussion(member, YEAR, at),
        status: last ? 'held' : 'signed',
        employeeSignature: { personId: member.id, at },
        supervisorSignature: last ? null : { personId: supervisor.id, at },
      });
    }
  });

  afterAll(async () => {
    await Promise.all([app?.stop(), connector?.close()]);
  });

  const user = (p: Person): TeamsUser => ({ tenantId, aadObjectId: p.aadObjectId ?? '', name: p.firstName });
  const invoke = (p: Person, verb: string, data: Record<string, unknown>) =>
    invokeCard(
      app.url,
      cardAction(user(p), verb, data, { serviceUrl: connector.serviceUrl, locale: 'fi-FI' }),
    );
  const released = async () =>
    (await app.repositories.teamAggregates.listForServiceArea(tenantId, YEAR, 'sa-1')).find(
      (row) => row.value.teamId === 'team-1',
    )?.value;

  it('releases the team’s aggregates once the signature makes the threshold', async () => {
    expect(await released()).toBeUndefined();
    const last = team[team.length - 1] as Person;
    const summary = await invoke(supervisor, VERBS.open, {
      employeeId: last.id,
      year: YEAR,
      view: { kind: 'summary' },
    });
    const signed = await invoke(supervisor, VERBS.sign, button(summary, VERBS.sign));
    expect(cardText(signed)).toContain('Hyväksytty');
    expect((await released())?.respondents).toBe(MIN_ANONYMITY_THRESHOLD);
  });
});
