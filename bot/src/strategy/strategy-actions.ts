/**
 * The strategic discussion in Teams: "strateginen keskustelu" opens the year's discussion (HR compiles and
 * shares it; the city manager's management team reads the draft; everyone reads it once shared).
 */
import { z } from 'zod';
import { currentRoundYear } from '../domain/annual-clock-rules';
import type { ChatCommand } from '../chat/chat-commands';
import { GROUP_THEMES } from '../domain/group-discussion';
import type { Locale } from '../domain/locale';
import type { Person } from '../domain/organisation';
import type { CardActionHandler, CardActionRequest, CardActionResult } from '../cards/card-action';
import type { Repositories } from '../storage/repositories';
import { STRATEGY_AGENDA_ITEMS, type StrategicDiscussion } from '../storage/strategic-discussion-repository';
import type { Versioned } from '../storage/table-store';
import {
  actingPerson,
  cardData,
  guarded,
  refusedAbout,
  refusedAtField,
  type Outcome,
} from '../cards/card-action-kit';
import { asReply } from '../chat/chat-reply';
import { cardActivity } from '../cards/card-rendering';
import { channelAddress, type ProactiveMessenger } from '../teams/proactive-messenger';
import { localised, translator } from '../cards/localised';
import { compileCityFigures } from '../summaries/summary-compilation';
import {
  compileStrategicDiscussion,
  maySee,
  requireCompiler,
  shareStrategicDiscussion,
  type StrategyErrorCode,
  type StrategyInput,
} from './strategy-rules';
import { STRATEGY_TEXTS } from './strategy-texts';
import {
  agendaInputId,
  sharedStrategyCard,
  strategyCard,
  STRATEGY_VERBS,
  themeInputId,
  type StrategyData,
  type StrategyNotice,
} from './strategy-view';
import { refuserFor, type Refuser } from '../domain/errors';
import { ConcurrencyConflictError } from '../storage/errors';
import { TABLES } from '../storage/keys';
import { YEAR_BOUNDS } from '../tunables';

export interface StrategyDeps {
  repositories: Repositories;
  messenger: ProactiveMessenger;
  now(): Date;
}

const refuse: Refuser<StrategyErrorCode> = refuserFor();
const refSchema = z.object({
  year: z.number().int().min(YEAR_BOUNDS.min).max(YEAR_BOUNDS.max),
  etag: z.string().max(200).default(''),
});

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Everything but the fields that place the record. */
const changesOf = ({ tenantId: _tenant, year: _year, ...changes }: StrategicDiscussion) => changes;

export function strategyInteractions(deps: StrategyDeps): {
  cardActions: Record<string, CardActionHandler>;
  command: ChatCommand;
} {
  const { repositories } = deps;
  const thisYear = async (tenantId: string): Promise<number> =>
    currentRoundYear(await repositories.annualClocks.inEffect(tenantId), null, deps.now(), 'strategy');
  const at = (): string => deps.now().toISOString();
  const message = (locale: Locale, key: 'notice.notLinked' | 'notice.notVisible'): CardActionResult => ({
    kind: 'message',
    text: translator(STRATEGY_TEXTS, locale)(key),
  });

  /** The discussion's agenda items 1–3 rest on these: the year's plans and the previous year's assessments. */
  async function compiledData(tenantId: string, year: number): Promise<StrategyData> {
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

  async function show(
    person: Person,
    locale: Locale,
    year: number,
    notice: StrategyNotice | null,
  ): Promise<CardActionResult> {
    const read = await repositories.strategicDiscussions.get(person.tenantId, year);
    if (!maySee(person, read?.value ?? null)) return message(locale, 'notice.notVisible');
    const editable = person.roles.includes('hr');
    const data = editable ? await compiledData(person.tenantId, year) : null;
    return { kind: 'card', card: strategyCard(locale, { year, read, editable, data }, notice) };
  }

  const inputOf = (request: CardActionRequest): StrategyInput => ({
    agenda: Object.fromEntries(
      STRATEGY_AGENDA_ITEMS.map((item) => [item, text(request.data[agendaInputId(item)])]),
    ),
    themes: Object.fromEntries(GROUP_THEMES.map((theme) => [theme, text(request.data[themeInputId(theme)])])),
  });

  /** Saves HR's texts against the version the card showed (none yet: created). */
  async function save(
    person: Person,
    year: number,
    etag: string,
    input: StrategyInput,
  ): Promise<Versioned<StrategicDiscussion>> {
    requireCompiler(person);
    const existing = await repositories.strategicDiscussions.get(person.tenantId, year);
    const next = compileStrategicDiscussion(
      existing?.value ?? null,
      { tenantId: person.tenantId, year },
      person,
      input,
      at(),
    );
    if (!existing) return repositories.strategicDiscussions.create(next);
    if (!etag) throw new ConcurrencyConflictError(TABLES.strategicDiscussions);
    return repositories.strategicDiscussions.update({ value: existing.value, etag }, changesOf(next));
  }

  const noticeOf = (outcome: Outcome): StrategyNotice =>
    outcome.kind === 'conflict'
      ? { key: 'notice.conflict', color: 'Warning' }
      : {
          key:
            outcome.code in STRATEGY_TEXTS ? (outcome.code as StrategyNotice['key']) : 'strategy.notAllowed',
          color: 'Attention',
        };

  const onDiscussion =
    (
      run: (
        person: Person,
        year: number,
        etag: string,
        request: CardActionRequest,
      ) => Promise<StrategyNotice | null>,
      writes = true,
    ) =>
    async (request: CardActionRequest): Promise<CardActionResult> => {
      const person = actingPerson(request);
      if (!person) return message(request.locale, 'notice.notLinked');
      const data = cardData(refSchema, request);
      // Only a card that says which year's discussion it showed may change it; opening defaults to this year.
      if (!data && writes) return show(person, request.locale, await thisYear(person.tenantId), null);
      const ref = data ?? { year: await thisYear(person.tenantId), etag: '' };
      return guarded(
        async () => show(person, request.locale, ref.year, await run(person, ref.year, ref.etag, request)),
        async (outcome) => {
          const notice = noticeOf(outcome);
          const atTop = () => show(person, request.locale, ref.year, notice);
          const item = refusedAbout(outcome, 'item');
          const theme = refusedAbout(outcome, 'theme');
          const field = item ? agendaInputId(item) : theme ? themeInputId(theme) : undefined;
          if (!field) return atTop();
          return refusedAtField(
            await show(person, request.locale, ref.year, null),
            field,
            translator(STRATEGY_TEXTS, request.locale)(notice.key),
            request,
            atTop,
          );
        },
      );
    };

  const cardActions: Record<string, CardActionHandler> = {
    [STRATEGY_VERBS.open]: onDiscussion(async () => null, false),
    [STRATEGY_VERBS.save]: onDiscussion(async (person, year, etag, request) => {
      await save(person, year, etag, inputOf(request));
      return { key: 'notice.saved', color: 'Good' };
    }),
    [STRATEGY_VERBS.share]: onDiscussion(async (person, year, etag, request) => {
      requireCompiler(person);
      const link = await repositories.channelLinks.get(person.tenantId, null);
      if (!link) return refuse('strategy.noChannel', 'Link the organisation’s channel first');
      const saved = await save(person, year, etag, inputOf(request));
      const shared = shareStrategicDiscussion(saved.value, person, at());
      const stored = await repositories.strategicDiscussions.update(saved, changesOf(shared));
      const locale = (await repositories.organisations.get(person.tenantId))?.value.defaultLocale ?? 'fi';
      const title = localised(STRATEGY_TEXTS.title, locale, { year });
      const posted = await deps.messenger.send(
        person.tenantId,
        channelAddress(link.value.teamId, link.value.channelId),
        cardActivity(sharedStrategyCard(locale, stored.value), title),
      );
      // Not delivered: "will retry" (kept, sent later by itself), refused for good, or no app in the team.
      if (posted.status === 'delivered') return { key: 'notice.shared', color: 'Good' };
      if (posted.status === 'willRetry') return { key: 'notice.postWillRetry', color: 'Warning' };
      if (posted.status === 'failed') return { key: 'notice.postFailed', color: 'Warning' };
      return { key: 'notice.notPosted', color: 'Warning' };
    }),
  };

  const command: ChatCommand = {
    id: 'strategy',
    triggers: [
      'strateginen keskustelu',
      'strateginen osaamiskeskustelu',
      'strategisk diskussion',
      'strategiskt samtal',
      'strategic discussion',
    ],
    helpKey: 'help.command.strategy',
    roles: ['hr', 'cityManagementTeam', 'serviceAreaManagementTeam', 'supervisor'],
    handle: async (context) => {
      const open = cardActions[STRATEGY_VERBS.open];
      if (!open) return [];
      return [
        asReply(await open({ ...context, verb: STRATEGY_VERBS.open, data: {}, conversationType: null })),
      ];
    },
  };

  return { cardActions, command };
}
