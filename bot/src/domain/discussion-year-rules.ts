/**
 * Which conversations of the clock's January–March round a person has in a year. By default everyone has both
 * a development discussion and their team's group discussion every year. Service areas with the alternating-year
 * model (vuorovuosimalli: early-childhood education and teaching) hold the staff's conversations as group
 * discussions one year and as individual development discussions the next.
 */
import type { AlternatingYearRule, Person, ServiceArea, Team, TeamKind } from './organisation';
import { isSupervisor } from './people-rules';

export interface YearConversations {
  developmentDiscussion: boolean;
  groupDiscussion: boolean;
}

/**
 * Teams that discuss every year even under the alternating model: the seed's education clock shows the
 * principals' and daycare directors' group discussions beside the alternating staff conversations, and
 * management teams are outside the staff model altogether.
 */
const EVERY_YEAR_GROUP_KINDS: readonly TeamKind[] = [
  'principals',
  'daycareDirectors',
  'serviceAreaManagementTeam',
  'cityManagementTeam',
];

export function isIndividualDiscussionYear(rule: AlternatingYearRule, year: number): boolean {
  const even = year % 2 === 0;
  return rule.individualDiscussionYears === 'even' ? even : !even;
}

export function teamHoldsGroupDiscussion(
  team: Pick<Team, 'kind'>,
  serviceArea: Pick<ServiceArea, 'alternatingYearRule'>,
  year: number,
): boolean {
  const rule = serviceArea.alternatingYearRule;
  if (!rule || EVERY_YEAR_GROUP_KINDS.includes(team.kind)) return true;
  return !isIndividualDiscussionYear(rule, year);
}

/**
 * `team` is the person's own team (person.teamId), whose group discussion they take part in.
 * Decisions:
 * - Nobody has a development discussion without a supervisor to hold it (e.g. the city manager).
 * - Supervisors have their own development discussion every year, also under the alternating model: the seed
 *   keeps "esihenkilöiden kehityskeskustelut" outside the alternation, which concerns the staff's conversations.
 */
export function conversationsFor(
  person: Pick<Person, 'roles' | 'supervisorId'>,
  serviceArea: Pick<ServiceArea, 'alternatingYearRule'>,
  year: number,
  team: Pick<Team, 'kind'>,
): YearConversations {
  const rule = serviceArea.alternatingYearRule;
  const individualThisYear = !rule || isSupervisor(person) || isIndividualDiscussionYear(rule, year);
  return {
    developmentDiscussion: person.supervisorId !== null && individualThisYear,
    groupDiscussion: teamHoldsGroupDiscussion(team, serviceArea, year),
  };
}
