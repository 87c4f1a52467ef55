/**
 * The one renderer of every card the bot sends: a JSON template (adaptivecards-templating, `${...}` bindings)
 * parsed once and expanded from a typed view model. Each feature keeps its templates beside its code; the
 * discussion cards' are in ./templates (card-templates.ts). tests/cards/card-conformance.test.ts checks every
 * card against the official schema, the adaptivecards SDK and Teams' size limit.
 */
import { randomUUID } from 'node:crypto';
import { Template } from 'adaptivecards-templating';

/** An Adaptive Card as sent to Teams: JSON. */
export type AdaptiveCard = Record<string, unknown>;

export function cardTemplate<Model extends object>(json: object): (model: Model) => AdaptiveCard {
  const template = new Template(json);
  return (model) => withoutNulls(template.expand({ $root: model })) as AdaptiveCard;
}

/** Marks one value of a model as a hole (see `shapedCardTemplate`); returns what stands in its place. */
export type Hole = <V>(value: V) => V;

/** How many expanded shapes a shaped template keeps (the oldest goes first). */
const MAX_KEPT_SHAPES = 256;

/**
 * A template expanded once per shape of its model and then filled in: most of a card is the same from one card
 * to the next (the form's step, labels and choices in the reader's language), and what changes is a few values
 * bound whole to a property (an input's value, the version in the actions' data). `holes(model, hole)` returns
 * the model with each such value replaced by `hole(value)`; the model so shaped is expanded by
 * adaptivecards-templating as `cardTemplate` expands it (only when this shape was not expanded before), and the
 * values are put back in a copy. A hole must be bound to a property as the whole of its value ("${value}"),
 * never tested, transformed or joined into a longer text by the template; a string hole may be tested for
 * emptiness ("${x != ''}"), as an empty string or a null is not made a hole. The result is the card
 * `cardTemplate` would give for the model (tests/cards/card-conformance.test.ts checks every discussion card).
 */
export function shapedCardTemplate<Model extends object>(
  json: object,
  holes: (model: Model, hole: Hole) => Model,
): (model: Model) => AdaptiveCard {
  const template = new Template(json);
  // Nothing a person writes can hold this (control characters are refused in every text, and it is random).
  const marker = `\u0000${randomUUID()}:`;
  const shapes = new Map<string, unknown>();
  return (model) => {
    const values: unknown[] = [];
    const hole: Hole = (value) => {
      if (value === null || value === undefined || value === '') return value;
      values.push(value);
      return `${marker}${values.length - 1}` as typeof value;
    };
    const shaped = holes(model, hole);
    const key = JSON.stringify(shaped);
    let expanded = shapes.get(key);
    if (expanded === undefined) {
      expanded = withoutNulls(template.expand({ $root: shaped }));
      if (shapes.size >= MAX_KEPT_SHAPES) shapes.delete(shapes.keys().next().value as string);
      shapes.set(key, expanded);
    }
    return filled(expanded, marker, values) as AdaptiveCard;
  };
}

/** A copy of an expanded shape with each hole's value put back (as `withoutNulls` would have left it). */
function filled(node: unknown, marker: string, values: readonly unknown[]): unknown {
  if (typeof node === 'string') {
    return node.startsWith(marker) ? withoutNulls(values[Number(node.slice(marker.length))]) : node;
  }
  if (Array.isArray(node)) return node.map((item) => filled(item, marker, values));
  if (!node || typeof node !== 'object') return node;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(node)) {
    const value = filled((node as Record<string, unknown>)[key], marker, values);
    if (value === null) continue;
    if (key === '__proto__')
      Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
    else copy[key] = value;
  }
  return copy;
}

/**
 * The templating language leaves a property whose value is null (e.g. no `refresh`) as `null`; the Adaptive Cards
 * schema allows such a property to be absent, never null, so the expanded card drops them.
 */
function withoutNulls(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutNulls);
  if (!node || typeof node !== 'object') return node;
  // A copy (the expansion may hold the model's own objects), by a plain loop: run on every card of every submit.
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(node)) {
    const value = (node as Record<string, unknown>)[key];
    if (value === null) continue;
    // A key "__proto__" (from data) stays a property, as Object.fromEntries would keep it.
    if (key === '__proto__')
      Object.defineProperty(copy, key, {
        value: withoutNulls(value),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else copy[key] = withoutNulls(value);
  }
  return copy;
}

/** Teams shows a card's message with this fallback text in notifications and old clients. */
export function cardActivity(card: AdaptiveCard, summary: string): Record<string, unknown> {
  return {
    type: 'message',
    summary,
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
  };
}
