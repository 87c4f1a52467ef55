/**
 * The development discussion cards through the bot over HTTP against real Azurite: Teams-shaped messages and
 * Action.Execute invokes in, cards out (the invoke response body is the card that replaces the pressed one).
 */
import type { RunningApp } from '../../bot/src/app';
import {
  startConnectorStandIn,
  type ConnectorStandIn,
  type ScriptedFailure,
} from '../../bot/src/devstack/bot-connector-stand-in';
import type { Person } from '../../bot/src/domain/organisation';
import { VERBS } from '../../bot/src/cards/verbs';
import { writeOrganisation } from '../../bot/src/storage/organisation-import';
import { startTestApp } from '../support/app';
import { cardAction, invokeCard, personalMessage, postActivity, type TeamsUser } from '../support/activities';
import { newTenantId } from '../support/storage';
import { button, buttons, cardText, errorNextTo, input, cardTestPerson } from './card-helpers';

type Json = Record<string, unknown>;

const tenantId = newTenantId();
const NOW = new Date('2026-02-02T08:00:00Z');
/** The test's clock: moved to a meeting's day to mark it held. */
let now = NOW;
const YEAR = 2026;

const person = (id: string, changes: Partial<Person> = {}): Person => cardTestPerson(tenantId, id, changes);

const supervisor = person('sup', { supervisorId: 'director', roles: ['employee', 'supervisor'] });
const director = person('director', { supervisorId: null, roles: ['employee', 'supervisor'] });
const flow = person('flow');
const validation = person('valid');
const swede = person('swede', { locale: 'sv' });
const racer = person('racer');
const clicker = person('clicker');
const outsider = person('outsider', { teamId: 'team-2', supervisorId: 'director' });
const hr = person('hr', { teamId: 'team-2', supervisorId: 'director', roles: ['employee', 'hr'] });
const others = Array.from({ length: 10 }, (_, i) => person(`other${i + 1}`));
const people = [director, supervisor, flow, validation, swede, racer, clicker, outsider, hr, ...others];

const user = (p: Person): TeamsUser => ({ tenantId, aadObjectId: p.aadObjectId ?? '', name: p.firstName });

describe('development discussion cards over HTTP', () => {
  let app: RunningApp;
  let connector: ConnectorStandIn;
  /** Scripted answers of Teams to messages into a conversation: `once` for the next one, else every one. */
  const scripted = new Map<string, { failure: ScriptedFailure; once: boolean }>();

  beforeAll(async () => {
    [app, connector] = await Promise.all([
      startTestApp({}, { now: () => now }),
      startConnectorStandIn({
        limits: null,
        fail: ({ conversationId }) => {
          const rule = conversationId ? scripted.get(conversationId) : undefined;
          if (rule?.once) scripted.delete(conversationId ?? '');
          return rule?.failure ?? null;
        },
      }),
    ]);
    await writeOrganisation(app.repositories, tenantId, {
      serviceAreas: [
        { tenantId, id: 'sa-1', name: 'Konsernipalvelut', directorId: 'director', alternatingYearRule: null },
      ],
      teams: [
        { tenantId, id: 'team-1', serviceAreaId: 'sa-1', name: 'Palkat', kind: 'team', supervisorId: 'sup' },
        { tenantId, id: 'team-2', serviceAreaId: 'sa-1', name: 'HR', kind: 'team', supervisorId: 'director' },
      ],
      people,
    });
  });

  afterAll(async () => {
    await Promise.all([app?.stop(), connector?.close()]);
  });

  const invoke = (p: Person, verb: string, data: Json, locale = 'fi-FI', trigger?: 'manual' | 'automatic') =>
    invokeCard(
      app.url,
      cardAction(user(p), verb, data, { serviceUrl: connector.serviceUrl, locale, trigger }),
    );

  async function chat(p: Person, text: string, locale = 'fi-FI'): Promise<Json> {
    const before = connector.activities().length;
    const response = await postActivity(
      app.url,
      personalMessage(user(p), text, { serviceUrl: connector.serviceUrl, locale }),
    );
    expect(response.status).toBe(200);
    await connector.waitForActivities(before + 1);
    const reply = connector.activities()[before] as Json;
    const attachment = (reply.attachments as Json[] | undefined)?.[0];
    return (attachment?.content ?? {}) as Json;
  }

  const stored = async (p: Person) =>
    (await app.repositories.developmentDiscussions.get(tenantId, YEAR, p.id)) ?? undefined;

  const open = (viewer: Person, employee: Person, view: Json = { kind: 'summary' }, locale?: string) =>
    invoke(viewer, VERBS.open, { employeeId: employee.id, year: YEAR, view }, locale);

  async function schedule(employee: Person): Promise<void> {
    const summary = await open(supervisor, employee);
    await invoke(supervisor, VERBS.schedule, {
      ...button(summary, VERBS.schedule),
      meetingDate: '2026-02-20',
      meetingTime: '09:00',
    });
  }

  it('"oma keskustelu" starts this year’s discussion and answers with its summary card, with an edit button', async () => {
    const card = await chat(flow, 'oma keskustelu');
    expect(card.version).toBe('1.5');
    expect(cardText(card)).toContain('Kehityskeskusteluni 2026');
    expect(cardText(card)).toContain('Aikaa ei ole sovittu');
    expect(buttons(card).map((b) => b.title)).toContain('Muokkaa valmistelua');
    expect(JSON.stringify(card).length).toBeLessThan(20_000);
    expect((await stored(flow))?.value.status).toBe('notScheduled');
  });

  it('walks the employee through the form one section per card, saving the draft at every step', async () => {
    const first = await open(flow, flow, { kind: 'step', step: 1 });
    expect(cardText(first)).toContain('Vaihe 1 / 6: Kulunut työvuosi');
    const second = await invoke(flow, VERBS.savePreparation, {
      ...button(first, VERBS.savePreparation, 'Tallenna ja jatka'),
      s_pastYearReview: 'Palkkajärjestelmän käyttöönotto onnistui.',
    });
    expect(cardText(second)).toContain('Vaihe 2 / 6: Hyvinvointi');
    expect((await stored(flow))?.value.preparation.pastYearReview).toBe(
      'Palkkajärjestelmän käyttöönotto onnistui.',
    );
    const back = await invoke(flow, VERBS.savePreparation, {
      ...button(second, VERBS.savePreparation, 'Edellinen'),
      s_wellbeing: 'Jaksan hyvin.',
    });
    expect(input(back, 's_pastYearReview')?.value).toBe('Palkkajärjestelmän käyttöönotto onnistui.');
    const ratings = await open(flow, flow, { kind: 'step', step: 5 });
    expect(cardText(ratings)).toContain('Vaihe 5 / 6: Osaamisten arviointi');
    const goals = await invoke(flow, VERBS.savePreparation, {
      ...button(ratings, VERBS.savePreparation, 'Tallenna ja jatka'),
      'r_self-management': '4',
      'r_technology-and-digital': '2',
    });
    const summary = await invoke(flow, VERBS.savePreparation, {
      ...button(goals, VERBS.savePreparation, 'Tallenna ja näytä yhteenveto'),
      l0_text: 'Excelin tehokäyttö',
      l0_way: '20',
    });
    expect(cardText(summary)).toContain('Excelin tehokäyttö');
    const discussion = (await stored(flow))?.value;
    expect(discussion?.selfRatings).toEqual({ 'self-management': 4, 'technology-and-digital': 2 });
    expect(discussion?.preparation.wellbeing).toBe('Jaksan hyvin.');
    expect(discussion?.proposedLearningGoals).toMatchObject([{ text: 'Excelin tehokäyttö', way: '20' }]);
  });

  it('adds the supervisor-competence step and the supervisor competences to a supervisor’s own discussion', async () => {
    await chat(supervisor, 'oma keskustelu');
    const step = await open(supervisor, supervisor, { kind: 'step', step: 4 });
    expect(cardText(step)).toContain('Vaihe 4 / 7: Esihenkilöosaaminen');
    expect(input(step, 's_supervisorCompetence')).toBeDefined();
    const assessment = await open(supervisor, supervisor, { kind: 'step', step: 6 });
    const ratings = JSON.stringify(assessment).match(/"id":"r_/g);
    expect(ratings).toHaveLength(13);
    expect(JSON.stringify(assessment).length).toBeLessThan(40_000);
  });

  it('returns the same card with the error next to the field, in Finnish, and stores nothing', async () => {
    await open(validation, validation);
    const before = await stored(validation);
    const card = await open(validation, validation, { kind: 'step', step: 1 });
    const refused = await invoke(validation, VERBS.savePreparation, {
      ...button(card, VERBS.savePreparation, 'Tallenna ja jatka'),
      s_pastYearReview: 'x'.repeat(801),
    });
    expect(cardText(refused)).toContain('Vaihe 1 / 6');
    expect(errorNextTo(refused, 's_pastYearReview')).toBe('Teksti on liian pitkä (enintään 800 merkkiä).');
    expect(input(refused, 's_pastYearReview')?.value).toBe('x'.repeat(801));
    // The limit is stated on the field, so a paste the client cuts at maxLength does not go unnoticed.
    expect(input(refused, 's_pastYearReview')).toMatchObject({
      maxLength: 800,
      label: 'Kuluneen työvuoden arviointi (enintään 800 merkkiä)',
    });
    const goals = await open(validation, validation, { kind: 'step', step: 6 });
    const noWay = await invoke(validation, VERBS.savePreparation, {
      ...button(goals, VERBS.savePreparation, 'Tallenna ja näytä yhteenveto'),
      l0_text: 'Esiintymistaito',
    });
    expect(errorNextTo(noWay, 'l0_way')).toBe('Valitse oppimisen tapa (70, 20 tai 10).');
    expect((await stored(validation))?.etag).toBe(before?.etag);
  });

  it('reports a rating outside the scale next to it in Swedish, and stores nothing', async () => {
    await open(swede, swede, { kind: 'summary' }, 'sv-FI');
    const before = await stored(swede);
    const card = await open(swede, swede, { kind: 'step', step: 5 }, 'sv-FI');
    expect(cardText(card)).toContain('Steg 5 / 6: Bedömning av kompetenser');
    const refused = await invoke(
      swede,
      VERBS.savePreparation,
      {
        ...button(card, VERBS.savePreparation, 'Spara och fortsätt'),
        'r_self-management': '9',
        'r_professional-competence': '3',
      },
      'sv-FI',
    );
    expect(errorNextTo(refused, 'r_self-management')).toBe('Välj en bedömning på skalan 1–5.');
    expect(errorNextTo(refused, 'r_professional-competence')).toBe('');
    const tooLong = await invoke(
      swede,
      VERBS.savePreparation,
      {
        ...button(
          await open(swede, swede, { kind: 'step', step: 2 }, 'sv-FI'),
          VERBS.savePreparation,
          'Spara och fortsätt',
        ),
        s_wellbeing: 'å'.repeat(900),
      },
      'sv-FI',
    );
    expect(errorNextTo(tooLong, 's_wellbeing')).toBe('Texten är för lång (högst 800 tecken).');
    expect((await stored(swede))?.etag).toBe(before?.etag);
  });

  it('answers a stale edit with "someone else changed this", the latest version and the unsaved text, overwriting nothing', async () => {
    const card = await open(racer, racer, { kind: 'step', step: 1 });
    const save = button(card, VERBS.savePreparation, 'Tallenna ja jatka');
    await invoke(racer, VERBS.savePreparation, { ...save, s_pastYearReview: 'Ensimmäinen versio.' });
    const stale = await invoke(racer, VERBS.savePreparation, {
      ...save,
      s_pastYearReview: 'Vanhasta kortista.',
    });
    expect(cardText(stale)).toContain('Joku muu muutti tätä sillä välin');
    expect(input(stale, 's_pastYearReview')?.value).toBe('Ensimmäinen versio.');
    // What was typed on the stale card is shown beside the latest version, not thrown away.
    expect(cardText(stale)).toContain('Tekstisi, jota ei tallennettu');
    expect(cardText(stale)).toContain('Vanhasta kortista.');
    expect((await stored(racer))?.value.preparation.pastYearReview).toBe('Ensimmäinen versio.');
  });

  it('takes a double click on "ready for the discussion" once, without a conflict', async () => {
    await open(clicker, clicker);
    await schedule(clicker);
    const summary = await open(clicker, clicker);
    const submit = button(summary, VERBS.submitPreparation);
    const [first, second] = await Promise.all([
      invoke(clicker, VERBS.submitPreparation, submit),
      invoke(clicker, VERBS.submitPreparation, submit),
    ]);
    for (const card of [first, second]) {
      expect(cardText(card)).toContain('Valmisteltu');
      expect(cardText(card)).not.toContain('Joku muu muutti');
    }
    expect((await stored(clicker))?.value.status).toBe('prepared');
  });

  it('creates one discussion when it is opened twice at once', async () => {
    const fresh = others[0] as Person;
    const cards = await Promise.all([open(fresh, fresh), open(fresh, fresh), open(supervisor, fresh)]);
    for (const card of cards) expect(cardText(card)).toContain('Aikaa ei ole sovittu');
    const page = await app.repositories.developmentDiscussions.listForServiceArea(tenantId, YEAR, 'sa-1');
    expect(page.items.filter((item) => item.value.employeeId === fresh.id)).toHaveLength(1);
  });

  it('refuses anyone but the two parties, HR included, with a refusal card, changing nothing', async () => {
    const before = await stored(flow);
    for (const stranger of [outsider, hr]) {
      const opened = await open(stranger, flow);
      expect(cardText(opened)).toContain('Sinulla ei ole oikeutta tähän keskusteluun');
      expect(cardText(opened)).not.toContain('Palkkajärjestelmän');
      const saved = await invoke(stranger, VERBS.savePreparation, {
        employeeId: flow.id,
        year: YEAR,
        etag: before?.etag,
        step: 1,
        go: 'next',
        s_pastYearReview: 'Ei kuulu minulle.',
      });
      expect(cardText(saved)).toContain('Mitään ei muutettu');
    }
    expect((await stored(flow))?.etag).toBe(before?.etag);
  });

  it('shows a supervisor each report’s status this cycle, readable as one short row per person', async () => {
    const card = await chat(supervisor, 'tiimini');
    const text = cardText(card);
    expect(text).toContain('Tiimisi kehityskeskustelut 2026');
    expect(text).toContain(`${racer.firstName} ${racer.lastName}`);
    expect(text).toContain('Ei aloitettu');
    const rows = (card.body as Json[]).filter((element) => element.selectAction);
    expect(rows).toHaveLength(15);
    expect(JSON.stringify(card).length).toBeLessThan(15_000);
    // The English command is understood; the answer is in the person's own language, not the client's.
    const notSupervisor = await chat(flow, 'my team', 'en-GB');
    expect(cardText(notSupervisor)).toContain('Tiimin tilanne on esihenkilöille');
  });

  it('lets the supervisor schedule, requiring a date and a time', async () => {
    const summary = await open(supervisor, flow);
    const missing = await invoke(supervisor, VERBS.schedule, {
      ...button(summary, VERBS.schedule),
      meetingDate: '2026-02-20',
    });
    expect(errorNextTo(missing, 'meetingTime')).toBe('Pakollinen tieto.');
    expect((await stored(flow))?.value.status).toBe('notScheduled');
    const scheduled = await invoke(supervisor, VERBS.schedule, {
      ...button(summary, VERBS.schedule),
      meetingDate: '2026-02-20',
      meetingTime: '09:00',
    });
    expect(cardText(scheduled)).toContain('Aika sovittu');
    expect((await stored(flow))?.value.scheduledAt).toBe('2026-02-20T07:00:00.000Z');
  });

  it('gives the supervisor the shared preparation with coaching questions, and highlights differing ratings', async () => {
    const notShared = await open(supervisor, flow, { kind: 'step', step: 1 });
    expect(cardText(notShared)).toContain('ei ole vielä merkinnyt valmisteluaan valmiiksi');
    expect(cardText(notShared)).not.toContain('Palkkajärjestelmän');
    await invoke(flow, VERBS.submitPreparation, button(await open(flow, flow), VERBS.submitPreparation));
    const first = await open(supervisor, flow, { kind: 'step', step: 1 });
    const text = cardText(first);
    expect(text).toContain('Kehityskeskustelu 2026: Etuflow Sukuflow');
    expect(text).toContain('Palkkajärjestelmän käyttöönotto onnistui.');
    expect(text).toContain('Valmentavia kysymyksiä');
    expect(text).toContain('Mistä olet kuluneena vuonna erityisen ylpeä');
    await invoke(supervisor, VERBS.saveSupervisorPart, {
      ...button(first, VERBS.saveSupervisorPart, 'Tallenna ja jatka'),
      s_pastYearReview: 'Hieno vuosi.',
    });
    const ratings = await open(supervisor, flow, { kind: 'step', step: 5 });
    const rated = await invoke(supervisor, VERBS.saveSupervisorPart, {
      ...button(ratings, VERBS.saveSupervisorPart, 'Tallenna ja jatka'),
      'r_self-management': '4',
      'r_technology-and-digital': '4',
    });
    expect(cardText(rated)).toContain('Vaihe 6 / 6: Oppimistavoitteet');
    expect(cardText(rated)).toContain('Excelin tehokäyttö (20 – oppiminen toisilta)');
    const again = await open(supervisor, flow, { kind: 'step', step: 5 });
    const differs = JSON.stringify(again).match(/Arviot eroavat/g) ?? [];
    expect(differs).toHaveLength(1);
    expect(cardText(again)).toContain('Itsearvio: Tyydyttävä (2)');
  });

  it('records the agreed goals and 70-20-10 learning goals, then both sign and the record is locked', async () => {
    const goalsCard = await open(supervisor, flow, { kind: 'step', step: 6 });
    expect(JSON.stringify(goalsCard).length).toBeLessThan(40_000);
    const summary = await invoke(supervisor, VERBS.saveSupervisorPart, {
      ...button(goalsCard, VERBS.saveSupervisorPart, 'Tallenna ja näytä yhteenveto'),
      g0_text: 'Palkanlaskennan automaatio käyttöön',
      g0_status: 'open',
      l0_text: 'Excelin tehokäyttö',
      l0_way: '20',
      l0_status: 'inProgress',
    });
    expect(cardText(summary)).toContain('Palkanlaskennan automaatio käyttöön – Aloittamatta');
    now = new Date('2026-02-20T10:00:00Z');
    const onTheDay = await open(supervisor, flow);
    const held = await invoke(supervisor, VERBS.markHeld, button(onTheDay, VERBS.markHeld));
    now = NOW;
    const employeeView = await open(flow, flow);
    expect(cardText(employeeView)).toContain('Hieno vuosi.');
    const signedByEmployee = await invoke(flow, VERBS.sign, button(employeeView, VERBS.sign));
    // The instruction follows who has signed: the employee is no longer asked to sign, the supervisor is.
    expect(cardText(signedByEmployee)).toContain('Odotetaan esihenkilösi hyväksyntää.');
    expect(cardText(signedByEmployee)).not.toContain('Tarkista kirjaukset ja hyväksy ne.');
    expect(cardText(await open(supervisor, flow))).toContain('Tarkista kirjaukset ja hyväksy ne.');
    const signed = await invoke(supervisor, VERBS.sign, button(await open(supervisor, flow), VERBS.sign));
    expect(cardText(held)).toContain('Keskustelu käyty');
    expect(cardText(signed)).toContain('Hyväksytty');
    expect(buttons(signed).map((b) => b.verb)).not.toContain(VERBS.open);
    const locked = await stored(flow);
    expect(locked?.value.status).toBe('signed');

    const edit = await invoke(flow, VERBS.savePreparation, {
      employeeId: flow.id,
      year: YEAR,
      etag: locked?.etag,
      step: 1,
      go: 'next',
      s_pastYearReview: 'Muutos jälkikäteen.',
    });
    expect(cardText(edit)).toContain('Keskustelu on hyväksytty ja lukittu');
    expect((await stored(flow))?.etag).toBe(locked?.etag);
  });

  it('reopens a signed discussion only with a reason, and keeps the reason', async () => {
    const summary = await open(supervisor, flow);
    const noReason = await invoke(supervisor, VERBS.reopen, {
      ...button(summary, VERBS.reopen),
      reopenReason: '  ',
    });
    expect(errorNextTo(noReason, 'reopenReason')).toBe('Pakollinen tieto.');
    expect((await stored(flow))?.value.status).toBe('signed');
    const byEmployee = await invoke(flow, VERBS.reopen, {
      ...button(summary, VERBS.reopen),
      reopenReason: 'Haluan muuttaa.',
    });
    expect(cardText(byEmployee)).toContain('Vain esihenkilö voi tehdä tämän');
    const reopened = await invoke(supervisor, VERBS.reopen, {
      ...button(summary, VERBS.reopen),
      reopenReason: 'Tavoitteen sanamuoto korjataan.',
    });
    expect(cardText(reopened)).toContain('Tavoitteen sanamuoto korjataan.');
    const discussion = (await stored(flow))?.value;
    expect(discussion?.status).toBe('held');
    expect(discussion?.reopenings).toMatchObject([
      { by: supervisor.id, reason: 'Tavoitteen sanamuoto korjataan.' },
    ]);
    const summaryAgain = await open(flow, flow);
    await invoke(flow, VERBS.sign, button(summaryAgain, VERBS.sign));
    await invoke(supervisor, VERBS.sign, button(await open(supervisor, flow), VERBS.sign));
    expect((await stored(flow))?.value.status).toBe('signed');
  });

  it('updates goal statuses from the follow-up check-in, also after signing', async () => {
    const summary = await open(flow, flow);
    const followUp = await invoke(flow, VERBS.openFollowUp, button(summary, VERBS.openFollowUp));
    expect(cardText(followUp)).toContain('Tavoitteiden seuranta 2026');
    const saved = await invoke(flow, VERBS.saveFollowUp, {
      ...button(followUp, VERBS.saveFollowUp),
      f0: 'done',
      f1: 'inProgress',
    });
    expect(cardText(saved)).toContain('Tilanne tallennettu.');
    const discussion = (await stored(flow))?.value;
    expect(discussion?.goals[0]?.status).toBe('done');
    expect(discussion?.status).toBe('signed');
    expect(discussion?.employeeSignature).not.toBeNull();
  });

  it('sends the follow-up check-in card to the employee’s personal chat', async () => {
    await chat(flow, 'ohje');
    const before = connector.activities().length;
    const summary = await open(supervisor, flow);
    const answer = await invoke(supervisor, VERBS.sendFollowUp, button(summary, VERBS.sendFollowUp));
    expect(cardText(answer)).toContain('Seurantakysely lähetettiin työntekijälle.');
    await connector.waitForActivities(before + 1);
    const sent = connector.activities()[before] as Json;
    expect(sent.conversationId).toBe(`a:${flow.aadObjectId}`);
    const card = ((sent.attachments as Json[])[0] as Json).content as Json;
    expect(cardText(card)).toContain('Tavoitteiden seuranta 2026');
    expect(button(card, VERBS.saveFollowUp)).toMatchObject({ employeeId: flow.id });
  });

  it('tells the supervisor when Teams did not take the check-in: it will still arrive by itself, or it failed for good', async () => {
    await chat(flow, 'ohje');
    const conversation = `a:${flow.aadObjectId}`;
    const summary = await open(supervisor, flow);
    const before = connector.activities().length;
    // Throttled beyond the supervisor's wait (8 s): kept, and the app's worker sends it from storage after the
    // Retry-After.
    scripted.set(conversation, {
      failure: { status: 429, code: 'Throttled', retryAfterSeconds: 9 },
      once: true,
    });
    const throttled = await invoke(supervisor, VERBS.sendFollowUp, button(summary, VERBS.sendFollowUp));
    expect(cardText(throttled)).toContain('Se lähetetään automaattisesti uudelleen');
    await connector.waitForActivities(before + 1, 25_000);
    expect(connector.activities()[before]).toMatchObject({ conversationId: conversation });

    // Refused (a 400 is never retried): said so, and nothing arrives later.
    scripted.set(conversation, { failure: { status: 400, code: 'BadArgument' }, once: false });
    const refused = await invoke(supervisor, VERBS.sendFollowUp, button(summary, VERBS.sendFollowUp));
    scripted.delete(conversation);
    expect(cardText(refused)).toContain('eikä sitä yritetä uudelleen');
    expect(connector.activities()).toHaveLength(before + 1);
  }, 45_000);

  it('refreshes each party to their own view, with both parties’ Teams ids on the card', async () => {
    await chat(supervisor, 'ohje');
    const employeeCard = await open(flow, flow, { kind: 'followUp' });
    const refresh = (employeeCard.refresh ?? {}) as { action: { data: Json }; userIds: string[] };
    expect(refresh.userIds.sort()).toEqual([`29:${flow.aadObjectId}`, `29:${supervisor.aadObjectId}`].sort());
    const forEmployee = await invoke(flow, VERBS.refresh, refresh.action.data, 'fi-FI', 'automatic');
    expect(cardText(forEmployee)).toContain('Tavoitteiden seuranta');
    const forSupervisor = await invoke(supervisor, VERBS.refresh, refresh.action.data, 'fi-FI', 'automatic');
    expect(cardText(forSupervisor)).toContain('Kehityskeskustelu 2026: Etuflow Sukuflow');
    const forOutsider = await invoke(outsider, VERBS.refresh, refresh.action.data, 'fi-FI', 'automatic');
    expect(cardText(forOutsider)).toContain('Sinulla ei ole oikeutta');
  });
});
