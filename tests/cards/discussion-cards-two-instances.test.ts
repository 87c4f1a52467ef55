/**
 * Two instances of the service over the same storage (as in Azure, where Teams may send a person's next press
 * to another instance): an instance that saved a discussion keeps that version for the next save, and these
 * tests show it never answers from it once the discussion has changed, or gone, through the other instance.
 */
import type { RunningApp } from '../../bot/src/app';
import { startConnectorStandIn, type ConnectorStandIn } from '../../bot/src/devstack/bot-connector-stand-in';
import type { Person } from '../../bot/src/domain/organisation';
import { VERBS } from '../../bot/src/cards/verbs';
import { writeOrganisation } from '../../bot/src/storage/organisation-import';
import { startTestApp } from '../support/app';
import { cardAction, invokeCard } from '../support/activities';
import { newTenantId } from '../support/storage';
import { button, cardText, input, cardTestPerson } from './card-helpers';

type Json = Record<string, unknown>;

const tenantId = newTenantId();
const NOW = new Date('2026-02-02T08:00:00Z');
const YEAR = 2026;

const person = (id: string, changes: Partial<Person> = {}): Person => cardTestPerson(tenantId, id, changes);

const supervisor = person('sup', { supervisorId: null, roles: ['employee', 'supervisor'] });
const phone = person('phone');
const pager = person('pager');
const purged = person('purged');

describe('discussion cards on two instances of the service', () => {
  let first: RunningApp;
  let second: RunningApp;
  let connector: ConnectorStandIn;

  beforeAll(async () => {
    [first, second, connector] = await Promise.all([
      startTestApp({}, { now: () => NOW }),
      startTestApp({}, { now: () => NOW }),
      startConnectorStandIn({ limits: null }),
    ]);
    await writeOrganisation(first.repositories, tenantId, {
      serviceAreas: [
        { tenantId, id: 'sa-1', name: 'Konsernipalvelut', directorId: 'sup', alternatingYearRule: null },
      ],
      teams: [
        { tenantId, id: 'team-1', serviceAreaId: 'sa-1', name: 'Palkat', kind: 'team', supervisorId: 'sup' },
      ],
      people: [supervisor, phone, pager, purged],
    });
  });

  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop(), connector?.close()]);
  });

  const invoke = (app: RunningApp, p: Person, verb: string, data: Json) =>
    invokeCard(
      app.url,
      cardAction({ tenantId, aadObjectId: p.aadObjectId ?? '', name: p.firstName }, verb, data, {
        serviceUrl: connector.serviceUrl,
      }),
    );

  const stepOne = (app: RunningApp, p: Person) =>
    invoke(app, p, VERBS.open, { employeeId: p.id, year: YEAR, view: { kind: 'step', step: 1 } });

  const stored = async (p: Person) =>
    (await first.repositories.developmentDiscussions.get(tenantId, YEAR, p.id))?.value ?? null;

  /** The employee saves step 1 on the first instance and gets back the card of the version it stored. */
  async function savedOnFirst(p: Person, text: string): Promise<Json> {
    const opened = await stepOne(first, p);
    const saved = await invoke(first, p, VERBS.savePreparation, {
      ...button(opened, VERBS.savePreparation, 'Tallenna ja jatka'),
      s_pastYearReview: text,
    });
    expect(cardText(saved)).not.toContain('Joku muu muutti');
    return saved;
  }

  /** The same step saved again through the second instance (the employee's phone, say). */
  async function savedOnSecond(p: Person, text: string): Promise<void> {
    const opened = await stepOne(second, p);
    await invoke(second, p, VERBS.savePreparation, {
      ...button(opened, VERBS.savePreparation, 'Tallenna ja jatka'),
      s_pastYearReview: text,
    });
    expect((await stored(p))?.preparation.pastYearReview).toBe(text);
  }

  it('answers an edit of a version changed on the other instance with the latest one, overwriting nothing', async () => {
    const card = await savedOnFirst(phone, 'Tietokoneelta.');
    await savedOnSecond(phone, 'Puhelimelta.');

    const back = button(card, VERBS.savePreparation, 'Edellinen');
    const stale = await invoke(first, phone, VERBS.savePreparation, {
      ...back,
      s_wellbeing: 'Jaksan hyvin.',
    });
    expect(cardText(stale)).toContain('Joku muu muutti tätä sillä välin');
    expect((await stored(phone))?.preparation).toEqual({ pastYearReview: 'Puhelimelta.' });
  });

  it('pages to the version saved on the other instance, not to the one this instance kept', async () => {
    const card = await savedOnFirst(pager, 'Ensin näin.');
    await savedOnSecond(pager, 'Sitten toisin.');

    // Paging back without typing anything writes nothing; the card shows the stored version, and saving on it
    // is not a conflict.
    const paged = await invoke(
      first,
      pager,
      VERBS.savePreparation,
      button(card, VERBS.savePreparation, 'Edellinen'),
    );
    expect(input(paged, 's_pastYearReview')?.value).toBe('Sitten toisin.');
    const saved = await invoke(first, pager, VERBS.savePreparation, {
      ...button(paged, VERBS.savePreparation, 'Tallenna ja jatka'),
      s_pastYearReview: 'Lopulta näin.',
    });
    expect(cardText(saved)).not.toContain('Joku muu muutti');
    expect((await stored(pager))?.preparation.pastYearReview).toBe('Lopulta näin.');
  });

  it('refuses an edit of a discussion the other instance deleted, and does not bring it back', async () => {
    const card = await savedOnFirst(purged, 'Tämä poistetaan.');
    const read = await second.repositories.developmentDiscussions.get(tenantId, YEAR, purged.id);
    if (!read) throw new Error('The discussion was not stored.');
    await second.repositories.developmentDiscussions.delete(read);

    const saved = await invoke(first, purged, VERBS.savePreparation, {
      ...button(card, VERBS.savePreparation, 'Tallenna ja jatka'),
      s_wellbeing: 'Jaksan hyvin.',
    });
    expect(cardText(saved)).toContain('Sinulla ei ole oikeutta tähän keskusteluun');
    expect(await stored(purged)).toBeNull();
  });
});
