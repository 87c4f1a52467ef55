/** Every repository, each over its own table, opened once by the composition root. */
import { AnnualClockRepository } from './annual-clock-repository';
import { CompetenceFrameworkRepository } from './competence-framework-repository';
import { ConversationReferenceRepository } from './conversation-reference-repository';
import { DevelopmentDiscussionRepository } from './development-discussion-repository';
import { GroupDiscussionRepository } from './group-discussion-repository';
import { TABLES } from './keys';
import { OrganisationRepository } from './organisation-repository';
import { PersonRepository } from './person-repository';
import { ServiceAreaRepository } from './service-area-repository';
import type { StorageAccount } from './storage-account';
import { SummaryRepository } from './summary-repository';
import { TableStore } from './table-store';
import { TeamRepository } from './team-repository';
import { TrainingPlanRepository } from './training-plan-repository';
import { TeamAggregateRepository } from './team-aggregate-repository';
import { SummaryPublicationRepository } from './summary-publication-repository';
import { ChannelLinkRepository } from './channel-link-repository';
import { StrategicDiscussionRepository } from './strategic-discussion-repository';
import { DevelopmentActionRequestRepository } from './development-action-request-repository';
import { AuditLogRepository } from './audit-log-repository';
import { CoachingBankRepository } from './coaching-bank-repository';
import { ErasedPersonRepository } from './erased-person-repository';
import { RetentionPolicyRepository } from './retention-policy-repository';
import { LanguageChoiceRepository } from './language-choice-repository';

/** Each table's repository, by the name the app knows it by (the table names are keys.ts's TABLES). */
const REPOSITORY_CLASSES = {
  organisations: OrganisationRepository,
  serviceAreas: ServiceAreaRepository,
  teams: TeamRepository,
  people: PersonRepository,
  developmentDiscussions: DevelopmentDiscussionRepository,
  groupDiscussions: GroupDiscussionRepository,
  annualClocks: AnnualClockRepository,
  competenceFrameworks: CompetenceFrameworkRepository,
  summaries: SummaryRepository,
  trainingPlans: TrainingPlanRepository,
  conversationReferences: ConversationReferenceRepository,
  teamAggregates: TeamAggregateRepository,
  summaryPublications: SummaryPublicationRepository,
  channelLinks: ChannelLinkRepository,
  strategicDiscussions: StrategicDiscussionRepository,
  developmentActionRequests: DevelopmentActionRequestRepository,
  auditLog: AuditLogRepository,
  retentionPolicies: RetentionPolicyRepository,
  coachingBanks: CoachingBankRepository,
  erasedPeople: ErasedPersonRepository,
  languageChoices: LanguageChoiceRepository,
} satisfies Record<keyof typeof TABLES, new (store: TableStore) => unknown>;

export type Repositories = {
  [Name in keyof typeof REPOSITORY_CLASSES]: InstanceType<(typeof REPOSITORY_CLASSES)[Name]>;
};

/** Creates the tables that are missing (in parallel) and the repositories over them. */
export async function openRepositories(account: StorageAccount): Promise<Repositories> {
  const names = Object.keys(REPOSITORY_CLASSES) as Array<keyof typeof REPOSITORY_CLASSES>;
  const opened = await Promise.all(
    names.map(async (name) => {
      const Repository: new (store: TableStore) => unknown = REPOSITORY_CLASSES[name];
      return [name, new Repository(await TableStore.open(account, TABLES[name]))] as const;
    }),
  );
  return Object.fromEntries(opened) as Repositories;
}
