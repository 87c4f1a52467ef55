/** Teams activities these features receive: Action.Execute invokes and @mentions in a channel. */
import { randomUUID } from 'node:crypto';
import { personalMessage, type ActivityOptions, type TeamsUser } from '../../support/activities';

export interface InvokeAnswer {
  statusCode: number;
  type: string;
  value: unknown;
}

/** The Action.Execute of a card in the user's personal chat (or `conversation`, e.g. a channel). */
export function cardAction(
  user: TeamsUser,
  verb: string,
  data: Record<string, unknown>,
  options: ActivityOptions,
): Record<string, unknown> {
  return {
    ...personalMessage(user, '', options),
    type: 'invoke',
    name: 'adaptiveCard/action',
    text: undefined,
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

/** Posts an invoke to the bot and returns its invoke response (the card or message Teams would show). */
export async function invoke(appUrl: string, activity: Record<string, unknown>): Promise<InvokeAnswer> {
  const response = await fetch(`${appUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  if (response.status !== 200) throw new Error(`invoke answered ${response.status}`);
  return (await response.json()) as InvokeAnswer;
}

/** The card of an invoke answer, as JSON text (for "contains" checks) and as the object. */
export function cardOf(answer: InvokeAnswer): { json: string; card: Record<string, unknown> } {
  if (answer.type !== 'application/vnd.microsoft.card.adaptive') {
    throw new Error(`expected a card, got ${answer.type}: ${JSON.stringify(answer.value)}`);
  }
  const card = answer.value as Record<string, unknown>;
  return { json: JSON.stringify(card), card };
}

/** The Action.Execute actions of a card, wherever they are. */
export function actionsOf(
  card: unknown,
): Array<{ verb: string; title: string; data: Record<string, unknown> }> {
  const found: Array<{ verb: string; title: string; data: Record<string, unknown> }> = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'Action.Execute' && typeof record.verb === 'string') {
        found.push({
          verb: record.verb,
          title: String(record.title ?? ''),
          data: (record.data ?? {}) as Record<string, unknown>,
        });
      }
      Object.values(record).forEach(visit);
    }
  };
  visit(card);
  return found;
}

/** A message in a team's channel that @mentions the bot, as Teams delivers it. */
export function channelMention(
  user: TeamsUser,
  channel: { teamId: string; channelId: string },
  text: string,
  options: ActivityOptions,
): Record<string, unknown> {
  const base = personalMessage(user, `<at>Osaamiskello</at> ${text}`, options);
  return {
    ...base,
    conversation: {
      id: `${channel.channelId};messageid=${randomUUID()}`,
      conversationType: 'channel',
      tenantId: user.tenantId,
      isGroup: true,
    },
    channelData: {
      tenant: { id: user.tenantId },
      team: { id: channel.teamId, name: 'Team' },
      channel: { id: channel.channelId, name: 'Osaaminen' },
    },
    entities: [
      {
        type: 'mention',
        mentioned: { id: '28:osaamiskello-bot', name: 'Osaamiskello' },
        text: '<at>Osaamiskello</at>',
      },
    ],
  };
}

/** The verbs of a card's own buttons (its `actions`), in order. */
export function buttonsOf(card: Record<string, unknown>): string[] {
  return ((card.actions ?? []) as Array<{ verb?: string }>).map((action) => action.verb ?? '');
}
