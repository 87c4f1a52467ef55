/** HR's desk: the summaries' workflow, the channels the bot knows, training plans and their exports, who an id is. */
import type { GroupTheme } from '../../../bot/src/domain/group-discussion';
import type {
  KnownChannels,
  LinkedChannel,
  SummariesOverview,
  SummaryDetail,
} from '../../../bot/src/contract/hr-desk';
import type { PersonIdentity } from '../../../bot/src/contract/privacy';
import type { TrainingPlans } from '../../../bot/src/contract/training-plans';
import type { ApiClient } from './client';
import { expectShape } from './shape';

export {
  GROUP_THEMES as GROUP_THEME_IDS,
  type GroupTheme as GroupThemeId,
} from '../../../bot/src/domain/group-discussion';
export type {
  LinkedChannel,
  PostFailure,
  SummaryDetail,
  SummaryEventView,
  SummaryRow,
} from '../../../bot/src/contract/hr-desk';

export async function fetchSummaries(
  api: ApiClient,
  year: number | undefined,
  signal: AbortSignal,
): Promise<SummariesOverview> {
  return expectShape(await api.get('/api/v1/hr/summaries', { year }, signal), ['serviceAreas'], 'summaries');
}

const summaryPath = (year: number, serviceAreaId: string, rest = ''): string =>
  `/api/v1/hr/summaries/${year}/${encodeURIComponent(serviceAreaId)}${rest}`;

export async function fetchSummary(
  api: ApiClient,
  year: number,
  serviceAreaId: string,
  signal: AbortSignal,
): Promise<SummaryDetail> {
  return expectShape(
    await api.get(summaryPath(year, serviceAreaId), {}, signal),
    ['publications'],
    'summary',
  );
}

export type SummaryStep = 'draft' | 'collect' | 'publish' | 'revise';

export async function summaryStep(
  api: ApiClient,
  detail: SummaryDetail,
  step: SummaryStep,
): Promise<SummaryDetail> {
  return (await api.send('POST', summaryPath(detail.year, detail.serviceArea.id, `/${step}`), {
    ifMatch: detail.summary?.etag ?? null,
  })) as SummaryDetail;
}

export async function saveConclusions(
  api: ApiClient,
  detail: SummaryDetail,
  conclusions: Partial<Record<GroupTheme, string[]>>,
): Promise<SummaryDetail> {
  return (await api.send('PUT', summaryPath(detail.year, detail.serviceArea.id, '/conclusions'), {
    body: { conclusions },
    ifMatch: detail.summary?.etag ?? null,
  })) as SummaryDetail;
}

export async function fetchKnownChannels(api: ApiClient, signal: AbortSignal): Promise<LinkedChannel[]> {
  const body = expectShape<KnownChannels>(
    await api.get('/api/v1/hr/channels', {}, signal),
    ['channels'],
    'channels',
  );
  return body.channels;
}

export async function linkAreaChannel(
  api: ApiClient,
  serviceAreaId: string,
  channel: Pick<LinkedChannel, 'teamId' | 'channelId'>,
): Promise<void> {
  await api.send('PUT', `/api/v1/service-areas/${encodeURIComponent(serviceAreaId)}/channel`, {
    body: { teamId: channel.teamId, channelId: channel.channelId },
  });
}

export type {
  TrainingPlanStatus as PlanStatus,
  TrainingPlanItem as PlanItem,
} from '../../../bot/src/domain/training-plan';
export type { TrainingPlanView, TrainingPlans } from '../../../bot/src/contract/training-plans';

export async function fetchTrainingPlans(
  api: ApiClient,
  year: number | undefined,
  signal: AbortSignal,
): Promise<TrainingPlans> {
  return expectShape(await api.get('/api/v1/training-plans', { year }, signal), ['plans'], 'training plans');
}

/** Saves one plan as CSV or XLSX through the browser's download; answers the file's name. */
export async function downloadPlan(
  api: ApiClient,
  year: number,
  plan: string,
  format: 'csv' | 'xlsx',
): Promise<string> {
  const { blob, name } = await api.file(`/api/v1/training-plans/${year}/export`, { plan, format });
  const fileName = name ?? `koulutussuunnitelma-${year}-${plan}.${format}`;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
  return fileName;
}

export type { PersonIdentity } from '../../../bot/src/contract/privacy';

export async function fetchPersonIdentity(
  api: ApiClient,
  personId: string,
  signal?: AbortSignal,
): Promise<PersonIdentity> {
  return expectShape(
    await api.get(`/api/v1/people/${encodeURIComponent(personId)}/identity`, {}, signal),
    [],
    'person',
  );
}
