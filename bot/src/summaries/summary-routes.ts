/**
 * The summaries' API for the tabs (signed in through the auth layer; every read stays in the caller's tenant):
 *   GET /api/v1/service-areas/:serviceAreaId/summary-publications   the area's published summaries, newest first
 *   GET /api/v1/city/figures?year=                                  the city's anonymous figures (HR, city management team)
 *   GET /api/v1/service-areas/:serviceAreaId/channel                the channel linked to the area (who may link it)
 *   PUT /api/v1/service-areas/:serviceAreaId/channel                link the channel the tab is in to the area
 *   PUT /api/v1/organisation/channel                                link the organisation's (strategy) channel
 *   PUT /api/v1/organisation/anonymity-threshold                    raise the anonymity threshold (HR; never lower)
 */
import type { PublishedSummaries } from '../contract/summaries';
import type { Server } from 'restify';
import { z } from 'zod';
import { ApiError } from '../http-kit/api-error';
import { ANONYMITY_ERROR_CODES, type AnonymityErrorCode } from '../domain/anonymity';
import { DomainRuleError } from '../domain/errors';
import type { RequestIdentity } from '../http-kit/request-identity';
import { parseBody, pathParam, secured, yearParam, type RouteKit } from '../http-kit/route-kit';
import type { Repositories } from '../storage/repositories';
import { raiseAnonymityThreshold } from './anonymity-setting';
import { summarySubEntityId } from './channel-tab-link';
import { compileCityFigures } from './summary-compilation';

const API_TEXTS = {
  unknownArea: {
    fi: 'Palvelualuetta ei löytynyt.',
    sv: 'Serviceområdet hittades inte.',
    en: 'The service area was not found.',
  },
  'anonymity.cannotLower': {
    fi: 'Anonymiteettirajaa voi vain nostaa.',
    sv: 'Anonymitetsgränsen kan bara höjas.',
    en: 'The anonymity threshold can only be raised.',
  },
  'anonymity.invalidThreshold': {
    fi: 'Anonymiteettiraja on kokonaisluku, vähintään 5.',
    sv: 'Anonymitetsgränsen är ett heltal, minst 5.',
    en: 'The anonymity threshold is a whole number of at least 5.',
  },
  notAllowed: {
    fi: 'Kanavan voi liittää henkilöstöpalvelut tai palvelualueen johtoryhmä.',
    sv: 'Kanalen kan kopplas av personaltjänsterna eller serviceområdets ledningsgrupp.',
    en: 'The channel can be linked by HR or the service area’s management team.',
  },
};

/** Teams' ids are thread ids ("19:…@thread.tacv2"); the tab's entity id and the app id come from its context. */
const teamsId = z.string().min(1).max(200);
const channelSchema = z.object({
  teamId: teamsId,
  channelId: teamsId,
  tabEntityId: teamsId.nullable().default(null),
  teamsAppId: teamsId.nullable().default(null),
});

const isAnonymityCode = (code: string): code is AnonymityErrorCode =>
  (ANONYMITY_ERROR_CODES as readonly string[]).includes(code);

/** Whole numbers only; the domain refuses a fraction, a value under 5 and a lower one with its own codes. */
const thresholdSchema = z.object({ threshold: z.number().min(0).max(1000) });

export async function publishedSummaries(
  repositories: Pick<Repositories, 'serviceAreas' | 'summaryPublications'>,
  tenantId: string,
  serviceAreaId: string,
): Promise<PublishedSummaries> {
  const [area, publications] = await Promise.all([
    repositories.serviceAreas.get(tenantId, serviceAreaId),
    repositories.summaryPublications.listForServiceArea(tenantId, serviceAreaId),
  ]);
  if (!area) throw new ApiError(404, 'serviceArea.notFound', API_TEXTS.unknownArea);
  return {
    serviceArea: { id: area.value.id, name: area.value.name },
    publications: publications
      .sort((a, b) => b.year - a.year)
      .map(({ tenantId: _tenant, publishedBy: _by, ...publication }) => ({
        ...publication,
        subEntityId: summarySubEntityId(publication.year),
      })),
  };
}

function mayLinkArea(identity: RequestIdentity, serviceAreaId: string): boolean {
  return (
    identity.roles.includes('hr') ||
    (identity.roles.includes('serviceAreaManagementTeam') && identity.person.serviceAreaId === serviceAreaId)
  );
}

export function registerSummaryRoutes(server: Server, kit: RouteKit, repositories: Repositories): void {
  secured(
    kit,
    server,
    'get',
    '/api/v1/service-areas/:serviceAreaId/summary-publications',
    null,
    async (req, identity) => ({
      status: 200,
      body: await publishedSummaries(repositories, identity.tenantId, pathParam(req, 'serviceAreaId')),
    }),
  );

  secured(kit, server, 'get', '/api/v1/city/figures', ['hr', 'cityManagementTeam'], async (req, identity) => {
    const year = await yearParam(req, async () =>
      repositories.annualClocks.currentRound(identity.tenantId, kit.now(), 'planning'),
    );
    return {
      status: 200,
      body: { year, figures: await compileCityFigures(repositories, identity.tenantId, year) },
    };
  });

  secured(kit, server, 'get', '/api/v1/service-areas/:serviceAreaId/channel', null, async (req, identity) => {
    const serviceAreaId = pathParam(req, 'serviceAreaId');
    if (!mayLinkArea(identity, serviceAreaId))
      throw new ApiError(403, 'auth.forbidden', API_TEXTS.notAllowed);
    const link = await repositories.channelLinks.get(identity.tenantId, serviceAreaId);
    return {
      status: 200,
      body: {
        serviceAreaId,
        channel: link ? { teamId: link.value.teamId, channelId: link.value.channelId } : null,
      },
    };
  });

  secured(kit, server, 'put', '/api/v1/service-areas/:serviceAreaId/channel', null, async (req, identity) => {
    const serviceAreaId = pathParam(req, 'serviceAreaId');
    if (!mayLinkArea(identity, serviceAreaId))
      throw new ApiError(403, 'auth.forbidden', API_TEXTS.notAllowed);
    if (!(await repositories.serviceAreas.get(identity.tenantId, serviceAreaId))) {
      throw new ApiError(404, 'serviceArea.notFound', API_TEXTS.unknownArea);
    }
    const body = parseBody(channelSchema, req);
    const link = {
      tenantId: identity.tenantId,
      serviceAreaId,
      ...body,
      linkedBy: identity.person.id,
      linkedAt: kit.now().toISOString(),
    };
    await repositories.channelLinks.put(link);
    return { status: 200, body: { serviceAreaId, teamId: link.teamId, channelId: link.channelId } };
  });

  secured(
    kit,
    server,
    'put',
    '/api/v1/organisation/channel',
    ['hr', 'cityManagementTeam'],
    async (req, identity) => {
      const body = parseBody(channelSchema, req);
      await repositories.channelLinks.put({
        tenantId: identity.tenantId,
        serviceAreaId: null,
        ...body,
        linkedBy: identity.person.id,
        linkedAt: kit.now().toISOString(),
      });
      return { status: 200, body: { teamId: body.teamId, channelId: body.channelId } };
    },
  );

  secured(kit, server, 'put', '/api/v1/organisation/anonymity-threshold', ['hr'], async (req, identity) => {
    const { threshold } = parseBody(thresholdSchema, req);
    try {
      const raised = await raiseAnonymityThreshold(repositories, identity.tenantId, threshold);
      return { status: 200, body: { anonymityThreshold: raised } };
    } catch (error) {
      // The domain's refusal with its own reason, so HR reads why (not the generic "refused").
      if (error instanceof DomainRuleError && isAnonymityCode(error.code))
        throw new ApiError(422, error.code, API_TEXTS[error.code]);
      throw error;
    }
  });
}
