/**
 * The strategic competence discussion (strateginen osaamiskeskustelu) of the city manager's management team:
 * its agenda and the four themes, drafted by HR and shared to the organisation's channel.
 */
import type { GroupTheme } from './group-discussion';
import type { TenantId } from './organisation';

/** The agenda's first three items (DOMAIN.md); the fourth is the four themes. */
export const STRATEGY_AGENDA_ITEMS = [
  'trainingPriorities', // koottujen koulutussuunnitelmien läpikäynti; keskitetyn koulutuksen painopisteet
  'commonCompetences', // yhteisten osaamisten läpikäynti ja muutokset
  'learningModel', // 70-20-10 -mallin läpikäynti ja muutokset
] as const;
export type StrategyAgendaItem = (typeof STRATEGY_AGENDA_ITEMS)[number];

export interface StrategicDiscussion {
  tenantId: TenantId;
  year: number;
  status: 'draft' | 'shared';
  agenda: Partial<Record<StrategyAgendaItem, string>>;
  themes: Partial<Record<GroupTheme, string>>;
  updatedBy: string;
  updatedAt: string;
  sharedBy: string | null;
  sharedAt: string | null;
}
