/** The summaries' cards: HR's overview of a year, HR's editor of one area, and the channel's announcement. */
import { THEME_TEXTS } from '../i18n/group-themes';
import { MAX_CONCLUSION_LENGTH } from '../domain/content-limits';
import { GROUP_THEMES, type GroupTheme } from '../domain/group-discussion';
import type { Locale } from '../domain/locale';
import type { ServiceArea } from '../domain/organisation';
import type { ServiceAreaSummary } from '../domain/summary';
import type { ChannelLink } from '../storage/channel-link-repository';
import type { SummaryPublication } from '../storage/summary-publication-repository';
import type { Versioned } from '../storage/table-store';
import announcementTemplate from './templates/summary-announcement.json';
import { cardActivity, cardTemplate, type AdaptiveCard } from '../cards/card-rendering';
import type { Repositories } from '../storage/repositories';
import {
  renderEditorCard,
  renderListCard,
  type ActionModel,
  type Color,
  type Fact,
} from '../cards/record-cards';
import { channelTabDeepLink, summarySubEntityId } from './channel-tab-link';
import { formatDate, localised, translator } from '../cards/localised';
import { MAX_SUMMARY_CONCLUSIONS } from './summary-compilation';
import { SUMMARY_TEXTS, type SummaryTextKey } from './summary-texts';
import { cardText } from '../cards/card-text';

export const SUMMARY_VERBS = {
  overview: 'summaries.overview',
  open: 'summary.open',
  draft: 'summary.draft',
  collect: 'summary.collect',
  saveConclusions: 'summary.saveConclusions',
  publish: 'summary.publish',
  revise: 'summary.revise',
} as const;

/** The input holding a theme's conclusions, one per line. */
export const conclusionInputId = (theme: GroupTheme): string => `c_${theme}`;

export interface Notice {
  key: SummaryTextKey;
  color: Color;
  params?: Record<string, string | number>;
}

const renderAnnouncement = cardTemplate<{
  title: string;
  intro: string;
  facts: Fact[];
  themes: Array<{ label: string; text: string }>;
  openTitle: string;
  openUrl: string;
}>(announcementTemplate);

function statusOf(summary: ServiceAreaSummary | null, locale: Locale): { text: string; color: Color } {
  const t = translator(SUMMARY_TEXTS, locale);
  if (!summary) return { text: t('status.none'), color: 'Default' };
  if (summary.status === 'draft' && summary.postFailure)
    return { text: t('status.notPosted'), color: 'Attention' };
  if (summary.status === 'draft') return { text: t('status.draft'), color: 'Accent' };
  return {
    text: t('status.published', { date: summary.publishedAt ? formatDate(summary.publishedAt, locale) : '' }),
    color: 'Good',
  };
}

export interface OverviewRow {
  area: ServiceArea;
  summary: ServiceAreaSummary | null;
  linked: boolean;
}

export function overviewCard(
  locale: Locale,
  year: number,
  threshold: number,
  rows: OverviewRow[],
): AdaptiveCard {
  const t = translator(SUMMARY_TEXTS, locale);
  return renderListCard({
    title: t('overview.title', { year }),
    intro: t('overview.intro', { threshold }),
    rows: rows.map(({ area, summary, linked }) => {
      const status = statusOf(summary, locale);
      return {
        name: area.name,
        status: status.text,
        color: status.color,
        warning: linked ? '' : t('channel.missing'),
        openTitle: t('action.open'),
        verb: SUMMARY_VERBS.open,
        data: { year, serviceAreaId: area.id },
      };
    }),
    actions: [year - 1, year + 1].map((other) => ({
      title: t(other < year ? 'action.previousYear' : 'action.nextYear', { year: other }),
      verb: SUMMARY_VERBS.overview,
      data: { year: other },
    })),
  });
}

function splitFact(split: ServiceAreaSummary['learningWaySplit'], locale: Locale): Fact | null {
  const total = split['70'] + split['20'] + split['10'];
  if (total === 0) return null;
  const percent = (value: number) => Math.round((value * 100) / total);
  const t = translator(SUMMARY_TEXTS, locale);
  return {
    title: t('facts.learningWays'),
    value: t('facts.split', {
      p70: percent(split['70']),
      p20: percent(split['20']),
      p10: percent(split['10']),
    }),
  };
}

const HIDDEN_REASONS = ['small', 'change', 'hierarchy', 'complementary'] as const;

/**
 * What anonymity hid in the draft's figures and why, as counts only (never values): HR's answer to a small
 * area asking why its figures roll up. Null for drafts made before the counts were kept.
 */
export function hiddenFact(summary: ServiceAreaSummary, threshold: number, locale: Locale): Fact | null {
  const hidden = summary.suppressed;
  if (!hidden) return null;
  const t = translator(SUMMARY_TEXTS, locale);
  const lines = hidden.wholeGroup
    ? [t('hidden.wholeGroup', { threshold })]
    : HIDDEN_REASONS.filter((reason) => hidden[reason] > 0).map((reason) =>
        t(`hidden.${reason}`, { threshold, count: hidden[reason] }),
      );
  return { title: t('facts.hidden'), value: lines.length > 0 ? lines.join('\n\n') : t('hidden.none') };
}

function draftFacts(summary: ServiceAreaSummary, locale: Locale, threshold: number): Fact[] {
  const t = translator(SUMMARY_TEXTS, locale);
  const hidden = hiddenFact(summary, threshold, locale);
  const respondents = Math.max(0, ...summary.competences.map((competence) => competence.respondents));
  const split = splitFact(summary.learningWaySplit, locale);
  return [
    { title: t('facts.respondents'), value: respondents > 0 ? String(respondents) : t('facts.noFigures') },
    ...(split ? [split] : []),
    ...(hidden ? [hidden] : []),
  ];
}

/** Why the last publish did not arrive, as the card's notice: HR sees the summary is not published. */
export function postFailureNotice(summary: ServiceAreaSummary, locale: Locale): Notice | null {
  if (!summary.postFailure) return null;
  const reasonKey: SummaryTextKey =
    // The proactive path's outcome codes (fanout/proactive-messenger.ts); 'noConversation' is an older record's.
    ['notInstalled', 'removed', 'noConversation'].includes(summary.postFailure.reason)
      ? 'reason.noConversation'
      : summary.postFailure.reason === 'willRetry'
        ? 'reason.willRetry'
        : 'reason.failed';
  return {
    key: 'notice.notPosted',
    color: 'Attention',
    params: { reason: translator(SUMMARY_TEXTS, locale)(reasonKey) },
  };
}

export function editorCard(
  locale: Locale,
  areaName: string,
  target: { year: number; serviceAreaId: string },
  read: Versioned<ServiceAreaSummary> | null,
  notice: Notice | null,
  threshold: number,
): AdaptiveCard {
  const t = translator(SUMMARY_TEXTS, locale);
  const summary = read?.value ?? null;
  const status = statusOf(summary, locale);
  const data = { year: target.year, serviceAreaId: target.serviceAreaId, etag: read?.etag ?? '' };
  const editable = summary?.status === 'draft';
  const shown = notice ?? (summary?.status === 'draft' ? postFailureNotice(summary, locale) : null);
  const themeText = (theme: GroupTheme) => (summary?.conclusions[theme] ?? []).join('\n');
  const action = (key: SummaryTextKey, verb: string): ActionModel => ({ title: t(key), verb, data });
  const actions: ActionModel[] = !summary
    ? [action('action.createDraft', SUMMARY_VERBS.draft)]
    : editable
      ? [
          action('action.save', SUMMARY_VERBS.saveConclusions),
          action(summary.postFailure ? 'action.retryPublish' : 'action.publish', SUMMARY_VERBS.publish),
          action('action.refresh', SUMMARY_VERBS.draft),
          action('action.collect', SUMMARY_VERBS.collect),
        ]
      : [action('action.revise', SUMMARY_VERBS.revise)];
  return renderEditorCard({
    title: t('editor.title', { year: target.year, area: areaName }),
    status: status.text,
    statusColor: status.color,
    notice: shown ? t(shown.key, shown.params) : '',
    noticeColor: shown?.color ?? 'Default',
    intro: summary ? '' : t('editor.noDraft'),
    facts: summary ? draftFacts(summary, locale, threshold) : [],
    inputs: editable
      ? GROUP_THEMES.map((theme) => ({
          id: conclusionInputId(theme),
          label: localised(THEME_TEXTS[theme], locale),
          value: themeText(theme),
          help: t('editor.themeHelp', { count: summary.conclusions[theme]?.length ?? 0 }),
          maxLength: MAX_SUMMARY_CONCLUSIONS * (MAX_CONCLUSION_LENGTH + 1),
        }))
      : [],
    sections:
      summary && !editable
        ? GROUP_THEMES.filter((theme) => themeText(theme)).map((theme) => ({
            label: localised(THEME_TEXTS[theme], locale),
            text: (summary.conclusions[theme] ?? []).map((text) => `- ${cardText(text)}`).join('\n'),
          }))
        : [],
    actions: [...actions, action('action.back', SUMMARY_VERBS.overview)],
  });
}

/** How many conclusions per theme the channel card lists; the tab shows all. */
const ANNOUNCED_CONCLUSIONS = 3;
const ANNOUNCED_NEEDS = 3;
const ANNOUNCED_TEXT_LENGTH = 200;

const shortened = (text: string): string =>
  text.length > ANNOUNCED_TEXT_LENGTH ? `${text.slice(0, ANNOUNCED_TEXT_LENGTH - 1)}…` : text;

export function announcementCard(
  locale: Locale,
  publication: SummaryPublication,
  link: ChannelLink,
): AdaptiveCard {
  const t = translator(SUMMARY_TEXTS, locale);
  const { figures } = publication;
  const names = new Map(figures.competences.map((figure) => [figure.competenceId, figure.name[locale]]));
  const needs = figures.needsRanking
    .filter((need) => need.needs > 0)
    .slice(0, ANNOUNCED_NEEDS)
    .map((need) =>
      t('facts.needLine', {
        name: names.get(need.competenceId) ?? need.competenceId,
        share: Math.round(need.share * 100),
        needs: need.needs,
        rated: need.rated,
      }),
    );
  const split = figures.learningWays?.percent;
  const facts: Fact[] = [
    {
      title: t('facts.respondents'),
      value:
        figures.respondents === null
          ? t('facts.suppressed', { threshold: figures.threshold })
          : String(figures.respondents),
    },
    ...(needs.length > 0 ? [{ title: t('facts.topNeeds'), value: needs.join('\n\n') }] : []),
    ...(split
      ? [
          {
            title: t('facts.learningWays'),
            value: t('facts.split', { p70: split['70'], p20: split['20'], p10: split['10'] }),
          },
        ]
      : []),
  ];
  const themes = GROUP_THEMES.flatMap((theme) => {
    const texts = publication.conclusions[theme] ?? [];
    if (texts.length === 0) return [];
    const lines = texts.slice(0, ANNOUNCED_CONCLUSIONS).map((text) => `- ${cardText(shortened(text))}`);
    if (texts.length > ANNOUNCED_CONCLUSIONS)
      lines.push(t('announcement.more', { count: texts.length - ANNOUNCED_CONCLUSIONS }));
    return [{ label: localised(THEME_TEXTS[theme], locale), text: lines.join('\n') }];
  });
  return renderAnnouncement({
    title: t('announcement.title', { year: publication.year, area: publication.serviceAreaName }),
    intro: t('announcement.intro'),
    facts,
    themes,
    openTitle: t('announcement.open'),
    openUrl: channelTabDeepLink(link, summarySubEntityId(publication.year)) ?? '',
  });
}

/**
 * The announcement's message for the area's channel, in the organisation's default language (a channel is read by
 * everyone in it, so no one person's choice picks), titled with the year and the area.
 */
export function announcementMessage(
  organisations: Repositories['organisations'],
): (publication: SummaryPublication, link: ChannelLink) => Promise<Record<string, unknown>> {
  return async (publication, link) => {
    const locale = (await organisations.get(publication.tenantId))?.value.defaultLocale ?? 'fi';
    const title = localised(SUMMARY_TEXTS['announcement.title'], locale, {
      year: publication.year,
      area: publication.serviceAreaName,
    });
    return cardActivity(announcementCard(locale, publication, link), title);
  };
}
