/** The group-discussion opening card's texts in each language. */
import type { LocalisedText } from '../domain/locale';
import { GROUP_DISCUSSION_TEXTS } from './group-discussion-texts';

export const GROUP_CARD_TEXTS = {
  title: GROUP_DISCUSSION_TEXTS.title,
  body: {
    fi: '{chair} aloitti tiimin ryhmäosaamiskeskustelun. Pohtikaa yhdessä näitä teemoja:',
    sv: '{chair} har inlett teamets gruppsamtal om kompetens. Fundera tillsammans på dessa teman:',
    en: "{chair} has started the team's group competence discussion. Think about these themes together:",
  },
} satisfies Record<string, LocalisedText>;
