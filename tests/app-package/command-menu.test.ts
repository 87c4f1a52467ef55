/**
 * The command menu Teams shows (the manifest's commandLists and their fi / sv translations) is the table the bot
 * recognises commands from (bot/src/chat/command-menu.ts): every entry, in every language, runs the command the
 * table names, and its description and help line say what that command does.
 */
import type { RunningApp } from '../../bot/src/app';
import { COMMAND_MENU } from '../../bot/src/chat/command-menu';
import { startConnectorStandIn, type ConnectorStandIn } from '../../bot/src/devstack/bot-connector-stand-in';
import type { Locale } from '../../bot/src/domain/locale';
import { translate, type MessageKey } from '../../bot/src/i18n/translate';
import { demoPersonas, generateDemoMunicipality } from '../../bot/src/organisation-data/demo-municipality';
import { writeOrganisation } from '../../bot/src/storage/organisation-import';
import { personalMessage, postActivity } from '../support/activities';
import { startTestApp } from '../support/app';
import { newTenantId } from '../support/storage';
import { readJson, type Json } from './app-package';

const LOCALES: Locale[] = ['fi', 'sv', 'en'];

/** The menu as Teams shows it in a language: the manifest (English) or its translation file. */
function menuIn(locale: Locale): Array<{ title: string; description: string }> {
  const manifest = readJson('appPackage/manifest.json');
  const [bot] = manifest.bots as Json[];
  const [list] = bot!.commandLists as Array<{ commands: Array<{ title: string; description: string }> }>;
  if (locale === 'en') return list!.commands;
  const translation = readJson(`appPackage/${locale}.json`);
  return list!.commands.map((_, index) => ({
    title: String(translation[`bots[0].commandLists[0].commands[${index}].title`]),
    description: String(translation[`bots[0].commandLists[0].commands[${index}].description`]),
  }));
}

describe.each(LOCALES)('the command menu in %s', (locale) => {
  test('is the table the bot uses, entry by entry', () => {
    expect(menuIn(locale)).toEqual(
      COMMAND_MENU.map((entry) => ({ title: entry.title[locale], description: entry.description[locale] })),
    );
  });

  test('fits the manifest schema’s limits (title 32, description 128 characters)', () => {
    for (const entry of menuIn(locale)) {
      expect(entry.title.length).toBeLessThanOrEqual(32);
      expect(entry.description.length).toBeLessThanOrEqual(128);
    }
  });

  test('names each command in the help text with the menu’s own title', () => {
    for (const entry of COMMAND_MENU) {
      expect(translate(locale, entry.helpKey)).toMatch(new RegExp(`^\\*\\*${entry.title[locale]}\\*\\* – `));
    }
  });
});

describe('every menu entry works in every language, through the bot endpoint', () => {
  let app: RunningApp;
  let connector: ConnectorStandIn;
  const tenantId = newTenantId();
  const demo = generateDemoMunicipality(tenantId);
  const personas = demoPersonas(demo);

  const userOf = (locale: Locale) => ({
    tenantId,
    aadObjectId: `${personas.supervisor.aadObjectId.slice(0, -2)}${locale}`,
    name: personas.supervisor.name,
  });

  beforeAll(async () => {
    [app, connector] = await Promise.all([startTestApp(), startConnectorStandIn()]);
    // The bot answers in the person's own language: a supervisor for each language.
    const supervisor = demo.people.find((person) => person.id === personas.supervisor.personId)!;
    const people = LOCALES.map((locale) => ({
      ...supervisor,
      id: `${supervisor.id}-${locale}`,
      aadObjectId: userOf(locale).aadObjectId,
      locale,
    }));
    const teamIds = new Set(people.map((person) => person.teamId));
    await writeOrganisation(app.repositories, tenantId, {
      organisation: demo.organisation,
      serviceAreas: demo.serviceAreas,
      teams: demo.teams.filter((team) => teamIds.has(team.id)),
      people,
    });
  });

  afterAll(async () => {
    await Promise.all([app?.stop(), connector?.close()]);
  });

  async function reply(text: string, locale: Locale): Promise<Json> {
    const before = connector.activities().length;
    const user = userOf(locale);
    const response = await postActivity(
      app.url,
      personalMessage(user, text, { serviceUrl: connector.serviceUrl, locale: `${locale}-FI` }),
    );
    expect(response.status).toBe(200);
    await connector.waitForActivities(before + 1);
    return connector.activities()[before] as Json;
  }

  /** What each command answers with: its card's fallback text, or the help text's title. */
  const ANSWERS: Record<(typeof COMMAND_MENU)[number]['commandId'], MessageKey> = {
    help: 'help.title',
    myDiscussion: 'discussion.fallback',
    myTeam: 'myTeam.fallback',
    language: 'language.fallback',
  };

  const cases = LOCALES.flatMap((locale) =>
    COMMAND_MENU.map((entry) => [locale, entry.title[locale], entry.commandId] as const),
  );

  test.each(cases)('%s: "%s" runs %s', async (locale, title, commandId) => {
    const answer = await reply(title, locale);
    expect(String(answer.text)).not.toContain(translate(locale, 'help.unknown', { text: '' }).slice(0, 12));
    expect(String(answer.text)).toContain(translate(locale, ANSWERS[commandId]));
    if (commandId !== 'help') expect(answer.attachments).toHaveLength(1);
  });
});
