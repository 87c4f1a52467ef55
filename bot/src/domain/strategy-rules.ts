/**
 * The strategic competence discussion (strateginen osaamiskeskustelu) of the city manager's management team,
 * as HR compiles it: the agenda's first three items and the team's views on the four themes. HR edits it and
 * shares it to the organisation's channel; once shared, its views on the four themes are the guidelines shown
 * in the next round of group discussions (the cascade: guidance down, needs up). HR may correct and share
 * again; what the group discussions show is always the stored version.
 */
import { MAX_CONCLUSION_LENGTH } from './content-limits';
import { refuserFor, type Refuser } from './errors';
import { GROUP_THEMES, type GroupTheme } from './group-discussion';
import type { Person } from './organisation';
import {
  STRATEGY_AGENDA_ITEMS,
  type StrategicDiscussion,
  type StrategyAgendaItem,
} from './strategic-discussion';

export const STRATEGY_ERROR_CODES = [
  'strategy.notAllowed',
  'strategy.textTooLong',
  'strategy.noGuidelines',
  'strategy.noChannel',
] as const;
export type StrategyErrorCode = (typeof STRATEGY_ERROR_CODES)[number];

const refuse: Refuser<StrategyErrorCode> = refuserFor();

/** An agenda item's text; a theme's guideline is as long as a group discussion's conclusion. */
export const MAX_AGENDA_TEXT_LENGTH = 2000;

export interface StrategyInput {
  agenda: Partial<Record<StrategyAgendaItem, string>>;
  themes: Partial<Record<GroupTheme, string>>;
}

export function requireCompiler(actor: Pick<Person, 'roles'>): void {
  if (!actor.roles.includes('hr')) refuse('strategy.notAllowed', 'HR compiles the strategic discussion');
}

/** Who sees a draft: HR and the city manager's management team; everyone sees it once shared. */
export function maySee(actor: Pick<Person, 'roles'>, discussion: StrategicDiscussion | null): boolean {
  return (
    discussion?.status === 'shared' ||
    actor.roles.includes('hr') ||
    actor.roles.includes('cityManagementTeam')
  );
}

/** `kind`: what a refusal names the text by (an agenda `item` or a `theme`), so it can be shown at its field. */
function trimmed<K extends string>(
  texts: Partial<Record<K, string>>,
  keys: readonly K[],
  max: number,
  kind: 'item' | 'theme',
): Partial<Record<K, string>> {
  const result: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const text = (texts[key] ?? '').trim();
    if (text.length > max) refuse('strategy.textTooLong', 'A text is too long', { [kind]: key });
    if (text) result[key] = text;
  }
  return result;
}

/** The year's discussion with HR's texts (empty ones dropped); a new one starts as a draft. */
export function compileStrategicDiscussion(
  existing: StrategicDiscussion | null,
  target: { tenantId: string; year: number },
  actor: Person,
  input: StrategyInput,
  at: string,
): StrategicDiscussion {
  requireCompiler(actor);
  return {
    tenantId: target.tenantId,
    year: target.year,
    status: existing?.status ?? 'draft',
    agenda: trimmed(input.agenda, STRATEGY_AGENDA_ITEMS, MAX_AGENDA_TEXT_LENGTH, 'item'),
    themes: trimmed(input.themes, GROUP_THEMES, MAX_CONCLUSION_LENGTH, 'theme'),
    updatedBy: actor.id,
    updatedAt: at,
    sharedBy: existing?.sharedBy ?? null,
    sharedAt: existing?.sharedAt ?? null,
  };
}

/** Shared for the service areas and teams; it needs guidelines on at least one theme to cascade. */
export function shareStrategicDiscussion(
  discussion: StrategicDiscussion,
  actor: Person,
  at: string,
): StrategicDiscussion {
  requireCompiler(actor);
  if (Object.keys(discussion.themes).length === 0) {
    refuse('strategy.noGuidelines', 'Write the guidelines on the themes before sharing');
  }
  return { ...discussion, status: 'shared', sharedBy: actor.id, sharedAt: at };
}
