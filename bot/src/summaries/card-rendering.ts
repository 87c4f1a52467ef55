/**
 * Cards of these features are expanded from JSON templates beside their code (adaptivecards-templating), each
 * parsed once, from typed view models, as the discussion cards are.
 */
import { Template } from 'adaptivecards-templating';

export type AdaptiveCard = Record<string, unknown>;

export function cardTemplate<Model extends object>(json: object): (model: Model) => AdaptiveCard {
  const template = new Template(json);
  return (model) => template.expand({ $root: model }) as AdaptiveCard;
}

/** Teams shows a card's message with this fallback text in notifications and old clients. */
export function cardActivity(card: AdaptiveCard, summary: string): Record<string, unknown> {
  return {
    type: 'message',
    summary,
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
  };
}
