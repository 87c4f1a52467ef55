/** Valid records for the storage tests; each test overrides what it is about. */
import type { TenantAnnualClock } from '../../bot/src/storage/annual-clock-repository';
import type { TenantCompetenceFramework } from '../../bot/src/storage/competence-framework-repository';
import type { ConversationReferenceRecord } from '../../bot/src/storage/conversation-reference-repository';
import type { ConversationAddress } from '../../bot/src/storage/keys';
import type { DevelopmentDiscussion } from '../../bot/src/domain/development-discussion';
import type { GroupCompetenceDiscussion } from '../../bot/src/domain/group-discussion';
import type { Organisation, Person, ServiceArea, Team } from '../../bot/src/domain/organisation';
import type { ServiceAreaSummary } from '../../bot/src/domain/summary';
import type { TrainingPlan } from '../../bot/src/domain/training-plan';

export const YEAR = 2027;

export const organisation = (tenantId: string, changes: Partial<Organisation> = {}): Organisation => ({
  tenantId,
  name: 'Demokaupunki',
  defaultLocale: 'fi',
  anonymityThreshold: 5,
  ...changes,
});

export const serviceArea = (
  tenantId: string,
  id: string,
  changes: Partial<ServiceArea> = {},
): ServiceArea => ({
  tenantId,
  id,
  name: `Palvelualue ${id}`,
  directorId: null,
  alternatingYearRule: null,
  ...changes,
});

export const team = (
  tenantId: string,
  id: string,
  serviceAreaId: string,
  changes: Partial<Team> = {},
): Team => ({
  tenantId,
  id,
  serviceAreaId,
  name: `Tiimi ${id}`,
  kind: 'team',
  supervisorId: null,
  ...changes,
});

export const person = (tenantId: string, id: string, changes: Partial<Person> = {}): Person => ({
  tenantId,
  id,
  firstName: 'Aino',
  lastName: 'Virtanen',
  email: `${id}@demokaupunki.fi`,
  aadObjectId: null,
  serviceAreaId: 'sa-1',
  teamId: 'team-1',
  supervisorId: null,
  roles: ['employee'],
  locale: 'fi',
  ...changes,
});

export const developmentDiscussion = (
  tenantId: string,
  employeeId: string,
  changes: Partial<DevelopmentDiscussion> = {},
): DevelopmentDiscussion => ({
  tenantId,
  year: YEAR,
  employeeId,
  supervisorId: 'supervisor-1',
  serviceAreaId: 'sa-1',
  status: 'scheduled',
  scheduledAt: '2027-02-01T09:00:00.000Z',
  includesSupervisorSection: false,
  preparation: { pastYearReview: 'Hyvä vuosi.', wellbeing: 'Jaksan hyvin.' },
  supervisorNotes: {},
  selfRatings: { 'self-management': 4 },
  supervisorRatings: {},
  goals: [{ id: 'g1', text: 'Ota uusi järjestelmä käyttöön', status: 'open' }],
  learningGoals: [{ id: 'l1', text: 'Vierihoito', status: 'inProgress', way: '20' }],
  proposedLearningGoals: [],
  employeeSignature: null,
  supervisorSignature: null,
  reopenings: [],
  updatedAt: '2027-01-15T08:00:00.000Z',
  ...changes,
});

export const groupDiscussion = (
  tenantId: string,
  id: string,
  changes: Partial<GroupCompetenceDiscussion> = {},
): GroupCompetenceDiscussion => ({
  tenantId,
  id,
  year: YEAR,
  level: 'team',
  teamId: 'team-1',
  serviceAreaId: 'sa-1',
  chairId: 'supervisor-1',
  status: 'open',
  contributions: [
    { id: 'c1', theme: 'futureNeeds', text: 'Digitaidot', authorId: 'p1', at: '2027-01-20T10:00:00Z' },
  ],
  conclusions: {},
  updatedAt: '2027-01-20T10:00:00.000Z',
  ...changes,
});

export const annualClock = (
  tenantId: string,
  changes: Partial<TenantAnnualClock> = {},
): TenantAnnualClock => ({
  tenantId,
  phases: [
    {
      id: 'dd',
      kind: 'developmentDiscussions',
      level: 'individual',
      opens: '01-01',
      closes: '03-31',
      remindDaysBefore: [14, 3],
      audience: ['supervisor', 'employee'],
    },
  ],
  overrides: [{ serviceAreaId: 'sa-1', phases: { dd: { closes: '04-15' } } }],
  ...changes,
});

const text = (fi: string): { fi: string; sv: string; en: string } => ({ fi, sv: fi, en: fi });

export const competenceFramework = (
  tenantId: string,
  changes: Partial<TenantCompetenceFramework> = {},
): TenantCompetenceFramework => ({
  tenantId,
  year: YEAR,
  competences: [
    {
      id: 'self-management',
      audience: 'allStaff',
      name: text('Itsensä johtamisen taidot'),
      description: text('Kuvaus'),
      assessed: true,
    },
  ],
  scale: { min: 1, max: 2, labels: [text('Kehittyvä'), text('Osaava')] },
  ...changes,
});

export const summary = (
  tenantId: string,
  serviceAreaId: string,
  changes: Partial<ServiceAreaSummary> = {},
): ServiceAreaSummary => ({
  tenantId,
  serviceAreaId,
  year: YEAR,
  status: 'draft',
  conclusions: { futureNeeds: ['Digitaidot'] },
  competences: [{ competenceId: 'self-management', self: { '4': 6 }, supervisor: {}, respondents: 6 }],
  learningWaySplit: { '70': 5, '20': 3, '10': 2 },
  publishedAt: null,
  publishedBy: null,
  ...changes,
});

export const trainingPlan = (
  tenantId: string,
  serviceAreaId: string | null,
  changes: Partial<TrainingPlan> = {},
): TrainingPlan => ({
  tenantId,
  year: YEAR,
  scope: serviceAreaId === null ? 'central' : 'serviceArea',
  serviceAreaId,
  status: 'draft',
  items: [{ id: 'i1', need: 'Digitaidot', competenceId: null, way: '10', audience: 'Kaikki', headcount: 12 }],
  history: [],
  ...changes,
});

export const conversationReference = (
  tenantId: string,
  address: ConversationAddress,
  changes: Partial<ConversationReferenceRecord> = {},
): ConversationReferenceRecord => ({
  tenantId,
  address,
  channelName: address.kind === 'channel' ? 'Yleinen' : null,
  reference: { conversation: { id: 'conversation' }, serviceUrl: 'https://smba.trafficmanager.net/emea/' },
  ...changes,
});
