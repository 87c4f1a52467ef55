/**
 * The figures of a service area's (or the city's) summary (koonti), as they are published and shown: every
 * figure is already anonymous (suppressed below the threshold), and a null is "not shown", never zero. The
 * schema checks what storage reads back; the types are the wire contract's too (`contract/summaries.ts`).
 */
import { z } from 'zod';
import { LEARNING_WAYS } from './development-discussion';

const count = z.number().int().min(0);
const localised = z.object({ fi: z.string(), sv: z.string(), en: z.string() });
const mean = z.number().nullable();

const ratingFigureSchema = z.object({ n: count, mean: z.number(), counts: z.record(z.string(), count) });

const needFigureSchema = z.object({ rated: count, needs: count, share: z.number() });

const competenceFiguresSchema = z.object({
  competenceId: z.string().min(1),
  name: localised,
  audience: z.enum(['allStaff', 'supervisors']),
  self: ratingFigureSchema.nullable(),
  supervisor: ratingFigureSchema.nullable(),
  needs: needFigureSchema.nullable(),
  /** The same area's means a year earlier (null: not shown or not assessed then). */
  previousYear: z.object({ self: mean, supervisor: mean }),
});

const heatmapCellSchema = z.object({ n: count.nullable(), self: mean, supervisor: mean, needShare: mean });

const heatmapRowSchema = z.object({
  /** A group of its own (a team; for the city, a service area), or the small groups combined (rolled up). */
  kind: z.enum(['group', 'combined']),
  groupId: z.string().min(1).nullable(),
  name: z.string().nullable(),
  /** How many groups the row holds: 1, or how many were combined. */
  groupCount: count,
  respondents: count,
  /** Competence id → the row's figures; a null figure is below the threshold. */
  cells: z.record(z.string(), heatmapCellSchema),
});

const demandSchema = z.object({
  kind: z.string().min(1),
  form: z.string().min(1),
  /** Null when fewer than the threshold asked. */
  count: count.nullable(),
});

export const summaryFiguresSchema = z.object({
  threshold: count,
  /** Signed discussions behind the figures; null when the area is below the threshold (nothing shown). */
  respondents: count.nullable(),
  competences: z.array(competenceFiguresSchema),
  heatmap: z.array(heatmapRowSchema),
  needsRanking: z.array(needFigureSchema.extend({ competenceId: z.string().min(1) })),
  learningWays: z
    .object({
      counts: z.record(z.enum(LEARNING_WAYS), count),
      percent: z.record(z.enum(LEARNING_WAYS), z.number()),
    })
    .nullable(),
  developmentActions: z.array(demandSchema),
  /**
   * How many figures were hidden, by reason (never their values), so HR can tell a small area why its figures
   * roll up. Publications made before it was kept have none.
   */
  suppressed: z
    .object({
      small: count,
      change: count,
      hierarchy: count,
      complementary: count,
      /** The whole area (or city) is under the threshold: nothing is shown of it. */
      wholeGroup: z.boolean(),
    })
    .optional(),
  /** When the figures were released (the aggregates advance in steps); absent in older publications. */
  releasedAt: z.string().nullable().optional(),
});

export type SummaryFigures = z.infer<typeof summaryFiguresSchema>;
export type CompetenceFigures = z.infer<typeof competenceFiguresSchema>;
export type HeatmapRow = z.infer<typeof heatmapRowSchema>;
export type HeatmapCell = z.infer<typeof heatmapCellSchema>;
export type RatingFigure = z.infer<typeof ratingFigureSchema>;
export type NeedFigure = z.infer<typeof needFigureSchema>;
export type DemandFigure = z.infer<typeof demandSchema>;
