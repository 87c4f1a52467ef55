/**
 * The common part of every verb on one area's summary: HR only; a card that does not name a year and an area
 * gets the year's overview; the answer is the summary as it now stands with the verb's notice, and a refusal
 * shows it with the reason (under the theme's conclusions when it is about one theme).
 */
import { z } from 'zod';
import type { CardActionHandler, CardActionRequest, CardActionResult } from '../../cards/card-action';
import {
  actingPerson,
  cardData,
  cardYear,
  guarded,
  refusedAbout,
  refusalShown,
  type Outcome,
} from '../../cards/card-action-kit';
import { translator } from '../../cards/localised';
import { MAX_CONCLUSION_LENGTH } from '../../domain/content-limits';
import type { GroupTheme } from '../../domain/group-discussion';
import type { Person } from '../../domain/organisation';
import { MAX_SUMMARY_CONCLUSIONS } from '../summary-compilation';
import { editor, message, overview, thisYear } from '../summary-context';
import { SUMMARY_TEXTS } from '../summary-texts';
import { conclusionInputId, type Notice } from '../summary-views';
import type { SummaryDeps, SummaryTarget } from '../summary-workflow';

const targetSchema = z.object({
  year: cardYear,
  serviceAreaId: z.string().min(1).max(128),
  etag: z.string().max(200).default(''),
});

const LIMIT_PARAMS: Record<string, Record<string, number>> = {
  'summary.tooManyConclusions': { max: MAX_SUMMARY_CONCLUSIONS },
  'summary.textTooLong': { max: MAX_CONCLUSION_LENGTH },
};

function noticeOf(outcome: Outcome): Notice {
  if (outcome.kind === 'conflict') return { key: 'notice.conflict', color: 'Warning' };
  const key = outcome.code in SUMMARY_TEXTS ? (outcome.code as Notice['key']) : 'summary.notFound';
  return { key, color: 'Attention', params: LIMIT_PARAMS[outcome.code] };
}

/** A verb on one area's summary: `run` does the verb's work and says which notice to show. */
export function summaryAction(
  deps: SummaryDeps,
  run: (
    hr: Person,
    target: SummaryTarget,
    etag: string,
    request: CardActionRequest,
  ) => Promise<Notice | null>,
): CardActionHandler {
  return async (request: CardActionRequest): Promise<CardActionResult> => {
    const person = actingPerson(request);
    if (!person) return message(request.locale, 'notice.notLinked');
    if (!person.roles.includes('hr')) return message(request.locale, 'summary.notAllowed');
    const data = cardData(targetSchema, request);
    if (!data)
      return overview(deps, request.tenantId, request.locale, await thisYear(deps, request.tenantId));
    const target = { tenantId: request.tenantId, year: data.year, serviceAreaId: data.serviceAreaId };
    return guarded(
      async () => editor(deps, target, request.locale, await run(person, target, data.etag, request)),
      async (outcome) => {
        const notice = noticeOf(outcome);
        const theme = refusedAbout(outcome, 'theme') as GroupTheme | undefined;
        return refusalShown(
          request,
          notice,
          theme && conclusionInputId(theme),
          () => translator(SUMMARY_TEXTS, request.locale)(notice.key, notice.params),
          (shown) => editor(deps, target, request.locale, shown),
        );
      },
    );
  };
}
