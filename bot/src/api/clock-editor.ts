/**
 * HR's annual-clock editor: the organisation's clock (the seed's default until HR saves one), the service
 * areas' alternating-year rule, and saving either with the ETag that was read. A clock is validated whole by
 * the domain's rules before it is stored; a stale save is refused with what is stored now.
 */
import { z } from 'zod';
import { LEVELS, PHASE_KINDS, type AnnualClock } from '../domain/annual-clock';
import { validateClock } from '../domain/annual-clock-rules';
import { defaultAnnualClock } from '../domain/default-annual-clock';
import { ROLES, type AlternatingYearRule, type ServiceArea } from '../domain/organisation';
import { ConcurrencyConflictError, isWriteRace } from '../storage/errors';
import type {
  ClockEditorError,
  ClockEditorView,
  ServiceAreaRuleView,
  StoredClockView,
} from '../contract/clock';
import type { Repositories } from '../storage/repositories';
import type { Versioned } from '../storage/table-store';
import { conflict, notFound, refusal } from '../http-kit/refusals';

type Repos = Pick<Repositories, 'annualClocks' | 'serviceAreas'>;

const monthDay = z.string().regex(/^\d{2}-\d{2}$/);
const reminderDays = z.array(z.number().int()).max(20);

/** The shape only; the practice's rules (dates, order, reminders) are the domain's `validateClock`. */
export const clockSchema = z.object({
  phases: z
    .array(
      z.object({
        id: z.string().max(64),
        kind: z.enum(PHASE_KINDS),
        level: z.enum(LEVELS),
        opens: monthDay,
        closes: monthDay,
        remindDaysBefore: reminderDays,
        audience: z.array(z.enum(ROLES)).max(ROLES.length),
      }),
    )
    .max(50),
  overrides: z
    .array(
      z.object({
        serviceAreaId: z.string().min(1).max(64),
        phases: z.record(
          z.string().max(64),
          z.object({
            opens: monthDay.optional(),
            closes: monthDay.optional(),
            remindDaysBefore: reminderDays.optional(),
          }),
        ),
      }),
    )
    .max(200),
});

export const alternatingRuleSchema = z.object({
  rule: z.object({ individualDiscussionYears: z.enum(['even', 'odd']) }).nullable(),
});

const clockView = (read: Versioned<AnnualClock> | null): StoredClockView =>
  read
    ? { clock: { phases: read.value.phases, overrides: read.value.overrides }, etag: read.etag }
    : { clock: defaultAnnualClock(), etag: null };

const areaView = (read: Versioned<ServiceArea>): ServiceAreaRuleView => ({
  id: read.value.id,
  name: read.value.name,
  alternatingYearRule: read.value.alternatingYearRule,
  etag: read.etag,
});

export async function clockEditor(repos: Repos, tenantId: string): Promise<ClockEditorView> {
  const [stored, areas] = await Promise.all([
    repos.annualClocks.get(tenantId),
    repos.serviceAreas.list(tenantId),
  ]);
  return {
    ...clockView(stored),
    serviceAreas: areas.map(areaView).sort((a, b) => a.name.localeCompare(b.name, 'fi')),
  };
}

/** The domain's findings, and overrides for service areas the organisation does not have. */
function clockErrors(clock: AnnualClock, areaIds: Set<string>): ClockEditorError[] {
  return [
    ...validateClock(clock),
    ...clock.overrides
      .filter((override) => !areaIds.has(override.serviceAreaId))
      .map((override) => ({
        code: 'clock.unknownServiceArea' as const,
        phaseId: null,
        serviceAreaId: override.serviceAreaId,
      })),
  ];
}

export async function saveClock(
  repos: Repos,
  tenantId: string,
  clock: AnnualClock,
  ifMatch: string | null,
): Promise<StoredClockView> {
  const [stored, areas] = await Promise.all([
    repos.annualClocks.get(tenantId),
    repos.serviceAreas.list(tenantId),
  ]);
  if ((stored?.etag ?? null) !== ifMatch) throw conflict(clockView(stored));
  const errors = clockErrors(clock, new Set(areas.map((area) => area.value.id)));
  if (errors.length > 0) throw refusal(422, 'clock.invalid', { errors });
  try {
    const saved = stored
      ? await repos.annualClocks.update(stored, { phases: clock.phases, overrides: clock.overrides })
      : await repos.annualClocks.create({ tenantId, phases: clock.phases, overrides: clock.overrides });
    return clockView(saved);
  } catch (error) {
    if (isWriteRace(error)) throw conflict(clockView(await repos.annualClocks.get(tenantId)));
    throw error;
  }
}

export async function saveAlternatingRule(
  repos: Repos,
  tenantId: string,
  serviceAreaId: string,
  rule: AlternatingYearRule | null,
  ifMatch: string | null,
): Promise<ServiceAreaRuleView> {
  const read = await repos.serviceAreas.get(tenantId, serviceAreaId);
  if (!read) throw notFound('serviceArea.notFound');
  if (read.etag !== ifMatch) throw conflict(areaView(read));
  try {
    return areaView(await repos.serviceAreas.update(read, { alternatingYearRule: rule }));
  } catch (error) {
    if (!(error instanceof ConcurrencyConflictError)) throw error;
    const latest = await repos.serviceAreas.get(tenantId, serviceAreaId);
    throw conflict(latest ? areaView(latest) : null);
  }
}
