/**
 * Reading Adaptive Cards the bot returned, as a user would: texts, inputs, the errors next to them, buttons;
 * and the people the card tests sign in as.
 */
import type { Person } from '../../bot/src/domain/organisation';

type Json = Record<string, unknown>;

/** An employee of service area `sa-1` in team `team-1` under `sup`, named and linked after `id`. */
export function cardTestPerson(tenantId: string, id: string, changes: Partial<Person> = {}): Person {
  return {
    tenantId,
    id,
    firstName: `Etu${id}`,
    lastName: `Suku${id}`,
    email: `${id}@example.fi`,
    aadObjectId: `aad-${id}`,
    serviceAreaId: 'sa-1',
    teamId: 'team-1',
    supervisorId: 'sup',
    roles: ['employee'],
    locale: 'fi',
    ...changes,
  };
}

function* walk(node: unknown): Generator<Json> {
  if (Array.isArray(node)) for (const item of node) yield* walk(item);
  else if (node && typeof node === 'object') {
    yield node as Json;
    for (const value of Object.values(node)) yield* walk(value);
  }
}

/** Every text the card shows (text blocks, facts, labels, input values, button titles). */
export function cardText(card: Json): string {
  const texts: string[] = [];
  for (const node of walk(card)) {
    for (const key of ['text', 'title', 'value', 'label']) {
      const value = node[key];
      if (typeof value === 'string') texts.push(value);
    }
  }
  return texts.join('\n');
}

export function input(card: Json, id: string): Json | undefined {
  for (const node of walk(card)) if (node.id === id && String(node.type).startsWith('Input.')) return node;
  return undefined;
}

/** The error text shown right below an input (in the same container, in an attention-styled box). */
export function errorNextTo(card: Json, id: string): string {
  for (const node of walk(card)) {
    const items = Array.isArray(node.items) ? node.items : node.body;
    if (!Array.isArray(items)) continue;
    const index = items.findIndex((item: Json) => item.id === id);
    if (index < 0) continue;
    const next = items[index + 1] as Json | undefined;
    const text = (next?.items as Json[] | undefined)?.[0];
    return next?.type === 'Container' && next.style === 'attention' && text?.type === 'TextBlock'
      ? String(text.text)
      : '';
  }
  return '';
}

export interface CardButton {
  title: string;
  verb: string;
  data: Json;
}

export function buttons(card: Json): CardButton[] {
  const found: CardButton[] = [];
  for (const node of walk(card)) {
    if (node.type === 'Action.Execute' && typeof node.verb === 'string') {
      found.push({ title: String(node.title), verb: node.verb, data: (node.data ?? {}) as Json });
    }
  }
  return found;
}

/** The data of the button with this verb (and title, if several share the verb). */
export function button(card: Json, verb: string, title?: string): Json {
  const match = buttons(card).find((b) => b.verb === verb && (title === undefined || b.title === title));
  if (!match) throw new Error(`The card has no ${verb} button${title ? ` "${title}"` : ''}`);
  return match.data;
}
