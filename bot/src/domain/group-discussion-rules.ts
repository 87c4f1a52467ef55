/**
 * A group competence discussion (ryhmäosaamiskeskustelu): members write contributions on the four themes, the
 * chair (the team's supervisor unless named otherwise) records the conclusions and concludes it. The chair may
 * reopen a concluded discussion to correct it; HR compiles only concluded ones.
 */
import {
  fitsInTableString,
  isValidId,
  MAX_CONCLUSION_LENGTH,
  MAX_CONTRIBUTION_LENGTH,
  MAX_CONTRIBUTIONS,
} from './content-limits';
import { refuserFor, type Refuser } from './errors';
import {
  GROUP_THEMES,
  type GroupCompetenceDiscussion,
  type GroupLevel,
  type GroupTheme,
} from './group-discussion';
import type { Person, Team, TeamKind } from './organisation';

export const GROUP_DISCUSSION_ERROR_CODES = [
  'groupDiscussion.noChair',
  'groupDiscussion.notAMember',
  'groupDiscussion.chairOnly',
  'groupDiscussion.concluded',
  'groupDiscussion.notConcluded',
  'groupDiscussion.unknownTheme',
  'groupDiscussion.invalidId',
  'groupDiscussion.duplicateContribution',
  'groupDiscussion.textRequired',
  'groupDiscussion.textTooLong',
  'groupDiscussion.tooManyContributions',
  'groupDiscussion.noConclusions',
  'groupDiscussion.tooLarge',
] as const;
export type GroupDiscussionErrorCode = (typeof GROUP_DISCUSSION_ERROR_CODES)[number];

const refuse: Refuser<GroupDiscussionErrorCode> = refuserFor();

type Conclusions = Partial<Record<GroupTheme, string>>;

export interface NewContribution {
  id: string;
  theme: GroupTheme;
  text: string;
}

const LEVEL_OF_TEAM: Record<TeamKind, GroupLevel> = {
  team: 'team',
  principals: 'team',
  daycareDirectors: 'team',
  serviceAreaManagementTeam: 'serviceAreaManagementTeam',
  cityManagementTeam: 'cityManagementTeam',
};

function isTheme(key: string): key is GroupTheme {
  return (GROUP_THEMES as readonly string[]).includes(key);
}

function requireChair(discussion: GroupCompetenceDiscussion, actorId: string): void {
  if (actorId !== discussion.chairId) refuse('groupDiscussion.chairOnly', 'Only the chair does this');
}

function requireOpen(discussion: GroupCompetenceDiscussion): void {
  if (discussion.status === 'concluded') refuse('groupDiscussion.concluded', 'The discussion is concluded');
}

function fitting(discussion: GroupCompetenceDiscussion): GroupCompetenceDiscussion {
  if (!fitsInTableString(discussion))
    refuse('groupDiscussion.tooLarge', 'The discussion would be too large to store');
  return discussion;
}

/** The city manager's management team belongs to no service area. */
export function newGroupDiscussion(args: {
  id: string;
  team: Team;
  year: number;
  at: string;
  /** Defaults to the team's supervisor. */
  chairId?: string;
}): GroupCompetenceDiscussion {
  const chairId = args.chairId ?? args.team.supervisorId;
  if (!chairId) refuse('groupDiscussion.noChair', 'A group discussion needs a chair');
  const level = LEVEL_OF_TEAM[args.team.kind];
  return {
    tenantId: args.team.tenantId,
    id: args.id,
    year: args.year,
    level,
    teamId: args.team.id,
    serviceAreaId: level === 'cityManagementTeam' ? null : args.team.serviceAreaId,
    chairId,
    status: 'open',
    contributions: [],
    conclusions: {},
    updatedAt: args.at,
  };
}

/**
 * Whether a person takes part in the group's discussion: the team's own members, and for a management team
 * everyone who sits on it by role, though their own team is elsewhere (a service-area director is on the city
 * manager's management team; a unit head on their area's management team while leading their own team).
 */
export function isGroupMember(
  discussion: Pick<GroupCompetenceDiscussion, 'level' | 'teamId' | 'serviceAreaId'>,
  person: Pick<Person, 'teamId' | 'serviceAreaId' | 'roles'>,
): boolean {
  if (person.teamId === discussion.teamId) return true;
  if (discussion.level === 'cityManagementTeam') return person.roles.includes('cityManagementTeam');
  if (discussion.level === 'serviceAreaManagementTeam') {
    return (
      person.roles.includes('serviceAreaManagementTeam') && person.serviceAreaId === discussion.serviceAreaId
    );
  }
  return false;
}

/** `isMember`: whether the actor belongs to the group (isGroupMember); the chair may always contribute. */
export function addContribution(
  discussion: GroupCompetenceDiscussion,
  actorId: string,
  at: string,
  contribution: NewContribution,
  isMember: boolean,
): GroupCompetenceDiscussion {
  if (!isMember && actorId !== discussion.chairId) {
    refuse('groupDiscussion.notAMember', 'Only the group’s members contribute');
  }
  requireOpen(discussion);
  if (!isTheme(contribution.theme)) refuse('groupDiscussion.unknownTheme', 'Unknown theme');
  if (!isValidId(contribution.id)) refuse('groupDiscussion.invalidId', 'A contribution id must be short');
  if (discussion.contributions.some((c) => c.id === contribution.id)) {
    refuse('groupDiscussion.duplicateContribution', 'A contribution with this id exists');
  }
  const text = contribution.text.trim();
  if (!text) refuse('groupDiscussion.textRequired', 'A contribution needs a text');
  if (text.length > MAX_CONTRIBUTION_LENGTH)
    refuse('groupDiscussion.textTooLong', 'The contribution is too long', { theme: contribution.theme });
  if (discussion.contributions.length >= MAX_CONTRIBUTIONS) {
    refuse('groupDiscussion.tooManyContributions', 'The discussion has the most contributions it can hold');
  }
  return fitting({
    ...discussion,
    contributions: [
      ...discussion.contributions,
      { id: contribution.id, theme: contribution.theme, text, authorId: actorId, at },
    ],
    updatedAt: at,
  });
}

/** Replaces the conclusions (a form with one field per theme); empty themes are dropped. */
export function recordConclusions(
  discussion: GroupCompetenceDiscussion,
  actorId: string,
  at: string,
  conclusions: Conclusions,
): GroupCompetenceDiscussion {
  requireChair(discussion, actorId);
  requireOpen(discussion);
  const checked: Conclusions = {};
  for (const [theme, value] of Object.entries(conclusions)) {
    if (!isTheme(theme)) return refuse('groupDiscussion.unknownTheme', 'Unknown theme');
    const text = (value ?? '').trim();
    if (text.length > MAX_CONCLUSION_LENGTH)
      refuse('groupDiscussion.textTooLong', 'A conclusion is too long', { theme });
    if (text) checked[theme] = text;
  }
  return fitting({ ...discussion, conclusions: checked, updatedAt: at });
}

/** Hands the conclusions over for HR's summary; there must be at least one. */
export function concludeGroupDiscussion(
  discussion: GroupCompetenceDiscussion,
  actorId: string,
  at: string,
): GroupCompetenceDiscussion {
  requireChair(discussion, actorId);
  requireOpen(discussion);
  if (Object.keys(discussion.conclusions).length === 0) {
    refuse('groupDiscussion.noConclusions', 'Record conclusions before concluding');
  }
  return { ...discussion, status: 'concluded', updatedAt: at };
}

export function reopenGroupDiscussion(
  discussion: GroupCompetenceDiscussion,
  actorId: string,
  at: string,
): GroupCompetenceDiscussion {
  requireChair(discussion, actorId);
  if (discussion.status !== 'concluded') refuse('groupDiscussion.notConcluded', 'The discussion is open');
  return { ...discussion, status: 'open', updatedAt: at };
}
