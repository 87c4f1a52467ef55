/** The strategic discussion's cards: HR's editor with the compiled data, the read-only view, and the shared card. */
import { THEME_TEXTS } from '../i18n/group-themes';
import { MAX_CONCLUSION_LENGTH } from '../domain/content-limits';
import { GROUP_THEMES } from '../domain/group-discussion';
import type { Locale } from '../domain/locale';
import type { TrainingPlan } from '../domain/training-plan';
import { STRATEGY_AGENDA_ITEMS, type StrategicDiscussion } from '../storage/strategic-discussion-repository';
import type { SummaryFigures } from '../storage/summary-publication-repository';
import type { Versioned } from '../storage/table-store';
import type { AdaptiveCard } from '../cards/card-rendering';
import { formatDate, localised, translator } from '../cards/localised';
import { renderEditorCard, type Fact } from '../cards/record-cards';
import { statusText } from '../training-plans/training-plan-view';
import { MAX_AGENDA_TEXT_LENGTH } from '../domain/strategy-rules';
import { STRATEGY_TEXTS, type StrategyTextKey } from './strategy-texts';
import { cardText } from '../cards/card-text';

export const STRATEGY_VERBS = {
  open: 'strategy.open',
  save: 'strategy.save',
  share: 'strategy.share',
} as const;

export const agendaInputId = (item: string): string => `a_${item}`;
export const themeInputId = (theme: string): string => `th_${theme}`;

export interface StrategyNotice {
  key: StrategyTextKey;
  color: 'Good' | 'Warning' | 'Attention' | 'Accent';
}

/** What HR compiled for the discussion: the year's plans and the city's anonymous figures (a year earlier). */
export interface StrategyData {
  plans: TrainingPlan[];
  serviceAreaCount: number;
  figures: SummaryFigures;
  figuresYear: number;
}

function dataFacts(data: StrategyData, locale: Locale): Fact[] {
  const t = translator(STRATEGY_TEXTS, locale);
  const central = data.plans.find((plan) => plan.scope === 'central');
  const submitted = data.plans.filter(
    (plan) => plan.scope === 'serviceArea' && plan.status !== 'draft',
  ).length;
  const { figures } = data;
  const names = new Map(figures.competences.map((figure) => [figure.competenceId, figure.name[locale]]));
  const needs = figures.needsRanking
    .filter((need) => need.needs > 0)
    .slice(0, 3)
    .map((need) =>
      t('facts.needLine', {
        name: names.get(need.competenceId) ?? need.competenceId,
        share: Math.round(need.share * 100),
      }),
    );
  const split = figures.learningWays?.percent;
  // Agenda item 2 looks at the assessments per service area too: the heatmap's rows (small areas combined).
  const areas = figures.heatmap.map((row) => {
    const line = t('facts.areaLine', {
      name: row.kind === 'combined' ? t('facts.combinedAreas', { count: row.groupCount }) : (row.name ?? ''),
      respondents: row.respondents,
    });
    const top = Object.entries(row.cells)
      .flatMap(([id, cell]) => (cell.needShare === null ? [] : [{ id, share: cell.needShare }]))
      .sort((a, b) => b.share - a.share)[0];
    return top && top.share > 0
      ? t('facts.areaNeed', {
          line,
          competence: names.get(top.id) ?? top.id,
          share: Math.round(top.share * 100),
        })
      : line;
  });
  return [
    {
      title: t('facts.plans'),
      value: t('facts.plansValue', {
        submitted,
        areas: data.serviceAreaCount,
        central: central ? statusText(central, locale) : t('facts.centralNone'),
      }),
    },
    {
      title: t('facts.respondents', { year: data.figuresYear }),
      value: figures.respondents === null ? t('facts.suppressed') : String(figures.respondents),
    },
    ...(areas.length > 0
      ? [{ title: t('facts.areas', { year: data.figuresYear }), value: areas.join('; ') }]
      : []),
    ...(needs.length > 0 ? [{ title: t('facts.needs'), value: needs.join(', ') }] : []),
    ...(split
      ? [
          {
            title: t('facts.learningWays'),
            value: t('facts.split', { p70: split['70'], p20: split['20'], p10: split['10'] }),
          },
        ]
      : []),
  ];
}

function sections(discussion: StrategicDiscussion, locale: Locale): Array<{ label: string; text: string }> {
  const t = translator(STRATEGY_TEXTS, locale);
  return [
    ...STRATEGY_AGENDA_ITEMS.flatMap((item) => {
      const text = discussion.agenda[item];
      return text ? [{ label: t(`agenda.${item}`), text: cardText(text) }] : [];
    }),
    ...GROUP_THEMES.flatMap((theme) => {
      const text = discussion.themes[theme];
      return text
        ? [{ label: `${t('agenda.themes')}: ${localised(THEME_TEXTS[theme], locale)}`, text: cardText(text) }]
        : [];
    }),
  ];
}

function statusOf(discussion: StrategicDiscussion | null, locale: Locale): string {
  const t = translator(STRATEGY_TEXTS, locale);
  if (!discussion) return t('status.none');
  return discussion.status === 'shared' && discussion.sharedAt
    ? t('status.shared', { date: formatDate(discussion.sharedAt, locale) })
    : t('status.draft');
}

export interface StrategyView {
  year: number;
  read: Versioned<StrategicDiscussion> | null;
  /** HR edits; others read. */
  editable: boolean;
  data: StrategyData | null;
}

export function strategyCard(
  locale: Locale,
  view: StrategyView,
  notice: StrategyNotice | null,
): AdaptiveCard {
  const t = translator(STRATEGY_TEXTS, locale);
  const discussion = view.read?.value ?? null;
  const data = { year: view.year, etag: view.read?.etag ?? '' };
  return renderEditorCard({
    title: t('title', { year: view.year }),
    status: statusOf(discussion, locale),
    statusColor: discussion?.status === 'shared' ? 'Good' : 'Accent',
    notice: notice ? t(notice.key) : '',
    noticeColor: notice?.color ?? 'Default',
    intro: t('intro'),
    facts: view.data ? dataFacts(view.data, locale) : [],
    inputs: view.editable
      ? [
          ...STRATEGY_AGENDA_ITEMS.map((item) => ({
            id: agendaInputId(item),
            label: t(`agenda.${item}`),
            value: discussion?.agenda[item] ?? '',
            help: '',
            maxLength: MAX_AGENDA_TEXT_LENGTH,
          })),
          ...GROUP_THEMES.map((theme) => ({
            id: themeInputId(theme),
            label: `${t('agenda.themes')}: ${localised(THEME_TEXTS[theme], locale)}`,
            value: discussion?.themes[theme] ?? '',
            help: '',
            maxLength: MAX_CONCLUSION_LENGTH,
          })),
        ]
      : [],
    sections: !view.editable && discussion ? sections(discussion, locale) : [],
    actions: view.editable
      ? [
          { title: t('action.save'), verb: STRATEGY_VERBS.save, data },
          { title: t('action.share'), verb: STRATEGY_VERBS.share, data },
        ]
      : [],
  });
}

/** The card in the organisation's channel: what was agreed, for the management teams and supervisors. */
export function sharedStrategyCard(locale: Locale, discussion: StrategicDiscussion): AdaptiveCard {
  return strategyCard(
    locale,
    { year: discussion.year, read: { value: discussion, etag: '' }, editable: false, data: null },
    null,
  );
}
