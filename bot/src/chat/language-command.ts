/**
 * "kieli" / "språk" / "language" (the command menu): the person's own choice of the language Osaamiskello speaks
 * to them. The command shows a small card with the three languages; choosing one stores it
 * (i18n/person-language.ts) and the card answers in the new language, as does everything after it.
 */
import { LOCALES, resolveLocale, type Locale, type LocalisedText } from '../domain/locale';
import type { CardActionHandler } from '../cards/card-action';
import { chooseLanguage } from '../i18n/person-language';
import { translate } from '../i18n/translate';
import type { LanguageChoiceRepository } from '../storage/language-choice-repository';
import type { ChatCommand } from './chat-commands';
import { menuTriggers } from './command-menu';

export const LANGUAGE_VERB = 'language.choose';

/** Each language by its own name, so a person finds theirs whatever language the card is in. */
const LANGUAGE_NAMES: LocalisedText = { fi: 'Suomi', sv: 'Svenska', en: 'English' };

export function renderLanguageCard(locale: Locale, saved = false): Record<string, unknown> {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      {
        type: 'TextBlock',
        text: translate(locale, 'language.title'),
        weight: 'Bolder',
        size: 'Medium',
        wrap: true,
        style: 'heading',
      },
      ...(saved
        ? [{ type: 'TextBlock', text: translate(locale, 'language.saved'), weight: 'Bolder', wrap: true }]
        : []),
      { type: 'TextBlock', text: translate(locale, 'language.now'), wrap: true },
      { type: 'TextBlock', text: translate(locale, 'language.prompt'), wrap: true },
    ],
    actions: LOCALES.map((option) => ({
      type: 'Action.Execute',
      verb: LANGUAGE_VERB,
      title: LANGUAGE_NAMES[option],
      data: { locale: option },
    })),
  };
}

export function languageCommand(): ChatCommand {
  return {
    id: 'language',
    triggers: [...menuTriggers('language'), 'sprak', 'kielivalinta', 'språkval'],
    helpKey: 'help.command.language',
    handle: async (chat) => {
      const fallbackText = translate(chat.locale, 'language.fallback');
      if (!chat.person) return [{ kind: 'text', text: translate(chat.locale, 'person.notLinked') }];
      return [{ kind: 'card', card: renderLanguageCard(chat.locale), fallbackText }];
    },
  };
}

export function languageCardAction(
  choices: Pick<LanguageChoiceRepository, 'get' | 'create' | 'update'>,
  now: () => Date,
): CardActionHandler {
  return async (request) => {
    if (!request.person) return { kind: 'message', text: translate(request.locale, 'person.notLinked') };
    const asked = request.data.locale;
    if (typeof asked !== 'string' || !(LOCALES as readonly string[]).includes(asked))
      return { kind: 'card', card: renderLanguageCard(request.locale) };
    const locale = resolveLocale(asked);
    const saved = await chooseLanguage(choices, request.person, locale, now());
    return { kind: 'card', card: renderLanguageCard(saved.value.locale, true) };
  };
}
