/**
 * HR's desk for the summaries (koonnit) in the HR tab — the same workflow as HR's cards
 * (summary-workflow.ts), over HTTP. Role `hr`; changes carry the ETag the tab read (If-Match).
 *   GET  /api/v1/hr/summaries?year=                              every service area: status, channel, last failure
 *   GET  /api/v1/hr/summaries/:year/:serviceAreaId               one area: conclusions, what anonymity suppressed
 *                                                                (counts only), the channel card's preview, history
 *   POST /api/v1/hr/summaries/:year/:serviceAreaId/draft         create the draft, or refresh its figures
 *   POST /api/v1/hr/summaries/:year/:serviceAreaId/collect       conclusions again from the group discussions
 *   PUT  /api/v1/hr/summaries/:year/:serviceAreaId/conclusions   save HR's edited conclusions
 *   POST /api/v1/hr/summaries/:year/:serviceAreaId/publish       post to the channel; published only if it arrived
 *   POST /api/v1/hr/summaries/:year/:serviceAreaId/revise        a published summary back to a draft
 *   GET  /api/v1/hr/channels                                     the teams and channels the bot knows
 */
import type {
  KnownChannels,
  LinkedChannel,
  SummariesOverview,
  SummaryDetail,
  SummaryRow,
  SummaryView,
  SuppressedCounts,
} from '../contract/hr-desk';
import { outcomeCode } from '../fanout/proactive-messenger';
import type { Request, Server } from 'restify';
import { z } from 'zod';
import { ApiError } from '../http-kit/api-error';
import { conflict } from '../http-kit/refusals';
import {
  ifMatch,
  parseBody,
  parseYear,
  pathParam,
  secured,
  yearParam,
  type RouteKit,
} from '../http-kit/route-kit';
import { MAX_CONCLUSION_LENGTH } from '../domain/content-limits';
import { DomainRuleError } from '../domain/errors';
import { GROUP_THEMES } from '../domain/group-discussion';
import type { Person } from '../domain/organisation';
import type { ServiceAreaSummary, SummaryEvent } from '../domain/summary';
import type { ChannelLink } from '../storage/channel-link-repository';
import { ConcurrencyConflictError } from '../storage/errors';
import type { SummaryFigures, SummaryPublication } from '../storage/summary-publication-repository';
import type { Versioned } from '../storage/table-store';
import { effectiveThreshold } from './anonymous-figures';
import { compileServiceAreaSummary, MAX_SUMMARY_CONCLUSIONS } from './summary-compilation';
import { SUMMARY_TEXTS } from './summary-texts';
import {
  draftSummary,
  publishSummary,
  recollectConclusions,
  reviseSummary,
  saveConclusions,
  SUMMARY_ERROR_CODES,
  type SummaryDeps,
  type SummaryErrorCode,
  type SummaryTarget,
} from './summary-workflow';

const HR = ['hr'] as const;

const conclusionsSchema = z.object({
  conclusions: z.partialRecord(
    z.enum(GROUP_THEMES),
    z.array(z.string().max(MAX_CONCLUSION_LENGTH * 2)).max(MAX_SUMMARY_CONCLUSIONS * 2),
  ),
});

const LIMITS: Partial<Record<SummaryErrorCode, Record<string, number>>> = {
  'summary.tooManyConclusions': { max: MAX_SUMMARY_CONCLUSIONS },
  'summary.textTooLong': { max: MAX_CONCLUSION_LENGTH },
};

const isSummaryCode = (code: string): code is SummaryErrorCode =>
  (SUMMARY_ERROR_CODES as readonly string[]).includes(code);

export function suppressedCounts(figures: SummaryFigures): SuppressedCounts {
  const figuresOf = (competence: SummaryFigures['competences'][number]) => [
    competence.self,
    competence.supervisor,
    competence.needs,
  ];
  return {
    areaBelowThreshold: figures.respondents === null,
    competenceFigures: figures.competences.flatMap(figuresOf).filter((figure) => figure === null).length,
    teamsCombined: figures.heatmap
      .filter((row) => row.kind === 'combined')
      .reduce((sum, row) => sum + row.groupCount, 0),
    heatmapCells: figures.heatmap.flatMap((row) => Object.values(row.cells)).filter((cell) => cell.n === null)
      .length,
    developmentActions: figures.developmentActions.filter((demand) => demand.count === null).length,
    reasons: figures.suppressed
      ? {
          small: figures.suppressed.small,
          change: figures.suppressed.change,
          hierarchy: figures.suppressed.hierarchy,
          complementary: figures.suppressed.complementary,
        }
      : null,
    releasedAt: figures.releasedAt ?? null,
  };
}

function summaryView(read: Versioned<ServiceAreaSummary> | null):
  | (Omit<SummaryView, 'history'> & {
      history: SummaryEvent[];
    })
  | null {
  if (!read) return null;
  const summary = read.value;
  return {
    serviceAreaId: summary.serviceAreaId,
    year: summary.year,
    status: summary.status,
    conclusions: summary.conclusions,
    publishedAt: summary.publishedAt,
    // The kept post's id is the server's own.
    postFailure: summary.postFailure
      ? { at: summary.postFailure.at, reason: summary.postFailure.reason }
      : null,
    history: [...(summary.history ?? [])].reverse(),
    etag: read.etag,
  };
}

export function registerSummaryDeskRoutes(server: Server, kit: RouteKit, deps: SummaryDeps): void {
  const { repositories } = deps;

  async function channelOf(tenantId: string, serviceAreaId: string): Promise<LinkedChannel | null> {
    const link = await repositories.channelLinks.get(tenantId, serviceAreaId);
    if (!link) return null;
    const { teamId, channelId } = link.value;
    const reference =
      teamId === channelId
        ? await repositories.conversationReferences.get(tenantId, { kind: 'team', teamId })
        : await repositories.conversationReferences.get(tenantId, { kind: 'channel', teamId, channelId });
    return { teamId, channelId, channelName: reference?.value.channelName ?? null };
  }

  async function requireArea(tenantId: string, serviceAreaId: string) {
    const area = await repositories.serviceAreas.get(tenantId, serviceAreaId);
    if (!area) throw new ApiError(404, 'summary.unknownArea', SUMMARY_TEXTS['summary.unknownArea']);
    return area.value;
  }

  /** The card the channel would get if HR published now: the channel's own text, in the organisation's language. */
  async function preview(
    target: SummaryTarget,
    areaName: string,
    summary: ServiceAreaSummary,
    figures: SummaryFigures,
    channel: LinkedChannel | null,
    hr: Person,
  ): Promise<Record<string, unknown> | null> {
    const publication: SummaryPublication = {
      tenantId: target.tenantId,
      serviceAreaId: target.serviceAreaId,
      year: target.year,
      serviceAreaName: areaName,
      conclusions: summary.conclusions,
      figures,
      publishedAt: deps.now().toISOString(),
      publishedBy: hr.id,
    };
    const stored = await repositories.channelLinks.get(target.tenantId, target.serviceAreaId);
    const link: ChannelLink = stored?.value ?? {
      tenantId: target.tenantId,
      serviceAreaId: target.serviceAreaId,
      teamId: channel?.teamId ?? '-',
      channelId: channel?.channelId ?? '-',
      tabEntityId: null,
      teamsAppId: null,
      linkedBy: hr.id,
      linkedAt: publication.publishedAt,
    };
    const activity = (await deps.announcement(publication, link)) as {
      attachments?: Array<{ content?: unknown }>;
    };
    return (activity.attachments?.[0]?.content as Record<string, unknown> | undefined) ?? null;
  }

  async function detail(target: SummaryTarget, hr: Person): Promise<SummaryDetail> {
    const area = await requireArea(target.tenantId, target.serviceAreaId);
    const [read, compiled, channel, publications, organisation] = await Promise.all([
      repositories.summaries.get(target.tenantId, target.year, target.serviceAreaId),
      compileServiceAreaSummary(repositories, target.tenantId, target.year, target.serviceAreaId),
      channelOf(target.tenantId, target.serviceAreaId),
      repositories.summaryPublications.listForServiceArea(target.tenantId, target.serviceAreaId),
      repositories.organisations.get(target.tenantId),
    ]);
    const names = new Map<string, string>();
    for (const id of new Set((read?.value.history ?? []).map((event) => event.by))) {
      const person = await repositories.people.findPerson(target.tenantId, id);
      if (person) names.set(id, `${person.firstName} ${person.lastName}`);
    }
    const view = summaryView(read);
    return {
      year: target.year,
      serviceArea: { id: area.id, name: area.name },
      threshold: effectiveThreshold(organisation?.value.anonymityThreshold ?? 0),
      channel,
      summary: view && {
        ...view,
        history: view.history.map((event) => ({ ...event, byName: names.get(event.by) ?? null })),
      },
      respondents: compiled.figures.respondents,
      suppressed: suppressedCounts(compiled.figures),
      preview: read ? await preview(target, area.name, read.value, compiled.figures, channel, hr) : null,
      publications: publications
        .map((publication) => ({
          year: publication.year,
          publishedAt: publication.publishedAt,
          // When the publication's frozen figures were released (null: stored before releases were kept).
          releasedAt: publication.figures.releasedAt ?? null,
        }))
        .sort((a, b) => b.year - a.year),
    };
  }

  const targetOf = (req: Request, tenantId: string): SummaryTarget => ({
    tenantId,
    year: parseYear(pathParam(req, 'year')),
    serviceAreaId: pathParam(req, 'serviceAreaId'),
  });

  /** A change: the practice's refusals with their own reasons, a stale ETag as 409 with the summary as it is now. */
  const change = (
    path: string,
    method: 'post' | 'put',
    run: (hr: Person, target: SummaryTarget, etag: string, req: Request) => Promise<Record<string, unknown>>,
  ): void =>
    secured(
      kit,
      server,
      method,
      `/api/v1/hr/summaries/:year/:serviceAreaId/${path}`,
      HR,
      async (req, identity) => {
        const target = targetOf(req, identity.tenantId);
        await requireArea(target.tenantId, target.serviceAreaId);
        try {
          const extra = await run(identity.person, target, ifMatch(req) ?? '', req);
          return { status: 200, body: { ...(await detail(target, identity.person)), ...extra } };
        } catch (error) {
          if (error instanceof ConcurrencyConflictError)
            throw conflict(await detail(target, identity.person));
          if (error instanceof DomainRuleError && isSummaryCode(error.code))
            throw new ApiError(422, error.code, SUMMARY_TEXTS[error.code], LIMITS[error.code]);
          throw error;
        }
      },
    );

  secured(kit, server, 'get', '/api/v1/hr/summaries', HR, async (req, identity) => {
    const year = await yearParam(req, async () =>
      repositories.annualClocks.currentRound(identity.tenantId, kit.now(), 'planning'),
    );
    const [areas, summaries] = await Promise.all([
      repositories.serviceAreas.list(identity.tenantId),
      repositories.summaries.listForYear(identity.tenantId, year),
    ]);
    const byArea = new Map(summaries.map((read) => [read.value.serviceAreaId, read]));
    const rows = await Promise.all(
      areas.map(async ({ value: area }): Promise<SummaryRow> => {
        const summary = summaryView(byArea.get(area.id) ?? null);
        return {
          serviceArea: { id: area.id, name: area.name },
          channel: await channelOf(identity.tenantId, area.id),
          status: summary?.status ?? null,
          publishedAt: summary?.publishedAt ?? null,
          postFailure: summary?.postFailure ?? null,
        };
      }),
    );
    rows.sort((a, b) => a.serviceArea.name.localeCompare(b.serviceArea.name, 'fi'));
    const overview: SummariesOverview = { year, serviceAreas: rows };
    return { status: 200, body: overview };
  });

  secured(kit, server, 'get', '/api/v1/hr/summaries/:year/:serviceAreaId', HR, async (req, identity) => ({
    status: 200,
    body: await detail(targetOf(req, identity.tenantId), identity.person),
  }));

  change('draft', 'post', async (hr, target, etag) => {
    await draftSummary(deps, hr, target, etag);
    return {};
  });
  change('collect', 'post', async (hr, target, etag) => {
    await recollectConclusions(deps, hr, target, etag);
    return {};
  });
  change('conclusions', 'put', async (hr, target, etag, req) => {
    await saveConclusions(deps, hr, target, etag, parseBody(conclusionsSchema, req).conclusions);
    return {};
  });
  change('publish', 'post', async (hr, target, etag) => {
    const { posted } = await publishSummary(deps, hr, target, etag);
    return { posted: outcomeCode(posted) };
  });
  change('revise', 'post', async (hr, target, etag) => {
    await reviseSummary(deps, hr, target, etag);
    return {};
  });

  secured(kit, server, 'get', '/api/v1/hr/channels', HR, async (_req, identity) => {
    const known = await repositories.conversationReferences.listTeamsAndChannels(identity.tenantId);
    const channels = known.map(({ value }): LinkedChannel => {
      const address = value.address as { teamId: string; channelId?: string };
      return {
        teamId: address.teamId,
        channelId: address.channelId ?? address.teamId,
        channelName: value.channelName,
      };
    });
    const body: KnownChannels = { channels };
    return { status: 200, body };
  });
}
