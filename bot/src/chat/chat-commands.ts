/**
 * The personal chat's commands. A command is recognised by its words in any of our languages
 * (a Swedish speaker with a Finnish Teams still gets understood); unknown text gets help, never silence.
 */
import type { Role } from '../domain/organisation';
import type { MessageKey } from '../i18n/translate';
import type { ChatContext } from './chat-context';
import type { ChatReply } from './chat-reply';
import { menuTriggers } from './command-menu';
import { helpReply } from './help-command';

export interface ChatCommand {
  id: string;
  /** Words that trigger it, lower case, in every language. */
  triggers: string[];
  /** Its line in the help text. */
  helpKey: MessageKey;
  /** The roles the help lists it for (the command itself still checks access); absent: everyone. */
  roles?: readonly Role[];
  handle(context: ChatContext): Promise<ChatReply[]>;
}

/** Lower case, no @mention markup, no punctuation at the ends, single spaces. */
export function normaliseCommandText(text: string): string {
  return text
    .replace(/<at>.*?<\/at>/gi, ' ')
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/^[\s/!?.]+|[\s!?.]+$/g, '')
    .trim();
}

export class ChatCommands {
  private readonly all: ChatCommand[];

  constructor(commands: ChatCommand[]) {
    const help: ChatCommand = {
      id: 'help',
      triggers: [...menuTriggers('help'), 'ohjeet', 'apua', 'hjalp', '?', 'start'],
      helpKey: 'help.command.help',
      handle: async (context) => [helpReply(context, this.helpKeys(context))],
    };
    this.all = [help, ...commands];
  }

  /** The help lists only what the person's roles can do. */
  private helpKeys(context: ChatContext): MessageKey[] {
    const roles = context.person?.roles ?? [];
    return this.all
      .filter((command) => !command.roles || command.roles.some((role) => roles.includes(role)))
      .map((command) => command.helpKey);
  }

  async handle(context: ChatContext, text: string): Promise<ChatReply[]> {
    const normalised = normaliseCommandText(text);
    const command = this.all.find((candidate) => candidate.triggers.includes(normalised));
    if (command) return command.handle(context);
    return [helpReply(context, this.helpKeys(context), normalised ? text.trim() : undefined)];
  }
}
