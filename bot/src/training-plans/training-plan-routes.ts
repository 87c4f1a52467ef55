/**
 * The training plans' API (HR, the management teams and the co-operation committee; an area's plan only to its
 * own management team of the management teams):
 *   GET /api/v1/training-plans?year=                                 the year's plans the caller may see
 *   GET /api/v1/training-plans/:year/export?plan=central|SA&format=csv|xlsx   one plan as a file
 */
import type { TrainingPlans } from '../contract/training-plans';
import type { Server } from 'restify';
import { z } from 'zod';
import { ApiError } from '../http-kit/api-error';
import type { RequestIdentity } from '../http-kit/request-identity';
import { parseYear, pathParam, query, secured, yearParam, type RouteKit } from '../http-kit/route-kit';
import { assessedCompetences } from '../domain/assessment-rules';
import type { TrainingPlan } from '../domain/training-plan';
import type { Repositories } from '../storage/repositories';
import { planCsv, planXlsx } from './training-plan-export';
import { maySee } from './training-plan-service';
import { TRAINING_PLAN_TEXTS } from './training-plan-texts';

const exportSchema = z.object({
  plan: z.string().min(1).max(128),
  format: z.enum(['csv', 'xlsx']),
});

const MIME = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

async function historyNames(
  repositories: Repositories,
  plans: readonly TrainingPlan[],
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const id of new Set(plans.flatMap((plan) => plan.history.map((change) => change.by)))) {
    const person = plans[0] && (await repositories.people.getPerson(plans[0].tenantId, id));
    if (person) names.set(id, `${person.value.firstName} ${person.value.lastName}`);
  }
  return names;
}

function requirePerson(identity: RequestIdentity, serviceAreaId: string | null): void {
  if (!maySee(identity.person, serviceAreaId)) {
    throw new ApiError(403, 'auth.forbidden', TRAINING_PLAN_TEXTS['trainingPlan.notVisible']);
  }
}

export function registerTrainingPlanRoutes(server: Server, kit: RouteKit, repositories: Repositories): void {
  secured(kit, server, 'get', '/api/v1/training-plans', null, async (req, identity) => {
    requirePerson(identity, null);
    const year = await yearParam(req, async () =>
      repositories.annualClocks.currentRound(identity.tenantId, kit.now(), 'planning'),
    );
    const [stored, areas] = await Promise.all([
      repositories.trainingPlans.listForYear(identity.tenantId, year),
      repositories.serviceAreas.list(identity.tenantId),
    ]);
    const plans = stored
      .map((read) => read.value)
      .filter((plan) => maySee(identity.person, plan.serviceAreaId));
    const names = await historyNames(repositories, plans);
    const body: TrainingPlans = {
      year,
      /** Every area, so the central plan's rows name their origin and the tab lists areas without a plan. */
      serviceAreas: areas
        .map((area) => ({ id: area.value.id, name: area.value.name }))
        .sort((a, b) => a.name.localeCompare(b.name, 'fi')),
      plans: plans.map(({ tenantId: _tenant, history, ...plan }) => ({
        ...plan,
        history: history.map((change) => ({ ...change, byName: names.get(change.by) ?? null })),
      })),
    };
    return { status: 200, body };
  });

  server.get(
    '/api/v1/training-plans/:year/export',
    kit.auth.route(async (req, res, identity) => {
      const year = parseYear(pathParam(req, 'year'));
      const parsed = exportSchema.safeParse(query(req));
      if (!parsed.success) {
        throw ApiError.of(400, 'request.invalid', {
          fields: parsed.error.issues.map((issue) => issue.path.join('.')),
        });
      }
      const serviceAreaId = parsed.data.plan === 'central' ? null : parsed.data.plan;
      requirePerson(identity, serviceAreaId);
      const [read, framework, areas] = await Promise.all([
        repositories.trainingPlans.get(identity.tenantId, year, serviceAreaId),
        repositories.competenceFrameworks.inEffect(identity.tenantId, year),
        repositories.serviceAreas.list(identity.tenantId),
      ]);
      if (!read)
        throw new ApiError(404, 'trainingPlan.notFound', TRAINING_PLAN_TEXTS['trainingPlan.notFound']);
      const data = {
        plan: read.value,
        competences: assessedCompetences(framework, true),
        names: await historyNames(repositories, [read.value]),
        areaNames: new Map(areas.map((area) => [area.value.id, area.value.name])),
        locale: identity.locale,
      };
      const format = parsed.data.format;
      const body = format === 'csv' ? Buffer.from(planCsv(data), 'utf8') : await planXlsx(data);
      const name = `koulutussuunnitelma-${year}-${serviceAreaId ?? 'keskitetty'}.${format}`;
      res.header('Content-Type', MIME[format]);
      res.header('Content-Disposition', `attachment; filename="${encodeURIComponent(name)}"`);
      res.header('Cache-Control', 'no-store');
      res.sendRaw(200, body);
    }),
  );
}
