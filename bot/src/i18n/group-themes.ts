/**
 * The four themes of a group competence discussion (domain/group-discussion.ts) in each language: the start
 * card, the discussion's own card, the strategic discussion and the summaries all name them the same way.
 */
import type { GroupTheme } from '../domain/group-discussion';
import type { LocalisedText } from '../domain/locale';

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
