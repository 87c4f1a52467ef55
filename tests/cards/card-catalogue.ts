/**
 * Every card the bot can send, built by its own exported builder from realistic data in each language: the
 * conformance test checks each one, and the coverage test fails when an exported builder is missing here.
 * Builders that only expand a template for other builders name the builders that exercise them (`coveredBy`).
 */
import { groupDiscussionActivity } from '../../bot/src/group-discussions/group-discussion-start';
import { invitationActivity, type InvitationKind } from '../../bot/src/api/invitation-message';
import { BUILT_IN_COACHING_BANK } from '../../bot/src/domain/coaching-bank';
import type { AdaptiveCard } from '../../bot/src/cards/card-rendering';
import { stepsOf } from '../../bot/src/domain/discussion-steps';
import type { DiscussionViewer } from '../../bot/src/cards/discussion-viewer';
import { renderDiscussionView } from '../../bot/src/cards/discussion-views';
import { renderFollowUpCard } from '../../bot/src/cards/follow-up-view';
import { renderMyTeamCard } from '../../bot/src/cards/my-team-view';
import { renderNoticeCard } from '../../bot/src/cards/notice-view';
import { OwedAuditEntry } from '../../bot/src/cards/owed-audit-entry';
import { renderStepCard } from '../../bot/src/cards/step-view';
import { renderSummaryCard } from '../../bot/src/cards/summary-view';
import { reminderActivity, reminderCard, type ReminderPayload } from '../../bot/src/clock/reminder-card';
import type { ReminderMessage } from '../../bot/src/domain/reminder';
import { demandCard, requestsCard } from '../../bot/src/development-actions/development-action-view';
import { defaultCompetenceFramework } from '../../bot/src/domain/competence-catalogue';
import type { DevelopmentDiscussion, DiscussionStatus } from '../../bot/src/domain/development-discussion';
import { GROUP_THEMES, type GroupCompetenceDiscussion } from '../../bot/src/domain/group-discussion';
import type { Locale } from '../../bot/src/domain/locale';
import type { Person, ServiceArea, Team } from '../../bot/src/domain/organisation';
import type { TrainingPlan } from '../../bot/src/domain/training-plan';
import {
  discussionCard,
  discussionShell,
  groupNoticeCard,
  teamChoiceCard,
} from '../../bot/src/group-discussions/group-discussion-view';
import type { AuditTrail } from '../../bot/src/storage/audit-trail';
import type { StrategicDiscussion } from '../../bot/src/storage/strategic-discussion-repository';
import type {
  SummaryFigures,
  SummaryPublication,
} from '../../bot/src/storage/summary-publication-repository';
import { sharedStrategyCard, strategyCard } from '../../bot/src/strategy/strategy-view';
import { announcementCard, editorCard, overviewCard } from '../../bot/src/summaries/summary-views';
import { cardActivity } from '../../bot/src/cards/card-rendering';
import { planCard, plansOverviewCard } from '../../bot/src/training-plans/training-plan-view';
import { toActivity } from '../../bot/src/teams/osaamiskello-bot';
import { welcomeReply } from '../../bot/src/chat/welcome';
import { renderLanguageCard } from '../../bot/src/chat/language-command';
import { withFieldRefusal } from '../../bot/src/cards/field-refusal';
import { translate } from '../../bot/src/i18n/translate';

type Json = Record<string, unknown>;

export interface CardCase {
  name: string;
  /** The card, or the message activity that carries it. */
  card: Json;
}

export interface CatalogueEntry {
  /** The exported builder's name and module (under bot/src). */
  builder: string;
  module: string;
  cases?: (locale: Locale) => CardCase[];
  /** Builders whose cases exercise this one (a template renderer, a wrapper). */
  coveredBy?: string[];
}

export const LOCALES: Locale[] = ['fi', 'sv', 'en'];

const TENANT = '00000000-0000-4000-8000-0000000000c1';
const YEAR = 2026;
const AT = '2026-02-03T09:15:00.000Z';

/** What a person wrote that would be markup if a card rendered it as such (issue 14's attack). */
export const MARKUP_ATTACK = '[Kirjaudu](https://evil.example/login) **kiireellinen**';

/** Text as people write it: long, with Finnish letters, line breaks, and markdown-looking characters. */
const LONG_TEXT =
  `${MARKUP_ATTACK} ` +
  'Asiakaspalvelussa vuorovaikutustaidot ja sähköinen asiointi korostuvat; tavoitteena on, että jokainen ' +
  'osaa ohjata asiakkaan verkkopalveluun (esim. *Omakanta*) ja tietää, milloin asia kuuluu toiselle yksikölle.\n' +
  'Lisäksi perehdytys uusille työntekijöille 1–2 viikon aikana.';

function person(id: string, firstName: string, lastName: string, changes: Partial<Person> = {}): Person {
  return {
    tenantId: TENANT,
    id,
    firstName,
    lastName,
    email: `${firstName.toLowerCase()}.${lastName.toLowerCase()}@demokaupunki.fi`,
    aadObjectId: `aad-${id}`,
    serviceAreaId: 'sa-talous',
    teamId: 'team-palkat',
    supervisorId: '10025',
    roles: ['employee'],
    locale: 'fi',
    ...changes,
  };
}

const supervisor = person('10025', 'Pasi', 'Mäkinen', {
  roles: ['employee', 'supervisor'],
  supervisorId: null,
});
const employee = person('10026', 'Tuija', 'Suominen');
const hr = person('10009', 'Elina', 'Håkansson', { roles: ['employee', 'hr'] });
const director = person('10233', 'Juha', 'Peltonen', {
  roles: ['employee', 'supervisor', 'serviceAreaManagementTeam'],
});

const area: ServiceArea = {
  tenantId: TENANT,
  id: 'sa-talous',
  name: 'Talous- ja henkilöstöpalvelut',
  directorId: director.id,
  alternatingYearRule: null,
};
const team: Team = {
  tenantId: TENANT,
  id: 'team-palkat',
  serviceAreaId: area.id,
  name: 'Palkkapalvelut',
  kind: 'team',
  supervisorId: supervisor.id,
};

const framework = defaultCompetenceFramework(YEAR);
const competences = framework.competences.filter((competence) => competence.assessed);

function discussion(status: DiscussionStatus): DevelopmentDiscussion {
  const ratings = (offset: number) =>
    Object.fromEntries(
      competences.map((competence, index) => [competence.id, framework.scale.min + ((index + offset) % 3)]),
    );
  const held = status === 'held' || status === 'signed';
  return {
    tenantId: TENANT,
    year: YEAR,
    employeeId: employee.id,
    supervisorId: supervisor.id,
    serviceAreaId: area.id,
    status,
    scheduledAt: status === 'notScheduled' ? null : '2026-02-12T10:00:00.000Z',
    includesSupervisorSection: false,
    preparation: {
      workAndWellbeing: LONG_TEXT,
      successes: 'Palkanlaskennan siirto uuteen järjestelmään onnistui aikataulussa.',
      competenceNeeds: 'Excel-osaaminen ja raportointi.',
    } as DevelopmentDiscussion['preparation'],
    supervisorNotes: held
      ? ({
          workAndWellbeing: 'Työmäärä on ollut suuri keväällä.',
        } as DevelopmentDiscussion['supervisorNotes'])
      : {},
    selfRatings: ratings(0),
    supervisorRatings: held ? ratings(1) : {},
    goals: held ? [{ id: 'g1', text: 'Raportoinnin automatisointi', status: 'inProgress' }] : [],
    learningGoals: held ? [{ id: 'l1', text: 'Power BI -koulutus', status: 'open', way: '10' }] : [],
    proposedLearningGoals: [
      { id: 'p1', text: 'Työnkierto henkilöstöhallinnossa', status: 'open', way: '20' },
    ],
    employeeSignature: status === 'signed' ? { personId: employee.id, at: AT } : null,
    supervisorSignature: status === 'signed' ? { personId: supervisor.id, at: AT } : null,
    reopenings: [],
    updatedAt: AT,
  };
}

const noAudit = new OwedAuditEntry({ record: async () => undefined } as unknown as AuditTrail, {} as never);

export function viewer(
  locale: Locale,
  party: DiscussionViewer['party'],
  status: DiscussionStatus,
): DiscussionViewer {
  return {
    locale,
    party,
    record: { value: discussion(status), etag: 'W/"datetime\'2026-02-03T09%3A15%3A00Z\'"' },
    framework,
    otherName: party === 'employee' ? 'Pasi Mäkinen' : 'Tuija Suominen',
    userIds: ['29:employee-mri', '29:supervisor-mri'],
    coaching: party === 'supervisor' ? BUILT_IN_COACHING_BANK : null,
    now: new Date(AT),
    meetingRound:
      party === 'supervisor'
        ? { windows: [{ opens: '2026-01-01', closes: '2026-03-31' }], holdsDiscussion: true }
        : null,
    audit: noAudit,
  };
}

function stepCases(locale: Locale): CardCase[] {
  const cases: CardCase[] = [];
  for (const [party, status] of [
    ['employee', 'scheduled'],
    ['supervisor', 'prepared'],
    ['supervisor', 'held'],
  ] as const) {
    const steps = stepsOf(discussion(status));
    for (let step = 1; step <= steps.length; step++) {
      cases.push({
        name: `${party} ${status} step ${step}`,
        card: renderStepCard(viewer(locale, party, status), step, {}),
      });
    }
  }
  cases.push({
    name: 'refused step with errors shown next to the fields',
    card: renderStepCard(viewer(locale, 'employee', 'scheduled'), 1, {
      banner: { text: 'Tarkista merkityt kohdat.', color: 'Attention' },
      errors: { workAndWellbeing: 'discussion.error.tooLong' } as never,
    }),
  });
  return cases;
}

const groupDiscussion = (status: GroupCompetenceDiscussion['status']): GroupCompetenceDiscussion => ({
  tenantId: TENANT,
  id: 'team-0123456789abcdef01234567',
  year: YEAR,
  level: 'team',
  teamId: team.id,
  serviceAreaId: area.id,
  chairId: supervisor.id,
  status,
  contributions: GROUP_THEMES.flatMap((theme, index) => [
    { id: `c${index}a`, theme, text: LONG_TEXT, authorId: employee.id, at: AT },
    { id: `c${index}b`, theme, text: 'Yhteiset pelisäännöt etätyöhön.', authorId: supervisor.id, at: AT },
  ]),
  conclusions: Object.fromEntries(GROUP_THEMES.map((theme) => [theme, 'Sovittu: kaksi koulutuspäivää.'])),
  updatedAt: AT,
});

const strategic: StrategicDiscussion = {
  tenantId: TENANT,
  year: YEAR,
  status: 'shared',
  agenda: { strategy: 'Kaupunkistrategian painopisteet 2026–2029.' } as StrategicDiscussion['agenda'],
  themes: Object.fromEntries(GROUP_THEMES.map((theme) => [theme, 'Digitaalisten palvelujen osaaminen.'])),
  updatedBy: hr.id,
  updatedAt: AT,
  sharedBy: hr.id,
  sharedAt: AT,
};

function figures(): SummaryFigures {
  return {
    threshold: 5,
    respondents: 42,
    competences: competences.map((competence, index) => ({
      competenceId: competence.id,
      name: competence.name,
      audience: competence.audience,
      self: { n: 42, mean: 3.4, counts: { '3': 20, '4': 22 } },
      supervisor: { n: 40, mean: 3.2, counts: { '3': 25, '4': 15 } },
      needs: { rated: 42, needs: 10 + index, share: (10 + index) / 42 },
      previousYear: { self: 3.1, supervisor: null },
    })),
    heatmap: [
      { kind: 'group', groupId: area.id, name: area.name, groupCount: 1, respondents: 42, cells: {} },
      { kind: 'combined', groupId: null, name: null, groupCount: 3, respondents: 9, cells: {} },
    ],
    needsRanking: competences.map((competence, index) => ({
      competenceId: competence.id,
      rated: 42,
      needs: 20 - index,
      share: (20 - index) / 42,
    })),
    learningWays: { counts: { '70': 30, '20': 12, '10': 6 }, percent: { '70': 63, '20': 25, '10': 12 } },
    developmentActions: [{ kind: 'coaching', form: 'individual', count: 6 }],
  };
}

const publication: SummaryPublication = {
  tenantId: TENANT,
  serviceAreaId: area.id,
  year: YEAR,
  serviceAreaName: area.name,
  conclusions: Object.fromEntries(GROUP_THEMES.map((theme) => [theme, [LONG_TEXT, 'Esihenkilötyön tuki.']])),
  figures: figures(),
  publishedAt: AT,
  publishedBy: hr.id,
};

const plan = (scope: TrainingPlan['scope'], status: TrainingPlan['status']): TrainingPlan => ({
  tenantId: TENANT,
  year: YEAR,
  scope,
  serviceAreaId: scope === 'serviceArea' ? area.id : null,
  status,
  items: [
    {
      id: 'i1',
      need: LONG_TEXT,
      competenceId: competences[0]!.id,
      way: '10',
      audience: 'Palkkapalvelut',
      headcount: 12,
    },
    { id: 'i2', need: 'Tietosuoja', competenceId: null, way: '20', audience: 'Kaikki', headcount: 40 },
  ],
  history: [{ status, by: director.id, at: AT }],
});

const reminderMessage = (changes: Partial<ReminderMessage>): ReminderMessage => ({
  kind: 'preparationDue',
  phase: 'developmentDiscussions',
  audience: 'employee',
  year: YEAR,
  opens: '2026-01-01',
  closes: '2026-03-31',
  open: null,
  total: null,
  responsible: null,
  step: null,
  meetingDate: '2026-02-12',
  action: 'preparation',
  ...changes,
});

const links = {
  teamsAppId: '7b1d9c1e-2f3a-4b5c-8d9e-0f1a2b3c4d5e',
  tabsBaseUrl: 'https://osaamiskello.example.fi',
};

function reminderPayloads(locale: Locale): Array<[string, ReminderPayload]> {
  return [
    ['preparation due', { locale, message: reminderMessage({}), personId: employee.id }],
    [
      'deadline approaching for a supervisor',
      {
        locale,
        message: reminderMessage({
          kind: 'deadlineApproaching',
          audience: 'supervisor',
          action: 'teamStatus',
          open: 4,
          total: 15,
        }),
        personId: supervisor.id,
      },
    ],
    [
      'phase opened in a channel',
      {
        locale,
        message: reminderMessage({
          kind: 'phaseOpened',
          audience: 'channel',
          action: 'clock',
          meetingDate: null,
        }),
        personId: null,
      },
    ],
  ];
}

const names = new Map([
  [employee.id, 'Tuija Suominen'],
  [supervisor.id, 'Pasi Mäkinen'],
  [director.id, 'Juha Peltonen'],
  [hr.id, 'Elina Håkansson'],
]);

export const CARD_CATALOGUE: CatalogueEntry[] = [
  {
    builder: 'renderStepCard',
    module: 'cards/step-view.ts',
    cases: stepCases,
  },
  {
    builder: 'renderSummaryCard',
    module: 'cards/summary-view.ts',
    cases: (locale) =>
      (['notScheduled', 'scheduled', 'prepared', 'held', 'signed'] as const).flatMap((status) =>
        (['employee', 'supervisor'] as const).map((party) => ({
          name: `${party} ${status}`,
          card: renderSummaryCard(viewer(locale, party, status), {}),
        })),
      ),
  },
  {
    builder: 'renderFollowUpCard',
    module: 'cards/follow-up-view.ts',
    cases: (locale) =>
      (['employee', 'supervisor'] as const).map((party) => ({
        name: party,
        card: renderFollowUpCard(viewer(locale, party, 'signed'), {}),
      })),
  },
  {
    builder: 'renderDiscussionView',
    module: 'cards/discussion-views.ts',
    cases: (locale) => [
      {
        name: 'summary',
        card: renderDiscussionView(viewer(locale, 'supervisor', 'held'), { kind: 'summary' }),
      },
    ],
  },
  {
    builder: 'renderMyTeamCard',
    module: 'cards/my-team-view.ts',
    cases: (locale) => [
      {
        name: 'fifteen reports in every status',
        card: renderMyTeamCard(
          locale,
          YEAR,
          Array.from({ length: 15 }, (_, index) => ({
            person: person(`2${index}`, 'Henkilö', `Sukunimi${index}`),
            discussion:
              index % 6 === 5
                ? null
                : {
                    ...discussion(
                      (['notScheduled', 'scheduled', 'prepared', 'held', 'signed'] as const)[index % 5]!,
                    ),
                    employeeId: `2${index}`,
                  },
          })),
          true,
        ),
      },
      { name: 'no reports', card: renderMyTeamCard(locale, YEAR, [], false) },
    ],
  },
  { builder: 'myTeamCard', module: 'cards/actions/my-team.ts', coveredBy: ['renderMyTeamCard'] },
  {
    builder: 'renderNoticeCard',
    module: 'cards/notice-view.ts',
    cases: (locale) => [
      { name: 'refusal', card: renderNoticeCard(locale, 'cards.notice.title') },
      { name: 'information', card: renderNoticeCard(locale, 'cards.notice.title', 'Default') },
    ],
  },
  {
    builder: 'renderCard',
    module: 'cards/card-templates.ts',
    coveredBy: [
      'renderStepCard',
      'renderMyTeamCard',
      'renderSummaryCard',
      'renderFollowUpCard',
      'renderNoticeCard',
      'reminderCard',
      'invitationActivity',
      'groupDiscussionActivity',
    ],
  },
  { builder: 'changeDiscussion', module: 'cards/discussion-change.ts', coveredBy: ['renderDiscussionView'] },
  {
    builder: 'cardTemplate',
    module: 'cards/card-rendering.ts',
    coveredBy: ['discussionCard', 'planCard'],
  },
  { builder: 'shapedCardTemplate', module: 'cards/card-rendering.ts', coveredBy: ['renderStepCard'] },
  {
    builder: 'reminderCard',
    module: 'clock/reminder-card.ts',
    cases: (locale) =>
      reminderPayloads(locale).map(([name, payload]) => ({ name, card: reminderCard(payload, links) })),
  },
  {
    builder: 'reminderActivity',
    module: 'clock/reminder-card.ts',
    cases: (locale) =>
      reminderPayloads(locale).map(([name, payload]) => ({
        name,
        card: reminderActivity(payload, links) as Json,
      })),
  },
  {
    builder: 'invitationActivity',
    module: 'api/invitation-message.ts',
    cases: (locale) =>
      (['invited', 'moved', 'cancelled'] as InvitationKind[]).flatMap((kind) =>
        [false, true].map((inCalendar) => ({
          name: `${kind}${inCalendar ? ' in calendar' : ''}`,
          card: invitationActivity({
            kind,
            year: YEAR,
            employee: { ...employee, locale },
            supervisor,
            start: new Date('2026-02-12T10:00:00Z'),
            durationMinutes: 60,
            at: new Date(AT),
            inCalendar,
          }) as Json,
        })),
      ),
  },
  {
    builder: 'groupDiscussionActivity',
    module: 'group-discussions/group-discussion-start.ts',
    cases: (locale) => [
      { name: 'start', card: groupDiscussionActivity(team, supervisor, YEAR, locale) as Json },
    ],
  },
  {
    builder: 'discussionShell',
    module: 'group-discussions/group-discussion-view.ts',
    cases: (locale) => [
      { name: 'posted', card: discussionShell(locale, groupDiscussion('open'), team.name, ['29:a', '29:b']) },
    ],
  },
  {
    builder: 'discussionCard',
    module: 'group-discussions/group-discussion-view.ts',
    cases: (locale) =>
      (['open', 'concluded'] as const).flatMap((status) =>
        (['chair', 'member'] as const).map((viewerRole) => ({
          name: `${viewerRole} ${status}`,
          card: discussionCard(
            locale,
            {
              discussion: groupDiscussion(status),
              teamName: team.name,
              teamKind: 'team',
              names,
              guidelines: strategic,
              viewer: viewerRole,
              userIds: ['29:a', '29:b'],
            },
            null,
          ),
        })),
      ),
  },
  {
    builder: 'teamChoiceCard',
    module: 'group-discussions/group-discussion-view.ts',
    cases: (locale) => [
      {
        name: 'two teams',
        card: teamChoiceCard(locale, YEAR, [
          { id: 'team-palkat', name: 'Palkkapalvelut' },
          { id: 'team-rekry', name: 'Rekrytointi' },
        ]),
      },
    ],
  },
  {
    builder: 'groupNoticeCard',
    module: 'group-discussions/group-discussion-view.ts',
    cases: (locale) => [
      {
        name: 'notice',
        card: groupNoticeCard(locale, 'Palkkapalvelut', { key: 'chooseTeam', color: 'Attention' }),
      },
    ],
  },
  {
    builder: 'overviewCard',
    module: 'summaries/summary-views.ts',
    cases: (locale) => [
      {
        name: 'areas in every state',
        card: overviewCard(locale, YEAR, 5, [
          { area, summary: null, linked: false },
          {
            area: { ...area, id: 'sa-2', name: 'Sosiaali- ja terveyspalvelut' },
            summary: {
              tenantId: TENANT,
              serviceAreaId: 'sa-2',
              year: YEAR,
              status: 'draft',
              conclusions: {},
              competences: [],
              learningWaySplit: { '70': 0, '20': 0, '10': 0 },
              publishedAt: null,
              publishedBy: null,
            },
            linked: true,
          },
          {
            area: { ...area, id: 'sa-3', name: 'Kaupunkiympäristö' },
            summary: {
              tenantId: TENANT,
              serviceAreaId: 'sa-3',
              year: YEAR,
              status: 'published',
              conclusions: {},
              competences: [],
              learningWaySplit: { '70': 3, '20': 2, '10': 1 },
              publishedAt: AT,
              publishedBy: hr.id,
            },
            linked: true,
          },
        ]),
      },
    ],
  },
  {
    builder: 'editorCard',
    module: 'summaries/summary-views.ts',
    cases: (locale) => {
      const summary = (status: 'draft' | 'published') => ({
        value: {
          tenantId: TENANT,
          serviceAreaId: area.id,
          year: YEAR,
          status,
          conclusions: Object.fromEntries(
            GROUP_THEMES.map((theme) => [theme, [LONG_TEXT, 'Esihenkilötyön tuki.']]),
          ),
          competences: [
            { competenceId: competences[0]!.id, self: { '3': 4 }, supervisor: { '3': 4 }, respondents: 8 },
          ],
          learningWaySplit: { '70': 6, '20': 3, '10': 1 },
          publishedAt: status === 'published' ? AT : null,
          publishedBy: status === 'published' ? hr.id : null,
          suppressed: { small: 3, change: 1, hierarchy: 12, complementary: 2, wholeGroup: false },
        },
        etag: 'W/"1"',
      });
      const target = { year: YEAR, serviceAreaId: area.id };
      return [
        { name: 'no draft', card: editorCard(locale, area.name, target, null, null, 5) },
        { name: 'draft', card: editorCard(locale, area.name, target, summary('draft'), null, 5) },
        { name: 'published', card: editorCard(locale, area.name, target, summary('published'), null, 5) },
      ];
    },
  },
  {
    builder: 'announcementCard',
    module: 'summaries/summary-views.ts',
    cases: (locale) => [
      {
        name: 'published to the channel',
        card: announcementCard(locale, publication, {
          tenantId: TENANT,
          serviceAreaId: area.id,
          teamId: '19:team@thread.tacv2',
          channelId: '19:channel@thread.tacv2',
          tabEntityId: 'osaamiskello-channel',
          teamsAppId: links.teamsAppId,
          linkedBy: hr.id,
          linkedAt: AT,
        }),
      },
    ],
  },
  {
    builder: 'renderListCard',
    module: 'cards/record-cards.ts',
    coveredBy: ['overviewCard', 'plansOverviewCard'],
  },
  {
    builder: 'renderEditorCard',
    module: 'cards/record-cards.ts',
    coveredBy: ['editorCard', 'strategyCard'],
  },
  {
    builder: 'cardActivity',
    module: 'cards/card-rendering.ts',
    cases: (locale) => [
      {
        name: 'announcement message',
        card: cardActivity(
          announcementCard(locale, publication, {
            tenantId: TENANT,
            serviceAreaId: area.id,
            teamId: '19:t',
            channelId: '19:c',
            tabEntityId: null,
            teamsAppId: null,
            linkedBy: hr.id,
            linkedAt: AT,
          }),
          area.name,
        ),
      },
    ],
  },
  {
    builder: 'plansOverviewCard',
    module: 'training-plans/training-plan-view.ts',
    cases: (locale) => [
      {
        name: 'plans in every status',
        card: plansOverviewCard(locale, YEAR, [
          { serviceArea: null, plan: plan('central', 'reviewed') },
          { serviceArea: area, plan: plan('serviceArea', 'submitted') },
          { serviceArea: { ...area, id: 'sa-2', name: 'Sosiaali- ja terveyspalvelut' }, plan: null },
        ]),
      },
    ],
  },
  {
    builder: 'withFieldRefusal',
    module: 'cards/field-refusal.ts',
    cases: (locale) => [
      {
        name: 'a new item refused under its need, what was typed kept',
        card:
          withFieldRefusal(
            planCard(
              locale,
              {
                year: YEAR,
                serviceArea: area,
                read: { value: plan('serviceArea', 'draft'), etag: 'W/"2"' },
                competences,
                names,
                viewer: director,
                maxHeadcount: 40,
                areaNames: new Map(),
              },
              null,
            ),
            ['need'],
            translate(locale, 'cards.error.controlCharacters'),
            { need: `${MARKUP_ATTACK}\u202e`, audience: LONG_TEXT, headcount: '12', way: '20' },
          ) ?? {},
      },
    ],
  },
  {
    builder: 'planCard',
    module: 'training-plans/training-plan-view.ts',
    cases: (locale) =>
      (
        [
          ['director edits a draft', area, plan('serviceArea', 'draft'), director],
          ['HR reads a submitted plan', area, plan('serviceArea', 'submitted'), hr],
          ['HR with the central plan', null, plan('central', 'draft'), hr],
        ] as const
      ).map(([name, serviceArea, read, viewerPerson]) => ({
        name,
        card: planCard(
          locale,
          {
            year: YEAR,
            serviceArea,
            read: { value: read, etag: 'W/"2"' },
            competences,
            names,
            viewer: viewerPerson,
            maxHeadcount: 40,
            areaNames: new Map(),
          },
          null,
        ),
      })),
  },
  {
    builder: 'strategyCard',
    module: 'strategy/strategy-view.ts',
    cases: (locale) => [
      {
        name: 'HR edits with the compiled data',
        card: strategyCard(
          locale,
          {
            year: YEAR,
            read: { value: { ...strategic, status: 'draft', sharedAt: null, sharedBy: null }, etag: 'W/"3"' },
            editable: true,
            data: {
              plans: [plan('central', 'reviewed'), plan('serviceArea', 'submitted')],
              serviceAreaCount: 6,
              figures: figures(),
              figuresYear: YEAR - 1,
            },
          },
          null,
        ),
      },
      {
        name: 'read-only',
        card: strategyCard(
          locale,
          { year: YEAR, read: { value: strategic, etag: 'W/"3"' }, editable: false, data: null },
          null,
        ),
      },
    ],
  },
  {
    builder: 'sharedStrategyCard',
    module: 'strategy/strategy-view.ts',
    cases: (locale) => [{ name: 'shared', card: sharedStrategyCard(locale, strategic) }],
  },
  {
    builder: 'requestsCard',
    module: 'development-actions/development-action-view.ts',
    cases: (locale) => [
      {
        name: 'open and withdrawn requests',
        card: requestsCard(
          locale,
          YEAR,
          [
            {
              tenantId: TENANT,
              year: YEAR,
              personId: employee.id,
              serviceAreaId: area.id,
              kind: 'coaching',
              form: 'individual',
              status: 'requested',
              updatedAt: AT,
            },
            {
              tenantId: TENANT,
              year: YEAR,
              personId: employee.id,
              serviceAreaId: area.id,
              kind: 'workSupervision',
              form: 'group',
              status: 'withdrawn',
              updatedAt: AT,
            },
          ],
          true,
          null,
        ),
      },
      { name: 'none yet', card: requestsCard(locale, YEAR, [], false, null) },
    ],
  },
  {
    builder: 'demandCard',
    module: 'development-actions/development-action-view.ts',
    cases: (locale) => [
      {
        name: 'demand by area',
        card: demandCard(locale, {
          year: YEAR,
          threshold: 5,
          areas: [
            {
              serviceAreaId: area.id,
              name: area.name,
              demand: [
                { kind: 'coaching', form: 'individual', count: 7 },
                { kind: 'workSupervision', form: 'group', count: null },
              ],
            },
          ],
          city: [{ kind: 'coaching', form: 'individual', count: 19 }],
        }),
      },
    ],
  },
  {
    builder: 'welcomeReply',
    module: 'chat/welcome.ts',
    cases: (locale) =>
      (['personal', 'team'] as const).map((scope) => ({
        name: `installed in ${scope} scope`,
        card: toActivity(welcomeReply(locale, scope)) as Json,
      })),
  },
  {
    builder: 'renderLanguageCard',
    module: 'chat/language-command.ts',
    cases: (locale) => [
      { name: 'the language choice', card: renderLanguageCard(locale) as Json },
      { name: 'a language chosen', card: renderLanguageCard(locale, true) as Json },
    ],
  },
  {
    builder: 'toActivity',
    module: 'teams/osaamiskello-bot.ts',
    cases: (locale) => [
      {
        name: 'a chat reply with a card',
        card: toActivity({
          kind: 'card',
          card: renderNoticeCard(locale, 'cards.notice.title'),
          fallbackText: 'Osaamiskello',
        } as never) as Json,
      },
    ],
  },
];

export type { AdaptiveCard };
