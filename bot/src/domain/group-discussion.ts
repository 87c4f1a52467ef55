/** Group competence discussions (ryhmäosaamiskeskustelu) of teams and management teams. */

export const GROUP_THEMES = [
  'currentCompetence', // nykyosaaminen
  'futureNeeds', // tulevaisuuden osaamistarpeet
  'workingLifeSkills', // työelämä- ja yhteistyötaidot
  'developmentPriorities', // osaamisen kehittämisen painopisteet
] as const;
export type GroupTheme = (typeof GROUP_THEMES)[number];

export type GroupLevel = 'team' | 'serviceAreaManagementTeam' | 'cityManagementTeam';

export interface GroupContribution {
  id: string;
  theme: GroupTheme;
  text: string;
  /** Who wrote it; shown only inside the group, never in aggregates. */
  authorId: string;
  at: string;
}

export interface GroupCompetenceDiscussion {
  tenantId: string;
  id: string;
  year: number;
  level: GroupLevel;
  /** The team id (for teams and management teams). */
  teamId: string;
  serviceAreaId: string | null;
  chairId: string;
  status: 'open' | 'concluded';
  contributions: GroupContribution[];
  conclusions: Partial<Record<GroupTheme, string>>;
  /** ISO date-time of the last change. */
  updatedAt: string;
  /**
   * The start card's post in the team's channel, once Teams took it: its thread, where replies and updates go.
   * Written also when the post arrived only on a later retry. Absent before the first post arrived.
   */
  channelPost?: GroupChannelPost | null;
}

export interface GroupChannelPost {
  /** The thread's conversation id, as Teams answers a new channel post (`19:…;messageid=…`). */
  conversationId: string;
  activityId: string;
  /** ISO date-time when the post arrived. */
  at: string;
}
