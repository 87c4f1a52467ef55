/** HR's summaries in Teams: card verbs and the personal-chat command. */
import { z } from 'zod';
import { MAX_CONCLUSION_LENGTH } from '../domain/content-limits';
import { GROUP_THEMES, type GroupTheme } from '../domain/group-discussion';
import type { Locale } from '../domain/locale';
import type { Person } from '../domain/organisation';
import type { CardActionHandler, CardActionRequest, CardActionResult } from '../cards/card-action';
import type { ChatCommand } from '../chat/chat-commands';
import { effectiveThreshold } from './anonymous-figures';
import {
  actingPerson,
  cardData,
  guarded,
  lines,
  refusedAbout,
  refusedAtField,
  type Outcome,
} from '../cards/card-action-kit';
import { asReply } from '../chat/chat-reply';
import { formatDate, translator } from '../cards/localised';
import { MAX_SUMMARY_CONCLUSIONS, type Conclusions } from './summary-compilation';
import { SUMMARY_TEXTS } from './summary-texts';
import {
  conclusionInputId,
  editorCard,
  overviewCard,
  postFailureNotice,
  SUMMARY_VERBS,
  type Notice,
} from './summary-views';
import {
  draftSummary,
  publishSummary,
  recollectConclusions,
  reviseSummary,
  saveConclusions,
  type SummaryDeps,
  type SummaryTarget,
} from './summary-workflow';
import { YEAR_BOUNDS } from '../tunables';

const year = z.number().int().min(YEAR_BOUNDS.min).max(YEAR_BOUNDS.max);
const targetSchema = z.object({
  year,
  serviceAreaId: z.string().min(1).max(128),
  etag: z.string().max(200).default(''),
});
const overviewSchema = z.object({ year: year.optional() });

const LIMIT_PARAMS: Record<string, Record<string, number>> = {
  'summary.tooManyConclusions': { max: MAX_SUMMARY_CONCLUSIONS },
  'summary.textTooLong': { max: MAX_CONCLUSION_LENGTH },
};

function message(locale: Locale, key: 'notice.notLinked' | 'summary.notAllowed'): CardActionResult {
  return { kind: 'message', text: translator(SUMMARY_TEXTS, locale)(key) };
}

function noticeOf(outcome: Outcome): Notice {
  if (outcome.kind === 'conflict') return { key: 'notice.conflict', color: 'Warning' };
  const key = outcome.code in SUMMARY_TEXTS ? (outcome.code as Notice['key']) : 'summary.notFound';
  return { key, color: 'Attention', params: LIMIT_PARAMS[outcome.code] };
}

/** The summaries' card verbs (HR only) and the personal-chat command that opens the year's overview. */
export function summaryInteractions(deps: SummaryDeps): {
  cardActions: Record<string, CardActionHandler>;
  command: ChatCommand;
} {
  const { repositories } = deps;

  const thisYear = async (tenantId: string): Promise<number> =>
    repositories.annualClocks.currentRound(tenantId, deps.now(), 'planning');

  async function overview(tenantId: string, locale: Locale, shownYear: number): Promise<CardActionResult> {
    const [organisation, areas, summaries] = await Promise.all([
      repositories.organisations.get(tenantId),
      repositories.serviceAreas.list(tenantId),
      repositories.summaries.listForYear(tenantId, shownYear),
    ]);
    const links = await Promise.all(
      areas.map((area) => repositories.channelLinks.get(tenantId, area.value.id)),
    );
    const byArea = new Map(summaries.map((read) => [read.value.serviceAreaId, read.value]));
    const rows = areas
      .map((area, index) => ({
        area: area.value,
        summary: byArea.get(area.value.id) ?? null,
        linked: links[index] !== null,
      }))
      .sort((a, b) => a.area.name.localeCompare(b.area.name, 'fi'));
    const threshold = effectiveThreshold(organisation?.value.anonymityThreshold ?? 0);
    return { kind: 'card', card: overviewCard(locale, shownYear, threshold, rows) };
  }

  async function editor(
    target: SummaryTarget,
    locale: Locale,
    notice: Notice | null,
  ): Promise<CardActionResult> {
    const [area, summary, organisation] = await Promise.all([
      repositories.serviceAreas.get(target.tenantId, target.serviceAreaId),
      repositories.summaries.get(target.tenantId, target.year, target.serviceAreaId),
      repositories.organisations.get(target.tenantId),
    ]);
    const name = area?.value.name ?? target.serviceAreaId;
    const threshold = effectiveThreshold(organisation?.value.anonymityThreshold ?? 0);
    return { kind: 'card', card: editorCard(locale, name, target, summary, notice, threshold) };
  }

  /** A verb on one area's summary: HR only; a refusal shows the summary as it now stands with the reason. */
  const onSummary =
    (
      run: (
        hr: Person,
        target: SummaryTarget,
        etag: string,
        request: CardActionRequest,
      ) => Promise<Notice | null>,
    ) =>
    async (request: CardActionRequest): Promise<CardActionResult> => {
      const person = actingPerson(request);
      if (!person) return message(request.locale, 'notice.notLinked');
      if (!person.roles.includes('hr')) return message(request.locale, 'summary.notAllowed');
      const data = cardData(targetSchema, request);
      if (!data) return overview(request.tenantId, request.locale, await thisYear(request.tenantId));
      const target = { tenantId: request.tenantId, year: data.year, serviceAreaId: data.serviceAreaId };
      return guarded(
        async () => editor(target, request.locale, await run(person, target, data.etag, request)),
        async (outcome) => {
          const notice = noticeOf(outcome);
          const atTop = () => editor(target, request.locale, notice);
          const theme = refusedAbout(outcome, 'theme') as GroupTheme | undefined;
          if (!theme) return atTop();
          return refusedAtField(
            await editor(target, request.locale, null),
            conclusionInputId(theme),
            translator(SUMMARY_TEXTS, request.locale)(notice.key, notice.params),
            request,
            atTop,
          );
        },
      );
    };

  const conclusionsOf = (request: CardActionRequest): Conclusions =>
    Object.fromEntries(GROUP_THEMES.map((theme) => [theme, lines(request.data[conclusionInputId(theme)])]));

  /** HR's overview of a year (this year unless the card says otherwise). */
  async function openOverview(
    who: Pick<CardActionRequest, 'tenantId' | 'person' | 'locale'>,
    shown: number | undefined,
  ): Promise<CardActionResult> {
    const person = actingPerson(who);
    if (!person) return message(who.locale, 'notice.notLinked');
    if (!person.roles.includes('hr')) return message(who.locale, 'summary.notAllowed');
    return overview(who.tenantId, who.locale, shown ?? (await thisYear(who.tenantId)));
  }

  const cardActions: Record<string, CardActionHandler> = {
    [SUMMARY_VERBS.overview]: (request) => openOverview(request, cardData(overviewSchema, request)?.year),
    [SUMMARY_VERBS.open]: onSummary(async () => null),
    [SUMMARY_VERBS.draft]: onSummary(async (hr, target, etag) => {
      await draftSummary(deps, hr, target, etag);
      return { key: 'notice.drafted', color: 'Good' };
    }),
    [SUMMARY_VERBS.collect]: onSummary(async (hr, target, etag) => {
      await recollectConclusions(deps, hr, target, etag);
      return { key: 'notice.collected', color: 'Good' };
    }),
    [SUMMARY_VERBS.saveConclusions]: onSummary(async (hr, target, etag, request) => {
      await saveConclusions(deps, hr, target, etag, conclusionsOf(request));
      return { key: 'notice.saved', color: 'Good' };
    }),
    [SUMMARY_VERBS.publish]: onSummary(async (hr, target, etag, request) => {
      const result = await publishSummary(deps, hr, target, etag);
      return result.posted.status === 'delivered'
        ? { key: 'notice.published', color: 'Good' }
        : postFailureNotice(result.summary.value, request.locale);
    }),
    [SUMMARY_VERBS.revise]: onSummary(async (hr, target, etag, request) => {
      const revised = await reviseSummary(deps, hr, target, etag);
      const publishedAt = revised.value.publishedAt;
      return {
        key: 'notice.revised',
        color: 'Accent',
        params: { date: publishedAt ? formatDate(publishedAt, request.locale) : '' },
      };
    }),
  };

  /** "koonnit" in the personal chat: HR's overview of the year's summaries. */
  const command: ChatCommand = {
    id: 'summaries',
    triggers: ['koonnit', 'koonti', 'sammanställningar', 'sammanställning', 'summaries', 'summary'],
    helpKey: 'help.command.summaries',
    roles: ['hr'],
    handle: async (context) => [asReply(await openOverview(context, undefined))],
  };

  return { cardActions, command };
}
