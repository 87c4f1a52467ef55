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

export interface Repositories {
  organisations: OrganisationRepository;
  serviceAreas: ServiceAreaRepository;
  teams: TeamRepository;
  people: PersonRepository;
  developmentDiscussions: DevelopmentDiscussionRepository;
  groupDiscussions: GroupDiscussionRepository;
  annualClocks: AnnualClockRepository;
  competenceFrameworks: CompetenceFrameworkRepository;
  summaries: SummaryRepository;
  trainingPlans: TrainingPlanRepository;
  conversationReferences: ConversationReferenceRepository;
  teamAggregates: TeamAggregateRepository;
  summaryPublications: SummaryPublicationRepository;
  channelLinks: ChannelLinkRepository;
  strategicDiscussions: StrategicDiscussionRepository;
  developmentActionRequests: DevelopmentActionRequestRepository;
  auditLog: AuditLogRepository;
  retentionPolicies: RetentionPolicyRepository;
  coachingBanks: CoachingBankRepository;
  erasedPeople: ErasedPersonRepository;
  languageChoices: LanguageChoiceRepository;
}

/** Creates the tables that are missing (in parallel) and the repositories over them. */
export async function openRepositories(account: StorageAccount): Promise<Repositories> {
  const open = <R>(table: string, Repository: new (store: TableStore) => R): Promise<R> =>
    TableStore.open(account, table).then((store) => new Repository(store));
  const [
    organisations,
    serviceAreas,
    teams,
    people,
    developmentDiscussions,
    groupDiscussions,
    annualClocks,
    competenceFrameworks,
    summaries,
    trainingPlans,
    conversationReferences,
    teamAggregates,
    summaryPublications,
    channelLinks,
    strategicDiscussions,
    developmentActionRequests,
    auditLog,
    retentionPolicies,
    coachingBanks,
    erasedPeople,
    languageChoices,
  ] = await Promise.all([
    open(TABLES.organisations, OrganisationRepository),
    open(TABLES.serviceAreas, ServiceAreaRepository),
    open(TABLES.teams, TeamRepository),
    open(TABLES.people, PersonRepository),
    open(TABLES.developmentDiscussions, DevelopmentDiscussionRepository),
    open(TABLES.groupDiscussions, GroupDiscussionRepository),
    open(TABLES.annualClocks, AnnualClockRepository),
    open(TABLES.competenceFrameworks, CompetenceFrameworkRepository),
    open(TABLES.summaries, SummaryRepository),
    open(TABLES.trainingPlans, TrainingPlanRepository),
    open(TABLES.conversationReferences, ConversationReferenceRepository),
    open(TABLES.teamAggregates, TeamAggregateRepository),
    open(TABLES.summaryPublications, SummaryPublicationRepository),
    open(TABLES.channelLinks, ChannelLinkRepository),
    open(TABLES.strategicDiscussions, StrategicDiscussionRepository),
    open(TABLES.developmentActionRequests, DevelopmentActionRequestRepository),
    open(TABLES.auditLog, AuditLogRepository),
    open(TABLES.retentionPolicies, RetentionPolicyRepository),
    open(TABLES.coachingBanks, CoachingBankRepository),
    open(TABLES.erasedPeople, ErasedPersonRepository),
    open(TABLES.languageChoices, LanguageChoiceRepository),
  ]);
  return {
    organisations,
    serviceAreas,
    teams,
    people,
    developmentDiscussions,
    groupDiscussions,
    annualClocks,
    competenceFrameworks,
    summaries,
    trainingPlans,
    conversationReferences,
    teamAggregates,
    summaryPublications,
    channelLinks,
    strategicDiscussions,
    developmentActionRequests,
    auditLog,
    retentionPolicies,
    coachingBanks,
    erasedPeople,
    languageChoices,
  };
}
