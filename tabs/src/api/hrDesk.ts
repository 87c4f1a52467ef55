/** HR's desk: the summaries' workflow, the channels the bot knows, training plans and their exports, who an id is. */
import type { ApiClient } from './client';
import { expectShape } from './shape';

export type GroupThemeId =
  'currentCompetence' | 'futureNeeds' | 'workingLifeSkills' | 'developmentPriorities';
export const GROUP_THEME_IDS: readonly GroupThemeId[] = [
  'currentCompetence',
  'futureNeeds',
  'workingLifeSkills',
  'developmentPriorities',
];

export interface LinkedChannel {
  teamId: string;
  channelId: string;
  channelName: string | null;
}

export interface PostFailure {
  at: string;
  reason: string;
}

export interface SummaryRow {
  serviceArea: { id: string; name: string };
  channel: LinkedChannel | null;
  status: 'draft' | 'published' | null;
  publishedAt: string | null;
  postFailure: PostFailure | null;
}

export interface SummaryEventView {
  action: 'published' | 'postFailed' | 'revised';
  at: string;
  by: string;
  byName: string | null;
  reason: string | null;
}

export interface SummaryDetail {
  year: number;
  serviceArea: { id: string; name: string };
  threshold: number;
  channel: LinkedChannel | null;
  summary: {
    status: 'draft' | 'published';
    conclusions: Partial<Record<GroupThemeId, string[]>>;
    publishedAt: string | null;
    postFailure: PostFailure | null;
    history: SummaryEventView[];
    etag: string;
  } | null;
  respondents: number | null;
  suppressed: {
    areaBelowThreshold: boolean;
    competenceFigures: number;
    teamsCombined: number;
    heatmapCells: number;
    developmentActions: number;
    /** Why cells were hidden, counts only; null for figures stored before the reasons were kept. */
    reasons: { small: number; change: number; hierarchy: number; complementary: number } | null;
    /** When the figures were released (in steps of at least the threshold); null: never released. */
    releasedAt: string | null;
  };
  /** The Adaptive Card the channel would get. */
  preview: Record<string, unknown> | null;
  /** The channel tab's publications; `releasedAt`: when their frozen figures were released (null: unknown). */
  publications: Array<{ year: number; publishedAt: string; releasedAt: string | null }>;
  /** After a publish: `sent`, or why the card did not arrive. */
  posted?: string;
}

export async function fetchSummaries(
  api: ApiClient,
  year: number | undefined,
  signal: AbortSignal,
): Promise<{ year: number; serviceAreas: SummaryRow[] }> {
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
  conclusions: Partial<Record<GroupThemeId, string[]>>,
): Promise<SummaryDetail> {
  return (await api.send('PUT', summaryPath(detail.year, detail.serviceArea.id, '/conclusions'), {
    body: { conclusions },
    ifMatch: detail.summary?.etag ?? null,
  })) as SummaryDetail;
}

export async function fetchKnownChannels(api: ApiClient, signal: AbortSignal): Promise<LinkedChannel[]> {
  const body = expectShape<{ channels: LinkedChannel[] }>(
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

export type PlanStatus = 'draft' | 'submitted' | 'reviewed' | 'confirmed';

export interface PlanItem {
  id: string;
  need: string;
  competenceId: string | null;
  way: '70' | '20' | '10';
  audience: string;
  headcount: number;
  serviceAreaId?: string | null;
}

export interface TrainingPlanView {
  year: number;
  scope: 'serviceArea' | 'central';
  serviceAreaId: string | null;
  status: PlanStatus;
  items: PlanItem[];
  combinedAreas?: string[];
}

export interface TrainingPlans {
  year: number;
  serviceAreas: Array<{ id: string; name: string }>;
  plans: TrainingPlanView[];
}

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

export interface PersonIdentity {
  personId: string;
  person: { name: string; serviceArea: string | null; team: string | null } | null;
}

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
