/** The group-discussion opening card's texts in each language. */
import type { GroupTheme } from '../domain/group-discussion';
import type { LocalisedText } from '../domain/locale';
import { GROUP_DISCUSSION_TEXTS } from '../group-discussions/group-discussion-texts';

export const GROUP_CARD_TEXTS = {
  title: GROUP_DISCUSSION_TEXTS.title,
  body: {
    fi: '{chair} aloitti tiimin ryhmäosaamiskeskustelun. Pohtikaa yhdessä näitä teemoja:',
    sv: '{chair} har inlett teamets gruppsamtal om kompetens. Fundera tillsammans på dessa teman:',
    en: "{chair} has started the team's group competence discussion. Think about these themes together:",
  },
} satisfies Record<string, LocalisedText>;

export const THEME_TEXTS: Record<GroupTheme, LocalisedText> = {
  currentCompetence: { fi: 'Nykyosaaminen', sv: 'Nuvarande kompetens', en: 'Current competence' },
  futureNeeds: {
    fi: 'Tulevaisuuden osaamistarpeet',
    sv: 'Framtida kompetensbehov',
    en: 'Future competence needs',
  },
  workingLifeSkills: {
    fi: 'Työelämä- ja yhteistyötaidot',
    sv: 'Arbetslivs- och samarbetsfärdigheter',
    en: 'Working-life and collaboration skills',
  },
  developmentPriorities: {
    fi: 'Osaamisen kehittämisen painopisteet',
    sv: 'Prioriteringar för kompetensutvecklingen',
    en: 'Competence-development priorities',
  },
};
