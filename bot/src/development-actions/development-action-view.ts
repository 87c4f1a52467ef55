/** The coaching and work-supervision cards: a person's own requests and form, and HR's demand by service area. */
import type { Locale } from '../domain/locale';
import {
  DEVELOPMENT_ACTION_FORMS,
  DEVELOPMENT_ACTION_KINDS,
  type DevelopmentActionRequest,
} from '../storage/development-action-request-repository';
import type { DemandFigure } from '../storage/summary-publication-repository';
import { cardTemplate, type AdaptiveCard } from '../cards/card-rendering';
import { formatDate, translator } from '../cards/localised';
import { renderListCard, type ActionModel, type Color } from '../cards/record-cards';
import type { Demand } from './development-action-service';
import { DEVELOPMENT_ACTION_TEXTS, type DevelopmentActionTextKey } from './development-action-texts';
import requestsTemplate from './templates/development-actions.json';

export const DEVELOPMENT_ACTION_VERBS = {
  open: 'developmentActions.open',
  request: 'developmentActions.request',
  withdraw: 'developmentActions.withdraw',
  demand: 'developmentActions.demand',
} as const;

export interface ActionNotice {
  key: DevelopmentActionTextKey;
  color: Color;
}

const renderRequests = cardTemplate<{
  title: string;
  notice: string;
  noticeColor: Color;
  intro: string;
  requestsTitle: string;
  requests: Array<{
    text: string;
    withdrawTitle: string;
    withdrawVerb: string;
    withdrawData: Record<string, unknown>;
  }>;
  choiceLabel: string;
  choiceDefault: string;
  choices: Array<{ title: string; value: string }>;
  actions: ActionModel[];
}>(requestsTemplate);

const optionKey = (kind: string, form: string): DevelopmentActionTextKey =>
  `option.${kind}.${form}` as DevelopmentActionTextKey;

/** The choice's value: kind and form in one. */
export const choiceValue = (kind: string, form: string): string => `${kind}:${form}`;

export function requestsCard(
  locale: Locale,
  year: number,
  requests: DevelopmentActionRequest[],
  isHr: boolean,
  notice: ActionNotice | null,
): AdaptiveCard {
  const t = translator(DEVELOPMENT_ACTION_TEXTS, locale);
  const open = requests.filter((request) => request.status === 'requested');
  return renderRequests({
    title: t('title'),
    notice: notice ? t(notice.key) : '',
    noticeColor: notice?.color ?? 'Default',
    intro: t('intro'),
    requestsTitle: t('requestsTitle', { year }),
    requests: open.map((request) => ({
      text: t('requestLine', {
        option: t(optionKey(request.kind, request.form)),
        date: formatDate(request.updatedAt, locale),
      }),
      withdrawTitle: t('action.withdraw'),
      withdrawVerb: DEVELOPMENT_ACTION_VERBS.withdraw,
      withdrawData: { year, kind: request.kind },
    })),
    choiceLabel: t('choiceLabel'),
    choiceDefault: choiceValue('coaching', 'individual'),
    choices: DEVELOPMENT_ACTION_KINDS.flatMap((kind) =>
      DEVELOPMENT_ACTION_FORMS.map((form) => ({
        title: t(optionKey(kind, form)),
        value: choiceValue(kind, form),
      })),
    ),
    actions: [
      {
        title: t('action.request'),
        verb: DEVELOPMENT_ACTION_VERBS.request,
        data: { year },
      },
      ...(isHr
        ? [
            {
              title: t('action.demand'),
              verb: DEVELOPMENT_ACTION_VERBS.demand,
              data: { year },
            },
          ]
        : []),
    ],
  });
}

function demandText(demand: DemandFigure[], threshold: number, locale: Locale): string {
  const t = translator(DEVELOPMENT_ACTION_TEXTS, locale);
  const lines = demand
    .filter((figure) => figure.count !== 0)
    .map((figure) =>
      t('demand.line', {
        option: t(optionKey(figure.kind, figure.form)),
        count: figure.count === null ? t('demand.fewer', { threshold }) : figure.count,
      }),
    );
  return lines.length > 0 ? lines.join('\n') : t('demand.none');
}

export function demandCard(locale: Locale, demand: Demand): AdaptiveCard {
  const t = translator(DEVELOPMENT_ACTION_TEXTS, locale);
  const row = (name: string, figures: DemandFigure[]) => ({
    name,
    status: demandText(figures, demand.threshold, locale),
    color: 'Default' as const,
    warning: '',
    openTitle: '',
    verb: DEVELOPMENT_ACTION_VERBS.demand,
    data: { year: demand.year },
  });
  return renderListCard({
    title: t('demand.title', { year: demand.year }),
    intro: t('demand.intro', { threshold: demand.threshold }),
    rows: [row(t('demand.city'), demand.city), ...demand.areas.map((area) => row(area.name, area.demand))],
    actions: [],
  });
}
