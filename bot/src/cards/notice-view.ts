/** A short card in place of the pressed one: a refusal, or why there is nothing to show. */
import type { Locale } from '../domain/locale';
import { translate, type MessageKey } from '../i18n/translate';
import type { TextColor } from './card-models';
import type { AdaptiveCard } from './card-rendering';
import { renderCard } from './card-templates';

export function renderNoticeCard(
  locale: Locale,
  textKey: MessageKey,
  color: TextColor = 'Attention',
  params: Record<string, string | number> = {},
): AdaptiveCard {
  return renderCard('notice', {
    title: translate(locale, 'cards.notice.title'),
    text: translate(locale, textKey, params),
    color,
  });
}
