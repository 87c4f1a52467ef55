/**
 * What every group-discussion verb and the chat command share: the discussion read, created or changed in
 * storage, the viewer's role, and the full card. Each verb is one handler in `actions/`.
 */
import { groupDiscussionId } from './group-discussion-start';
import type { CardActionResult } from '../cards/card-action';
import { translator } from '../cards/localised';
import type { UserIdDirectory } from '../cards/user-id-directory';
import { teamHoldsGroupDiscussion } from '../domain/discussion-year-rules';
import type { GroupCompetenceDiscussion } from '../domain/group-discussion';
import { isGroupMember, newGroupDiscussion } from '../domain/group-discussion-rules';
import type { Locale } from '../domain/locale';
import type { Person, Team } from '../domain/organisation';
import { AlreadyExistsError, ConcurrencyConflictError } from '../storage/errors';
import type { Repositories } from '../storage/repositories';
import type { Versioned } from '../storage/table-store';
import { readAll } from '../storage/read-all';
import { GROUP_DISCUSSION_TEXTS } from './group-discussion-texts';
import { discussionCard, groupNoticeCard, type GroupNotice } from './group-discussion-view';

export interface GroupDiscussionDeps {
  repositories: Repositories;
  userIds: UserIdDirectory;
  now(): Date;
}

/** Teams refreshes a card automatically for at most 60 listed users. */
const MAX_REFRESH_USERS = 60;
/** Additions and the chair's edits are re-applied on a fresh read when someone else saved meanwhile. */
const WRITE_ATTEMPTS = 3;

const fullName = (person: Pick<Person, 'firstName' | 'lastName'>): string =>
  `${person.firstName} ${person.lastName}`;

export const notice = (locale: Locale, key: GroupNotice['key'], color: GroupNotice['color'] = 'Attention') =>
  groupNoticeCard(locale, translator(GROUP_DISCUSSION_TEXTS, locale)('heading'), { key, color });

export const ref = (discussion: GroupCompetenceDiscussion) => ({ year: discussion.year, id: discussion.id });

/** The year's discussion of the team; created when its supervisor (the chair) opens it first. */
export async function ensureDiscussion(
  deps: GroupDiscussionDeps,
  person: Person,
  team: Team,
  forYear: number,
): Promise<Versioned<GroupCompetenceDiscussion> | GroupNotice> {
  const { repositories } = deps;
  const id = groupDiscussionId(team.id);
  const existing = await repositories.groupDiscussions.get(person.tenantId, forYear, id);
  if (existing) return existing;
  if (team.supervisorId !== person.id) return { key: 'notice.notStarted', color: 'Warning' };
  const area = await repositories.serviceAreas.get(person.tenantId, team.serviceAreaId);
  const rule = { alternatingYearRule: area?.value.alternatingYearRule ?? null };
  if (!teamHoldsGroupDiscussion(team, rule, forYear)) return { key: 'notice.notThisYear', color: 'Warning' };
  try {
    return await repositories.groupDiscussions.create(
      newGroupDiscussion({ id, team, year: forYear, at: deps.now().toISOString(), chairId: person.id }),
    );
  } catch (error) {
    const created =
      error instanceof AlreadyExistsError &&
      (await repositories.groupDiscussions.get(person.tenantId, forYear, id));
    if (!created) throw error;
    return created;
  }
}

export async function members(
  deps: GroupDiscussionDeps,
  discussion: GroupCompetenceDiscussion,
): Promise<Person[]> {
  return readAll((page) =>
    deps.repositories.people.listTeamMembers(discussion.tenantId, discussion.teamId, page),
  );
}

/** The viewer's role in the discussion; null for anyone outside the group. */
function roleOf(discussion: GroupCompetenceDiscussion, person: Person): 'chair' | 'member' | null {
  if (person.id === discussion.chairId) return 'chair';
  return isGroupMember(discussion, person) ? 'member' : null;
}

export async function userIdsOf(
  deps: GroupDiscussionDeps,
  discussion: GroupCompetenceDiscussion,
  people: Person[],
): Promise<string[]> {
  const chair =
    people.find((person) => person.id === discussion.chairId) ??
    (await deps.repositories.people.getPerson(discussion.tenantId, discussion.chairId))?.value ??
    null;
  const ids = await deps.userIds.of(discussion.tenantId, [chair, ...people]);
  return ids.slice(0, MAX_REFRESH_USERS);
}

export async function fullCard(
  deps: GroupDiscussionDeps,
  discussion: GroupCompetenceDiscussion,
  viewer: Person,
  locale: Locale,
  shownNotice: GroupNotice | null,
): Promise<CardActionResult> {
  const { repositories } = deps;
  const role = roleOf(discussion, viewer);
  if (!role) return { kind: 'card', card: notice(locale, 'notice.notVisible', 'Default') };
  const [team, people, strategy] = await Promise.all([
    repositories.teams.get(discussion.tenantId, discussion.teamId),
    members(deps, discussion),
    repositories.strategicDiscussions.get(discussion.tenantId, discussion.year - 1),
  ]);
  const names = new Map(people.map((person) => [person.id, fullName(person)]));
  const unknown = [discussion.chairId, ...discussion.contributions.map((c) => c.authorId)].filter(
    (id) => !names.has(id),
  );
  for (const id of new Set(unknown)) {
    const person = await repositories.people.getPerson(discussion.tenantId, id);
    if (person) names.set(id, fullName(person.value));
  }
  const card = discussionCard(
    locale,
    {
      discussion,
      teamName: team?.value.name ?? discussion.teamId,
      teamKind: team?.value.kind ?? null,
      names,
      guidelines: strategy?.value.status === 'shared' ? strategy.value : null,
      viewer: role,
      userIds: await userIdsOf(deps, discussion, people),
    },
    shownNotice,
  );
  return { kind: 'card', card };
}

/** Applies `change` to the stored discussion, reading again if someone else saved in between. */
export async function changeDiscussion(
  deps: GroupDiscussionDeps,
  tenantId: string,
  at: { year: number; id: string },
  change: (discussion: GroupCompetenceDiscussion) => GroupCompetenceDiscussion,
): Promise<GroupCompetenceDiscussion | null> {
  for (let attempt = 1; ; attempt++) {
    const read = await deps.repositories.groupDiscussions.get(tenantId, at.year, at.id);
    if (!read) return null;
    const next = change(read.value);
    const { status, contributions, conclusions, updatedAt } = next;
    try {
      return (
        await deps.repositories.groupDiscussions.update(read, {
          status,
          contributions,
          conclusions,
          updatedAt,
        })
      ).value;
    } catch (error) {
      if (!(error instanceof ConcurrencyConflictError) || attempt === WRITE_ATTEMPTS) throw error;
    }
  }
}

/** The teams the person supervises in their own service area, else their own team. */
export async function teamsOf(
  deps: GroupDiscussionDeps,
  person: Person,
): Promise<{ supervised: Team[]; own: Team | null }> {
  const [areaTeams, own] = await Promise.all([
    readAll((page) =>
      deps.repositories.teams.listForServiceArea(person.tenantId, person.serviceAreaId, page),
    ),
    deps.repositories.teams.get(person.tenantId, person.teamId),
  ]);
  return {
    supervised: areaTeams.filter((team) => team.supervisorId === person.id),
    own: own?.value ?? null,
  };
}
