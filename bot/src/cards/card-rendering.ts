/**
 * The one renderer of every card the bot sends: a JSON template (adaptivecards-templating, `${...}` bindings)
 * parsed once and expanded from a typed view model. Each feature keeps its templates beside its code; the
 * discussion cards' are in ./templates (card-templates.ts). tests/cards/card-conformance.test.ts checks every
 * card against the official schema, the adaptivecards SDK and Teams' size limit.
 */
import { Template } from 'adaptivecards-templating';

/** An Adaptive Card as sent to Teams: JSON. */
export type AdaptiveCard = Record<string, unknown>;

export function cardTemplate<Model extends object>(json: object): (model: Model) => AdaptiveCard {
  const template = new Template(json);
  return (model) => withoutNulls(template.expand({ $root: model })) as AdaptiveCard;
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
