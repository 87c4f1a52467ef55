/**
 * Every card with text inputs shows a refused submission next to the field, as the development-discussion
 * cards do: a control or bidirectional-override character in a group discussion's contribution, a training
 * plan's new item, the strategic discussion's agenda or HR's summary conclusions — or a rule of the plan such
 * as a missing need — comes back as the same card with the message (in the user's language) under that input,
 * everything typed still in the inputs, and nothing stored.
 */
import type { RunningApp } from '../../bot/src/app';
import { startConnectorStandIn, type ConnectorStandIn } from '../../bot/src/devstack/bot-connector-stand-in';
import { groupDiscussionId } from '../../bot/src/group-discussions/group-discussion-start';
import type { Locale } from '../../bot/src/domain/locale';
import type { TeamsUser } from '../support/activities';
import { startTestApp } from '../support/app';
import { newTenantId } from '../support/storage';
import { AREA_A, AREA_C, knownCity, storeKnownCity, YEAR } from '../summaries/support/known-city';
import { actionsOf, cardAction, cardOf, invoke } from '../summaries/support/teams-activities';
import { errorNextTo, input } from './card-helpers';

const NUL = '\u0000';
const RIGHT_TO_LEFT_OVERRIDE = '\u202E';
/** The card refusal's opening words in each language (the card speaks the person's own language). */
const MESSAGES = {
  fi: 'Tekstissä on näkymättömiä ohjausmerkkejä',
  sv: 'Texten innehåller osynliga styrtecken',
  en: 'The text contains invisible control characters',
};

describe('a refused text on a card is shown next to its field', () => {
  let app: RunningApp;
  let connector: ConnectorStandIn;
  let now = new Date();
  const tenantId = newTenantId();
  const city = knownCity(tenantId);
  const as = (personId: string): TeamsUser => {
    const person = city.people.find((candidate) => candidate.id === personId);
    if (!person?.aadObjectId) throw new Error(`no person ${personId}`);
    return { tenantId, aadObjectId: person.aadObjectId, name: `${person.firstName} ${person.lastName}` };
  };
  const press = async (personId: string, verb: string, data: Record<string, unknown>) =>
    invoke(app.url, cardAction(as(personId), verb, data, { serviceUrl: connector.serviceUrl }));
  const speaks = (personId: string, locale: Locale) => {
    const person = city.people.find((candidate) => candidate.id === personId);
    if (person) Object.assign(person, { locale });
  };
  const etagOn = (card: Record<string, unknown>, verb: string): string =>
    String(actionsOf(card).find((action) => action.verb === verb)?.data.etag ?? '');

  beforeAll(async () => {
    [app, connector] = await Promise.all([
      startTestApp({}, { now: () => now }),
      startConnectorStandIn({ limits: null }),
    ]);
    speaks(city.member('alfa', 2).id, 'sv');
    speaks(city.hr.id, 'en');
    await storeKnownCity(app.repositories, city);
  });

  afterAll(async () => {
    await Promise.all([app?.stop(), connector?.close()]);
  });

  it('group discussion: a contribution with a right-to-left override, in Swedish', async () => {
    now = new Date('2027-02-01T09:00:00.000Z');
    const chair = city.teamSupervisor('alfa').id;
    const member = city.member('alfa', 2).id;
    await press(chair, 'groupDiscussion.open', { year: 2027, teamId: 'alfa' });
    const discussion = { year: 2027, id: groupDiscussionId('alfa') };
    const refused = cardOf(
      await press(member, 'groupDiscussion.contribute', {
        ...discussion,
        t_futureNeeds: `Tekoäly ${RIGHT_TO_LEFT_OVERRIDE}exe.fdp`,
        t_currentCompetence: 'Vahva asiakaspalvelu',
      }),
    ).card;
    expect(errorNextTo(refused, 't_futureNeeds')).toContain(MESSAGES.sv);
    expect(errorNextTo(refused, 't_currentCompetence')).toBe('');
    // What the member typed is still there, in both fields.
    expect(input(refused, 't_currentCompetence')?.value).toBe('Vahva asiakaspalvelu');
    expect(input(refused, 't_futureNeeds')?.value).toBe(`Tekoäly ${RIGHT_TO_LEFT_OVERRIDE}exe.fdp`);
    const stored = await app.repositories.groupDiscussions.get(tenantId, 2027, discussion.id);
    expect(stored?.value.contributions).toEqual([]);
  });

  it('training plan: a new item’s need with NUL, in Finnish', async () => {
    now = new Date();
    const director = city.director.id;
    const plan = { year: YEAR, serviceAreaId: AREA_A };
    const opened = cardOf(await press(director, 'trainingPlan.open', plan)).card;
    const refused = cardOf(
      await press(director, 'trainingPlan.addItem', {
        ...plan,
        etag: etagOn(opened, 'trainingPlan.addItem'),
        need: `Excel${NUL}-koulutus`,
        way: '20',
        audience: 'Koko tiimi',
        headcount: 12,
      }),
    ).card;
    expect(errorNextTo(refused, 'need')).toContain(MESSAGES.fi);
    expect(input(refused, 'audience')?.value).toBe('Koko tiimi');
    expect(input(refused, 'way')?.value).toBe('20');
    expect(input(refused, 'headcount')?.value).toBe(12);
    const stored = await app.repositories.trainingPlans.get(tenantId, YEAR, AREA_A);
    expect(JSON.stringify(stored?.value.items ?? [])).not.toContain('Excel');
  });

  it('training plan: a refused item for an area without a plan starts no plan', async () => {
    now = new Date();
    const answer = await press(city.hr.id, 'trainingPlan.addItem', {
      year: YEAR,
      serviceAreaId: AREA_C,
      etag: '',
      need: `Ensiapu${NUL}`,
      way: '10',
      headcount: 3,
    });
    expect(JSON.stringify(answer.value)).toContain(MESSAGES.en);
    expect(await app.repositories.trainingPlans.get(tenantId, YEAR, AREA_C)).toBeNull();
  });

  it.each([
    ['an empty need', { need: '   ', headcount: 12 }, 'need', 'Kuvaa tarve.'],
    [
      'a headcount beyond the area’s people',
      { need: 'Ensiapukoulutus', headcount: 99_999_999 },
      'headcount',
      'Henkilömäärä on kokonaisluku väliltä 0–',
    ],
  ])(
    'training plan: the plan’s rules refuse %s under that field, keeping the rest typed',
    async (_case, item, field, message) => {
      now = new Date();
      const director = city.director.id;
      const plan = { year: YEAR, serviceAreaId: AREA_A };
      const opened = cardOf(await press(director, 'trainingPlan.open', plan)).card;
      const itemsBefore = (await app.repositories.trainingPlans.get(tenantId, YEAR, AREA_A))?.value.items;
      const refused = cardOf(
        await press(director, 'trainingPlan.addItem', {
          ...plan,
          etag: etagOn(opened, 'trainingPlan.addItem'),
          way: '70',
          audience: 'Lähihoitajat',
          ...item,
        }),
      ).card;
      expect(errorNextTo(refused, field)).toContain(message);
      expect(errorNextTo(refused, field)).not.toContain('{');
      expect(input(refused, 'audience')?.value).toBe('Lähihoitajat');
      expect(input(refused, 'way')?.value).toBe('70');
      expect((await app.repositories.trainingPlans.get(tenantId, YEAR, AREA_A))?.value.items).toEqual(
        itemsBefore,
      );
    },
  );

  it('strategic discussion: an agenda item with an escape sequence, in English', async () => {
    now = new Date(`${YEAR + 1}-11-15T09:00:00.000Z`);
    const hr = city.hr.id;
    const strategy = { year: YEAR + 1 };
    const opened = cardOf(await press(hr, 'strategy.open', strategy)).card;
    const agendaId = String(
      (JSON.stringify(opened).match(/"id":"(a_[A-Za-z]+)"/) ?? [])[1] ?? 'missing agenda input',
    );
    const refused = cardOf(
      await press(hr, 'strategy.save', {
        ...strategy,
        etag: etagOn(opened, 'strategy.save'),
        [agendaId]: 'Tavoitteet \u001b[31m',
      }),
    ).card;
    expect(errorNextTo(refused, agendaId)).toContain(MESSAGES.en);
    expect(await app.repositories.strategicDiscussions.get(tenantId, YEAR + 1)).toBeNull();
  });

  it('HR summary: conclusions with a bidirectional isolate, in English', async () => {
    now = new Date();
    const hr = city.hr.id;
    const target = { year: YEAR, serviceAreaId: AREA_A };
    const drafted = cardOf(await press(hr, 'summary.draft', { ...target, etag: '' })).card;
    const before = JSON.stringify(
      (await app.repositories.summaries.get(tenantId, YEAR, AREA_A))?.value.conclusions,
    );
    const refused = cardOf(
      await press(hr, 'summary.saveConclusions', {
        ...target,
        etag: etagOn(drafted, 'summary.saveConclusions'),
        c_futureNeeds: 'Tiedolla johtaminen\n\u2066Digitaidot',
        c_currentCompetence: 'Vahva ammattitaito',
      }),
    ).card;
    expect(errorNextTo(refused, 'c_futureNeeds')).toContain(MESSAGES.en);
    expect(input(refused, 'c_currentCompetence')?.value).toBe('Vahva ammattitaito');
    expect(
      JSON.stringify((await app.repositories.summaries.get(tenantId, YEAR, AREA_A))?.value.conclusions),
    ).toBe(before);
  });
  describe('a rule of the practice refusing one field’s text', () => {
    it('group discussion: a contribution too long for its theme, in Swedish', async () => {
      now = new Date('2027-02-01T09:00:00.000Z');
      const member = city.member('alfa', 2).id;
      const discussion = { year: 2027, id: groupDiscussionId('alfa') };
      const refused = cardOf(
        await press(member, 'groupDiscussion.contribute', {
          ...discussion,
          t_workingLifeSkills: 'Yhteistyö kotihoidon kanssa',
          t_futureNeeds: 'Tekoäly '.repeat(40),
        }),
      ).card;
      expect(errorNextTo(refused, 't_futureNeeds')).toBe('Texten är för lång.');
      expect(errorNextTo(refused, 't_workingLifeSkills')).toBe('');
      expect(input(refused, 't_workingLifeSkills')?.value).toBe('Yhteistyö kotihoidon kanssa');
      const stored = await app.repositories.groupDiscussions.get(tenantId, 2027, discussion.id);
      expect(stored?.value.contributions).toEqual([]);
    });

    it('strategic discussion: an agenda text over its limit, in English', async () => {
      now = new Date(`${YEAR + 1}-11-15T09:00:00.000Z`);
      const hr = city.hr.id;
      const strategy = { year: YEAR + 1 };
      const opened = cardOf(await press(hr, 'strategy.open', strategy)).card;
      const [first, second] = [...JSON.stringify(opened).matchAll(/"id":"(a_[A-Za-z]+)"/g)].map(
        (match) => match[1] ?? '',
      );
      if (!first || !second) throw new Error('the strategy card has agenda inputs');
      const refused = cardOf(
        await press(hr, 'strategy.save', {
          ...strategy,
          etag: etagOn(opened, 'strategy.save'),
          [first]: 'Osaamisen johtaminen',
          [second]: 'x'.repeat(2001),
        }),
      ).card;
      expect(errorNextTo(refused, second)).toBe('The text is too long.');
      expect(errorNextTo(refused, first)).toBe('');
      expect(input(refused, first)?.value).toBe('Osaamisen johtaminen');
      expect(await app.repositories.strategicDiscussions.get(tenantId, YEAR + 1)).toBeNull();
    });

    it('HR summary: a conclusion over its limit, under its theme, in English', async () => {
      now = new Date();
      const hr = city.hr.id;
      const target = { year: YEAR, serviceAreaId: AREA_A };
      const opened = cardOf(await press(hr, 'summary.open', target)).card;
      const before = JSON.stringify(
        (await app.repositories.summaries.get(tenantId, YEAR, AREA_A))?.value.conclusions,
      );
      const refused = cardOf(
        await press(hr, 'summary.saveConclusions', {
          ...target,
          etag: etagOn(opened, 'summary.saveConclusions'),
          c_currentCompetence: 'Vahva ammattitaito',
          c_developmentPriorities: `Perehdytys\n${'y'.repeat(801)}`,
        }),
      ).card;
      expect(errorNextTo(refused, 'c_developmentPriorities')).toBe(
        'A conclusion can be at most 800 characters.',
      );
      expect(input(refused, 'c_currentCompetence')?.value).toBe('Vahva ammattitaito');
      expect(
        JSON.stringify((await app.repositories.summaries.get(tenantId, YEAR, AREA_A))?.value.conclusions),
      ).toBe(before);
    });
  });
});
