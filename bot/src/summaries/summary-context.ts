/**
 * What every summary verb shares: the year in effect, HR's overview of a year and the editor of one area's
 * summary, and the message a person who may not use the summaries gets. Each verb is one handler in `actions/`.
 */
import type { CardActionRequest, CardActionResult } from '../cards/card-action';
import { actingPerson } from '../cards/card-action-kit';
import { translator } from '../cards/localised';
import type { Locale } from '../domain/locale';
import { effectiveThreshold } from './anonymous-figures';
import { SUMMARY_TEXTS } from './summary-texts';
import { editorCard, overviewCard, type Notice } from './summary-views';
import type { SummaryDeps, SummaryTarget } from './summary-workflow';

export const thisYear = async (deps: SummaryDeps, tenantId: string): Promise<number> =>
  deps.repositories.annualClocks.currentRound(tenantId, deps.now(), 'planning');

export const message = (
  locale: Locale,
  key: 'notice.notLinked' | 'summary.notAllowed',
): CardActionResult => ({ kind: 'message', text: translator(SUMMARY_TEXTS, locale)(key) });

/** Every service area of the organisation with its summary of the year, if any, and whether its channel is linked. */
export async function overview(
  deps: SummaryDeps,
  tenantId: string,
  locale: Locale,
  shownYear: number,
): Promise<CardActionResult> {
  const { repositories } = deps;
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

/** One area's summary as it now stands, with the verb's notice. */
export async function editor(
  deps: SummaryDeps,
  target: SummaryTarget,
  locale: Locale,
  notice: Notice | null,
): Promise<CardActionResult> {
  const { repositories } = deps;
  const [area, summary, organisation] = await Promise.all([
    repositories.serviceAreas.get(target.tenantId, target.serviceAreaId),
    repositories.summaries.get(target.tenantId, target.year, target.serviceAreaId),
    repositories.organisations.get(target.tenantId),
  ]);
  const name = area?.value.name ?? target.serviceAreaId;
  const threshold = effectiveThreshold(organisation?.value.anonymityThreshold ?? 0);
  return { kind: 'card', card: editorCard(locale, name, target, summary, notice, threshold) };
}

/** HR's overview of a year (this year unless the card says otherwise); from a card verb or the chat command. */
export async function openOverview(
  deps: SummaryDeps,
  who: Pick<CardActionRequest, 'tenantId' | 'person' | 'locale'>,
  shown: number | undefined,
): Promise<CardActionResult> {
  const person = actingPerson(who);
  if (!person) return message(who.locale, 'notice.notLinked');
  if (!person.roles.includes('hr')) return message(who.locale, 'summary.notAllowed');
  return overview(deps, who.tenantId, who.locale, shown ?? (await thisYear(deps, who.tenantId)));
}
