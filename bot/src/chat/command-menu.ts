/**
 * The bot's command menu in Teams (the manifest's `commandLists`, translated in appPackage/fi.json and sv.json) in
 * one table: the menu's titles and descriptions come from here, and the chat recognises each title, in every
 * language, as the command the table names. tests/app-package/command-menu.test.ts holds the manifest to it.
 */
import type { LocalisedText } from '../domain/locale';
import type { MessageKey } from '../i18n/translate';

export interface MenuCommand {
  /** The chat command it runs (`ChatCommand.id`). */
  commandId: 'help' | 'myDiscussion' | 'myTeam' | 'language';
  /** What Teams shows in the menu and sends when it is chosen; at most 32 characters (manifest schema). */
  title: LocalisedText;
  /** What the command does, as the menu says it; at most 128 characters. */
  description: LocalisedText;
  /** Its line in the help text, which names the same title. */
  helpKey: MessageKey;
}

export const COMMAND_MENU: readonly MenuCommand[] = [
  {
    commandId: 'help',
    title: { fi: 'ohje', sv: 'hjälp', en: 'help' },
    description: {
      fi: 'Mitä Osaamiskello voi tehdä puolestasi',
      sv: 'Vad Osaamiskello kan göra för dig',
      en: 'What Osaamiskello can do for you',
    },
    helpKey: 'help.command.help',
  },
  {
    commandId: 'myDiscussion',
    title: { fi: 'kehityskeskusteluni', sv: 'mitt utvecklingssamtal', en: 'my discussion' },
    description: {
      fi: 'Tämän vuoden kehityskeskustelusi ja sen valmistelu',
      sv: 'Ditt utvecklingssamtal i år och förberedelsen',
      en: 'Your development discussion this year and its preparation',
    },
    helpKey: 'help.command.myDiscussion',
  },
  {
    commandId: 'myTeam',
    title: { fi: 'tiimini', sv: 'mitt team', en: 'my team' },
    description: {
      fi: 'Esihenkilölle: missä alaistesi kehityskeskustelut ovat',
      sv: 'För chefer: var dina medarbetares utvecklingssamtal står',
      en: 'For supervisors: where your reports’ development discussions stand',
    },
    helpKey: 'help.command.myTeam',
  },
  {
    commandId: 'language',
    title: { fi: 'kieli', sv: 'språk', en: 'language' },
    description: {
      fi: 'Valitse kieli, jolla Osaamiskello puhuu sinulle',
      sv: 'Välj språket som Osaamiskello talar med dig',
      en: 'Choose the language Osaamiskello speaks to you',
    },
    helpKey: 'help.command.language',
  },
];

/** The menu titles of a command in every language, as the chat compares them (lower case). */
export function menuTriggers(commandId: MenuCommand['commandId']): string[] {
  const entry = COMMAND_MENU.find((command) => command.commandId === commandId);
  return entry ? [...new Set(Object.values(entry.title).map((title) => title.toLowerCase()))] : [];
}
