/** Teams-shaped activities as the Bot Connector posts them to /api/messages. */
import { randomUUID } from 'node:crypto';

export interface TeamsUser {
  tenantId: string;
  aadObjectId: string;
  name?: string;
}

export interface ActivityOptions {
  serviceUrl: string;
  locale?: string;
  conversationId?: string;
}

function base(user: TeamsUser, options: ActivityOptions): Record<string, unknown> {
  return {
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: options.serviceUrl,
    from: { id: `29:${user.aadObjectId}`, name: user.name ?? 'User', aadObjectId: user.aadObjectId },
    recipient: { id: '28:osaamiskello-bot', name: 'Osaamiskello' },
    conversation: {
      id: options.conversationId ?? `a:${user.aadObjectId}`,
      conversationType: 'personal',
      tenantId: user.tenantId,
    },
    channelData: { tenant: { id: user.tenantId } },
    locale: options.locale ?? 'fi-FI',
  };
}

export function personalMessage(
  user: TeamsUser,
  text: string,
  options: ActivityOptions,
): Record<string, unknown> {
  return { ...base(user, options), type: 'message', text, textFormat: 'plain' };
}

export function teamInstallation(
  user: TeamsUser,
  team: { teamId: string; channelId?: string; channelName?: string },
  action: 'add' | 'remove',
  options: ActivityOptions,
): Record<string, unknown> {
  const activity = base(user, options);
  return {
    ...activity,
    type: 'installationUpdate',
    action,
    conversation: { id: team.channelId ?? team.teamId, conversationType: 'channel', tenantId: user.tenantId },
    channelData: {
      tenant: { id: user.tenantId },
      team: { id: team.teamId, name: 'Team' },
      channel: { id: team.channelId ?? team.teamId, name: team.channelName ?? 'General' },
    },
  };
}

export async function postActivity(appUrl: string, activity: Record<string, unknown>): Promise<Response> {
  return fetch(`${appUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
}

/** An Adaptive Card Action.Execute, as Teams posts it when a user presses a card button (or it refreshes). */
export function cardAction(
  user: TeamsUser,
  verb: string,
  data: Record<string, unknown>,
  options: ActivityOptions & { trigger?: 'manual' | 'automatic' },
): Record<string, unknown> {
  return {
    ...base(user, options),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: options.trigger ?? 'manual' },
  };
}

/** Posts an invoke and returns the card of the invoke response (the card that replaces the pressed one). */
export async function invokeCard(
  appUrl: string,
  activity: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const response = await postActivity(appUrl, activity);
  if (response.status !== 200) throw new Error(`The invoke answered ${response.status}`);
  const body = (await response.json()) as { type?: string; value?: Record<string, unknown> };
  if (body.type !== 'application/vnd.microsoft.card.adaptive' || !body.value) {
    throw new Error(`The invoke answered ${body.type ?? 'no card'}`);
  }
  return body.value;
}
