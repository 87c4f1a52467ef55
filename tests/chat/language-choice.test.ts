/**
 * Each person's language is their own choice: stored per person (with its ETag), defaulting to the HR record's
 * language, then the Teams locale; changeable with "kieli" / "språk" / "language" in chat and from the personal
 * tab's API; every reply, card and reminder follows it.
 */
import type { RunningApp } from '../../bot/src/app';
import { startConnectorStandIn, type ConnectorStandIn } from '../../bot/src/devstack/bot-connector-stand-in';
import { translate } from '../../bot/src/i18n/translate';
import { loadSnapshot } from '../../bot/src/clock/load-snapshot';
import { demoPersonas, generateDemoMunicipality } from '../../bot/src/organisation-data/demo-municipality';
import { writeOrganisation } from '../../bot/src/storage/organisation-import';
import { cardAction, invokeCard, personalMessage, postActivity } from '../support/activities';
import { startTestApp } from '../support/app';
import { newTenantId } from '../support/storage';
import { bearer, devToken } from '../support/tokens';

type Json = Record<string, unknown>;

describe('a person’s own language, chosen in chat or the personal tab', () => {
  let app: RunningApp;
  let connector: ConnectorStandIn;
  const tenantId = newTenantId();
  const demo = generateDemoMunicipality(tenantId);
  const personas = demoPersonas(demo);
  const swede = { tenantId, aadObjectId: personas.swedishEmployee.aadObjectId, name: 'Swede' };
  const swedeId = personas.swedishEmployee.personId;

  beforeAll(async () => {
    [app, connector] = await Promise.all([startTestApp(), startConnectorStandIn()]);
    const person = demo.people.find((candidate) => candidate.id === swedeId)!;
    expect(person.locale).toBe('sv');
    await writeOrganisation(app.repositories, tenantId, {
      organisation: demo.organisation,
      serviceAreas: demo.serviceAreas,
      teams: demo.teams
        .filter((team) => team.id === person.teamId)
        .map((team) => ({ ...team, supervisorId: null })),
      people: [{ ...person, supervisorId: null }],
    });
  });

  afterAll(async () => {
    await Promise.all([app?.stop(), connector?.close()]);
  });

  async function reply(text: string, locale = 'en-US'): Promise<Json> {
    const before = connector.activities().length;
    const response = await postActivity(
      app.url,
      personalMessage(swede, text, { serviceUrl: connector.serviceUrl, locale }),
    );
    expect(response.status).toBe(200);
    await connector.waitForActivities(before + 1);
    return connector.activities()[before] as Json;
  }

  const cardOf = (activity: Json): Json =>
    ((activity.attachments as Array<{ content: Json }> | undefined) ?? [])[0]?.content ?? {};
  const textsOf = (card: Json): string => JSON.stringify(card.body);
  const press = (locale: string): Promise<Json> =>
    invokeCard(
      app.url,
      cardAction(swede, 'language.choose', { locale }, { serviceUrl: connector.serviceUrl, locale: 'en-US' }),
    );

  async function tabLanguage(token: string): Promise<{ status: number; body: Json }> {
    const response = await fetch(`${app.url}/api/v1/me/language`, { headers: bearer(token) });
    return { status: response.status, body: (await response.json()) as Json };
  }

  async function putTabLanguage(
    token: string,
    body: unknown,
    etag: string | null,
  ): Promise<{ status: number; body: Json }> {
    const response = await fetch(`${app.url}/api/v1/me/language`, {
      method: 'PUT',
      headers: {
        ...bearer(token),
        'content-type': 'application/json',
        ...(etag ? { 'if-match': etag } : {}),
      },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Json };
  }

  it('speaks Swedish to a Swedish HR record with an English Teams, until the person chooses otherwise', async () => {
    const help = await reply('help');
    expect(String(help.text)).toContain(translate('sv', 'help.title'));

    const card = cardOf(await reply('language'));
    expect(textsOf(card)).toContain(translate('sv', 'language.now'));
    const actions = card.actions as Array<{ title: string; verb: string; data: { locale: string } }>;
    expect(actions.map((action) => action.title)).toEqual(['Suomi', 'Svenska', 'English']);
    expect(new Set(actions.map((action) => action.verb))).toEqual(new Set(['language.choose']));

    const answered = await press('en');
    expect(textsOf(answered)).toContain(translate('en', 'language.saved'));
    expect(textsOf(answered)).toContain(translate('en', 'language.now'));

    // The next card is English: the discussion card's fallback text and the help both.
    const next = await reply('mitt utvecklingssamtal', 'sv-FI');
    expect(String(next.text)).toBe(translate('en', 'discussion.fallback'));
    expect(String((await reply('hjälp', 'sv-FI')).text)).toContain(translate('en', 'help.title'));
  });

  it('recognises the command in each language and refuses a language the app does not speak', async () => {
    for (const word of ['kieli', 'språk', 'Language']) {
      expect(String((await reply(word)).text)).toBe(translate('en', 'language.fallback'));
    }
    const unchanged = await press('de');
    expect(textsOf(unchanged)).not.toContain(translate('en', 'language.saved'));
    expect(await app.repositories.languageChoices.chosenLocale(tenantId, swedeId)).toBe('en');
  });

  it('shows the stored choice in the personal tab’s API and changes it there with its ETag', async () => {
    const token = await devToken(app.url, tenantId, swedeId);
    const shown = await tabLanguage(token);
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ chosen: 'en', record: 'sv', effective: 'en' });
    expect(typeof shown.body.etag).toBe('string');

    // No ETag (the tab saw no choice) while one is stored: refused with the stored choice, nothing written.
    const stale = await putTabLanguage(token, { locale: 'fi' }, null);
    expect(stale.status).toBe(409);
    expect(JSON.stringify(stale.body)).toContain('"chosen":"en"');
    expect(await app.repositories.languageChoices.chosenLocale(tenantId, swedeId)).toBe('en');

    const invalid = await putTabLanguage(token, { locale: 'de' }, String(shown.body.etag));
    expect(invalid.status).toBe(400);

    const changed = await putTabLanguage(token, { locale: 'fi' }, String(shown.body.etag));
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ chosen: 'fi', record: 'sv', effective: 'fi' });
    expect(changed.body.etag).not.toBe(shown.body.etag);

    // The bot's replies follow the tab's change.
    expect(String((await reply('help')).text)).toContain(translate('fi', 'help.title'));
  });

  it('gives the daily reminders the person’s chosen language', async () => {
    const snapshot = await loadSnapshot(app.repositories, tenantId, [2027]);
    expect(snapshot.people.find((person) => person.id === swedeId)?.locale).toBe('fi');
  });
});
