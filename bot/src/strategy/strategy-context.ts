/**
 * What every strategic-discussion verb shares: the year in effect, the card shown to a person (with the
 * compiled figures for HR), the card's texts read as input, and HR's save against the version the card showed.
 * Each verb is one handler in `actions/`.
 */
import type { CardActionRequest, CardActionResult } from '../cards/card-action';
import { translator } from '../cards/localised';
import { GROUP_THEMES } from '../domain/group-discussion';
import type { Locale } from '../domain/locale';
import type { Person } from '../domain/organisation';
import { ConcurrencyConflictError } from '../storage/errors';
import { TABLES } from '../storage/keys';
import type { Repositories } from '../storage/repositories';
import { STRATEGY_AGENDA_ITEMS, type StrategicDiscussion } from '../storage/strategic-discussion-repository';
import type { Versioned } from '../storage/table-store';
import { compileCityFigures } from '../summaries/summary-compilation';
import {
  compileStrategicDiscussion,
  maySee,
  requireCompiler,
  type StrategyInput,
} from '../domain/strategy-rules';
import { STRATEGY_TEXTS } from './strategy-texts';
import {
  agendaInputId,
  strategyCard,
  themeInputId,
  type StrategyData,
  type StrategyNotice,
} from './strategy-view';

/** What the verbs read and write through; sharing also posts (actions/share.ts). */
export interface StrategyStore {
  repositories: Repositories;
  now(): Date;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Everything but the fields that place the record. */
export const changesOf = ({ tenantId: _tenant, year: _year, ...changes }: StrategicDiscussion) => changes;

export const thisYear = async (deps: StrategyStore, tenantId: string): Promise<number> =>
  deps.repositories.annualClocks.currentRound(tenantId, deps.now(), 'strategy');

export const message = (locale: Locale, key: 'notice.notLinked' | 'notice.notVisible'): CardActionResult => ({
  kind: 'message',
  text: translator(STRATEGY_TEXTS, locale)(key),
});

/** The discussion's agenda items 1–3 rest on these: the year's plans and the previous year's assessments. */
async function compiledData(deps: StrategyStore, tenantId: string, year: number): Promise<StrategyData> {
  const { repositories } = deps;
  const [plans, areas, figures] = await Promise.all([
    repositories.trainingPlans.listForYear(tenantId, year),
    repositories.serviceAreas.list(tenantId),
    compileCityFigures(repositories, tenantId, year - 1),
  ]);
  return {
    plans: plans.map((read) => read.value),
    serviceAreaCount: areas.length,
    figures,
    figuresYear: year - 1,
  };
}

export async function show(
  deps: StrategyStore,
  person: Person,
  locale: Locale,
  year: number,
  notice: StrategyNotice | null,
): Promise<CardActionResult> {
  const read = await deps.repositories.strategicDiscussions.get(person.tenantId, year);
  if (!maySee(person, read?.value ?? null)) return message(locale, 'notice.notVisible');
  const editable = person.roles.includes('hr');
  const data = editable ? await compiledData(deps, person.tenantId, year) : null;
  return { kind: 'card', card: strategyCard(locale, { year, read, editable, data }, notice) };
}

export const inputOf = (request: CardActionRequest): StrategyInput => ({
  agenda: Object.fromEntries(
    STRATEGY_AGENDA_ITEMS.map((item) => [item, text(request.data[agendaInputId(item)])]),
  ),
  themes: Object.fromEntries(GROUP_THEMES.map((theme) => [theme, text(request.data[themeInputId(theme)])])),
});

/** Saves HR's texts against the version the card showed (none yet: created). */
export async function save(
  deps: StrategyStore,
  person: Person,
  year: number,
  etag: string,
  input: StrategyInput,
): Promise<Versioned<StrategicDiscussion>> {
  const { repositories } = deps;
  requireCompiler(person);
  const existing = await repositories.strategicDiscussions.get(person.tenantId, year);
  const next = compileStrategicDiscussion(
    existing?.value ?? null,
    { tenantId: person.tenantId, year },
    person,
    input,
    deps.now().toISOString(),
  );
  if (!existing) return repositories.strategicDiscussions.create(next);
  if (!etag) throw new ConcurrencyConflictError(TABLES.strategicDiscussions);
  return repositories.strategicDiscussions.update({ value: existing.value, etag }, changesOf(next));
}
