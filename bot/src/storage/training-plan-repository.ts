/**
 * TrainingPlans (henkilöstö- ja koulutussuunnitelmat): one partition per tenant and year; the central plan
 * under `central`, a service area's under `area|SA`. Items can outgrow one string property: the codec
 * splits long JSON over several.
 */
import { z } from 'zod';
import { LEARNING_WAYS } from '../domain/development-discussion';
import type { TenantId } from '../domain/organisation';
import { TRAINING_PLAN_STATUSES, type TrainingPlan } from '../domain/training-plan';
import { partitionFilter, trainingPlanKeys } from './keys';
import { RecordCodec } from './record-codec';
import { RecordTable, type Changes } from './record-table';
import type { TableStore, Versioned } from './table-store';

const trainingPlanSchema = z
  .object({
    tenantId: z.string().min(1),
    year: z.number().int(),
    scope: z.enum(['serviceArea', 'central']),
    serviceAreaId: z.string().min(1).nullable(),
    status: z.enum(TRAINING_PLAN_STATUSES),
    items: z.array(
      z.object({
        id: z.string().min(1),
        need: z.string(),
        competenceId: z.string().min(1).nullable(),
        way: z.enum(LEARNING_WAYS),
        audience: z.string(),
        headcount: z.number().int().min(0),
        serviceAreaId: z.string().min(1).nullable().optional(),
      }),
    ),
    combinedAreas: z.array(z.string().min(1)).default([]),
    history: z.array(
      z.object({ status: z.enum(TRAINING_PLAN_STATUSES), by: z.string().min(1), at: z.string() }),
    ),
  })
  .refine((plan) => (plan.scope === 'central') === (plan.serviceAreaId === null), {
    message: 'a service area plan names its service area; the central plan names none',
  }) satisfies z.ZodType<TrainingPlan>;

type Identity = 'tenantId' | 'year' | 'scope' | 'serviceAreaId';

export class TrainingPlanRepository {
  private readonly table: RecordTable<TrainingPlan>;

  constructor(store: TableStore) {
    this.table = new RecordTable(store, {
      codec: new RecordCodec<TrainingPlan>(store.tableName, trainingPlanSchema, [
        'items',
        'history',
        'combinedAreas',
      ]),
      key: (plan) => trainingPlanKeys.key(plan.tenantId, plan.year, plan.serviceAreaId),
    });
  }

  /** A service area's plan, or the central plan when `serviceAreaId` is null. */
  async get(
    tenantId: TenantId,
    year: number,
    serviceAreaId: string | null,
  ): Promise<Versioned<TrainingPlan> | null> {
    return this.table.get(trainingPlanKeys.key(tenantId, year, serviceAreaId));
  }

  /** AlreadyExistsError if the plan exists. */
  async create(plan: TrainingPlan): Promise<Versioned<TrainingPlan>> {
    return this.table.insert(plan);
  }

  async update(
    read: Versioned<TrainingPlan>,
    changes: Changes<TrainingPlan, Identity>,
  ): Promise<Versioned<TrainingPlan>> {
    return this.table.update(read, changes);
  }

  /** The year's plans: the central one and one per service area, a bounded partition read. */
  async listForYear(tenantId: TenantId, year: number): Promise<Versioned<TrainingPlan>[]> {
    return this.table.list(partitionFilter(trainingPlanKeys.partition(tenantId, year)));
  }
}
