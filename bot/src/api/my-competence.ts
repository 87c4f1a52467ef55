/**
 * The personal tab "My competence": the caller's own development discussions by year, their competence
 * ratings over the years, their goals with status, and what is coming on the clock for them. Only the
 * caller's own records are read; nothing here is about anyone else except their supervisor's name.
 */
import type { AnnualClock, PhaseWindow } from '../domain/annual-clock';
import { currentRoundYear, phaseWindows } from '../domain/annual-clock-rules';
import { organisationDate } from '../domain/organisation-time';
import { competencesAssessedFor } from '../domain/assessment-rules';
import { defaultCompetenceFramework } from '../domain/competence-catalogue';
import type { CompetenceFramework } from '../domain/competence';
import type { DevelopmentDiscussion } from '../domain/development-discussion';
import { conversationsFor, type YearConversations } from '../domain/discussion-year-rules';
import type { Person } from '../domain/organisation';
import { isSupervisor } from '../domain/people-rules';
import type { Repositories } from '../storage/repositories';
import { HISTORY_YEARS, UPCOMING_DAYS } from '../tunables';
import type { CompetenceSeries, MyCompetence, UpcomingItem } from '../contract/personal';

type Repos = Pick<
  Repositories,
  'annualClocks' | 'developmentDiscussions' | 'competenceFrameworks' | 'people' | 'serviceAreas' | 'teams'
>;

async function supervisorNames(repos: Repos, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  const people = await Promise.all([...new Set(ids)].map((id) => repos.people.getPerson(tenantId, id)));
  return new Map(
    people.flatMap((read) =>
      read ? [[read.value.id, `${read.value.firstName} ${read.value.lastName}`] as const] : [],
    ),
  );
}

function frameworkFor(frameworks: Map<number, CompetenceFramework>, year: number): CompetenceFramework {
  return frameworks.get(year) ?? defaultCompetenceFramework(year);
}

/** One series per competence the person was assessed on in any year, in the latest framework's order. */
function competenceSeries(
  person: Person,
  discussions: DevelopmentDiscussion[],
  frameworks: Map<number, CompetenceFramework>,
): CompetenceSeries[] {
  const series = new Map<string, CompetenceSeries>();
  const rated = discussions.filter(
    (d) => Object.keys(d.selfRatings).length > 0 || Object.keys(d.supervisorRatings).length > 0,
  );
  for (const discussion of [...rated].sort((a, b) => b.year - a.year)) {
    for (const competence of competencesAssessedFor(person, frameworkFor(frameworks, discussion.year))) {
      if (!series.has(competence.id))
        series.set(competence.id, { id: competence.id, name: competence.name, points: [] });
    }
  }
  for (const discussion of [...rated].sort((a, b) => a.year - b.year)) {
    for (const entry of series.values()) {
      const self = discussion.selfRatings[entry.id] ?? null;
      const supervisor = discussion.supervisorRatings[entry.id] ?? null;
      if (self !== null || supervisor !== null)
        entry.points.push({ year: discussion.year, self, supervisor });
    }
  }
  return [...series.values()].filter((entry) => entry.points.length > 0);
}

function isRelevant(window: PhaseWindow, person: Person, conversations: YearConversations): boolean {
  if (window.kind === 'developmentDiscussions')
    return conversations.developmentDiscussion || isSupervisor(person);
  if (window.kind === 'groupDiscussions') return conversations.groupDiscussion;
  return window.audience.some((role) => person.roles.includes(role));
}

function upcomingFor(
  clock: AnnualClock,
  person: Person,
  conversationsOf: (year: number) => YearConversations,
  discussions: Map<number, DevelopmentDiscussion>,
  now: Date,
): UpcomingItem[] {
  const today = organisationDate(now);
  const horizon = organisationDate(new Date(now.getTime() + UPCOMING_DAYS * 86_400_000));
  const year = Number(today.slice(0, 4));
  return [year, year + 1].flatMap((y) =>
    phaseWindows(clock, y, person.serviceAreaId)
      .filter((w) => w.closes >= today && w.opens <= horizon && isRelevant(w, person, conversationsOf(y)))
      .map((w) => ({
        phaseId: w.phaseId,
        kind: w.kind,
        level: w.level,
        opens: w.opens,
        closes: w.closes,
        meetingAt: w.kind === 'developmentDiscussions' ? (discussions.get(y)?.scheduledAt ?? null) : null,
      })),
  );
}

export async function myCompetence(repos: Repos, person: Person, now: Date): Promise<MyCompetence> {
  const { tenantId } = person;
  const [clock, area, team, frameworkRecords] = await Promise.all([
    repos.annualClocks.inEffect(tenantId),
    repos.serviceAreas.get(tenantId, person.serviceAreaId),
    repos.teams.get(tenantId, person.teamId),
    repos.competenceFrameworks.list(tenantId),
  ]);
  const roundYear = currentRoundYear(clock, person.serviceAreaId, now);
  const years = Array.from({ length: HISTORY_YEARS + 1 }, (_, i) => roundYear - HISTORY_YEARS + i);
  const found = await Promise.all(
    years.map((year) => repos.developmentDiscussions.get(tenantId, year, person.id)),
  );
  const discussions = found.flatMap((read) => (read ? [read.value] : []));
  const names = await supervisorNames(
    repos,
    tenantId,
    discussions.map((d) => d.supervisorId),
  );
  const frameworks = new Map(frameworkRecords.map((read) => [read.value.year, read.value]));
  const rule = { alternatingYearRule: area?.value.alternatingYearRule ?? null };
  const teamKind = { kind: team?.value.kind ?? 'team' } as const;
  const conversationsOf = (year: number) => conversationsFor(person, rule, year, teamKind);
  const latestFramework = frameworkFor(frameworks, roundYear);

  return {
    roundYear,
    conversations: conversationsOf(roundYear),
    discussions: discussions
      .map((d) => ({
        year: d.year,
        status: d.status,
        scheduledAt: d.scheduledAt,
        supervisorName: names.get(d.supervisorId) ?? null,
        goals: d.goals,
        learningGoals: d.learningGoals,
        updatedAt: d.updatedAt,
      }))
      .sort((a, b) => b.year - a.year),
    competences: competenceSeries(person, discussions, frameworks),
    scale: latestFramework.scale,
    upcoming: upcomingFor(clock, person, conversationsOf, new Map(discussions.map((d) => [d.year, d])), now),
  };
}
