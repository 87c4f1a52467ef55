/**
 * The shape an activity must have before the Bot Framework SDK sees it. The SDK trusts its input: an activity
 * without a type, an `entities` list holding null or an Action.Execute without an action makes it throw, and
 * the request ends as a 500 (or a 501 for an invoke). Teams always sends these fields with these types, so a
 * request without them is malformed and is refused with a 400 before anything runs. Lengths are bounded well
 * above what Teams sends, so no id can grow a storage key past its limit.
 */
import { z } from 'zod';

const id = z.string().min(1).max(1024);
const shortText = z.string().max(256);

/*
 * The reply to an activity is addressed with its `from`, `recipient` and `conversation` turned around
 * (TurnContext.applyConversationReference), so their fields go back to the connector as they came. The Bot
 * Connector takes a ChannelAccount / ConversationAccount whose text fields are non-empty strings when present
 * and `isGroup` a boolean (Bot Framework REST API reference, "ChannelAccount object" and "ConversationAccount
 * object": https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference#channelaccount-object
 * and #conversationaccount-object); an empty one is answered 400 BadArgument. Such an activity cannot be
 * answered, so it is refused here before a turn runs; a null field is dropped (see ADDRESSING_FIELDS).
 */
const addressText = z.string().min(1).max(256);

const account = z.looseObject({
  id,
  name: addressText.nullish(),
  aadObjectId: z.string().min(1).max(128).nullish(),
});

const conversation = z.looseObject({
  id,
  name: addressText.nullish(),
  conversationType: addressText.nullish(),
  tenantId: z.string().min(1).max(128).nullish(),
  isGroup: z.boolean().nullish(),
});

const channelData = z.looseObject({
  tenant: z.looseObject({ id: z.string().min(1).max(128).nullish() }).nullish(),
  team: z.looseObject({ id: id.nullish(), name: shortText.nullish() }).nullish(),
  channel: z.looseObject({ id: id.nullish(), name: shortText.nullish() }).nullish(),
});

/** Only Universal Actions reach the app as invokes; every other invoke name is answered 400. */
export const HANDLED_INVOKES = ['adaptiveCard/action'] as const;

const cardActionValue = z.looseObject({
  action: z.looseObject({
    type: shortText,
    verb: z.string().min(1).max(128),
    data: z.record(z.string(), z.unknown()).nullish(),
  }),
  trigger: shortText.nullish(),
});

const activity = z.looseObject({
  type: z.string().min(1).max(64),
  id: id.nullish(),
  channelId: shortText.nullish(),
  // Where replies go: a URL or nothing (with BOT_ID set, authentication then refuses the request).
  serviceUrl: z
    .string()
    .max(2048)
    .refine((value) => /^https?:\/\/[^\s/]+/i.test(value))
    .optional(),
  locale: shortText.nullish(),
  text: z.string().max(100_000).nullish(),
  name: shortText.nullish(),
  action: shortText.nullish(),
  from: account,
  recipient: account,
  conversation,
  channelData: channelData.nullish(),
  entities: z
    .array(z.looseObject({ type: shortText.nullish() }))
    .max(100)
    .nullish(),
  attachments: z.array(z.looseObject({})).max(50).nullish(),
  membersAdded: z.array(account).max(1000).nullish(),
  membersRemoved: z.array(account).max(1000).nullish(),
});

/** Fields the SDK reads that it takes as absent when undefined but not when null (`text.length`, …). */
const DROPPED_WHEN_NULL = [
  'text',
  'locale',
  'entities',
  'attachments',
  'membersAdded',
  'membersRemoved',
  'name',
];

/** The accounts a reply is addressed with, and their fields that are dropped when null (not echoed back). */
const ADDRESSING_FIELDS = {
  from: ['name', 'aadObjectId'],
  recipient: ['name', 'aadObjectId'],
  conversation: ['name', 'conversationType', 'tenantId', 'isGroup'],
} as const;

/** True when `body` can be handed to the SDK without making it throw; removes the null fields it trips on. */
export function acceptActivity(body: unknown): boolean {
  const parsed = activity.safeParse(body);
  if (!parsed.success) return false;
  const fields = body as Record<string, unknown>;
  for (const name of DROPPED_WHEN_NULL) if (fields[name] === null) delete fields[name];
  for (const [accountName, names] of Object.entries(ADDRESSING_FIELDS)) {
    const account = fields[accountName] as Record<string, unknown>;
    for (const name of names) if (account[name] === null) delete account[name];
  }
  if (parsed.data.type !== 'invoke') return true;
  if (!HANDLED_INVOKES.includes(parsed.data.name as (typeof HANDLED_INVOKES)[number])) return false;
  return cardActionValue.safeParse(parsed.data.value).success;
}
