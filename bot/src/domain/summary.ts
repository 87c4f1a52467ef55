/** HR's summary (koonti) of a service area's group discussions and assessments, published to its channel. */
import type { GroupTheme } from './group-discussion';

export interface CompetenceDistribution {
  competenceId: string;
  /** Rating → count; omitted when the group is below the anonymity threshold. */
  self: Record<string, number>;
  supervisor: Record<string, number>;
  respondents: number;
}

export interface ServiceAreaSummary {
  tenantId: string;
  serviceAreaId: string;
  year: number;
  status: 'draft' | 'published';
  conclusions: Partial<Record<GroupTheme, string[]>>;
  competences: CompetenceDistribution[];
  learningWaySplit: Record<'70' | '20' | '10', number>;
  publishedAt: string | null;
  publishedBy: string | null;
}
