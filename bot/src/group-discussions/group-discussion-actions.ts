/**
 * The group competence discussion in Teams: "ryhmäkeskustelu" (in the team's channel or a personal chat) opens
 * the year's discussion of the writer's team; the card's verbs add contributions, and the chair records the
 * conclusions, concludes and reopens. The rules are the domain's (group-discussion-rules.ts). The discussion's
 * id is the one the tab's start uses, so both find the same discussion.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { groupDiscussionId } from '../api/group-discussion-start';
import { roundYearOf } from '../cards/discussion-access';
import type { UserIdDirectory } from '../cards/user-id-directory';
import type { ChatCommand } from '../chat/chat-commands';
import { teamHoldsGroupDiscussion } from '../domain/discussion-year-rules';
import { GROUP_THEMES, type GroupCompetenceDiscussion, type GroupTheme } from '../domain/group-discussion';
import {
  addContribution,
  concludeGroupDiscussion,
  isGroupMember,
  newGroupDiscussion,
  recordConclusions,
  reopenGroupDiscussion,
} from '../domain/group-discussion-rules';
import type { Locale } from '../domain/locale';
import type { Person, Team } from '../domain/organisation';
import type { CardActionHandler, CardActionRequest, CardActionResult } from '../cards/card-action';
import { AlreadyExistsError, ConcurrencyConflictError } from '../storage/errors';
import type { Repositories } from '../storage/repositories';
import type { Versioned } from '../storage/table-store';
import { readAll } from '../summaries/aggregate-refresh';
import {
  actingPerson,
  cardData,
  guarded,
  refusedAtField,
  refusedAbout,
  type Outcome,
} from '../cards/card-action-kit';
import { asReply } from '../chat/chat-reply';
import { translator } from '../cards/localised';
import { GROUP_DISCUSSION_TEXTS } from './group-discussion-texts';
import {
  conclusionInputId,
  contributionInputId,
  discussionCard,
  discussionShell,
  GROUP_DISCUSSION_VERBS,
  groupNoticeCard,
  teamChoiceCard,
  type GroupNotice,
} from './group-discussion-view';
import { YEAR_BOUNDS } from '../tunables';

export interface GroupDiscussionDeps {
  repositories: Repositories;
  userIds: UserIdDirectory;
  now(): Date;
}

/** Teams refreshes a card automatically for at most 60 listed users. */
const MAX_REFRESH_USERS = 60;
/** Additions and the chair's edits are re-applied on a fresh read when someone else saved meanwhile. */
const WRITE_ATTEMPTS = 3;

const year = z.number().int().min(YEAR_BOUNDS.min).max(YEAR_BOUNDS.max);
const refSchema = z.object({ year, id: z.string().min(1).max(128) });
const openSchema = z.object({ year, teamId: z.string().min(1).max(128) });

const fullName = (person: Pick<Person, 'firstName' | 'lastName'>): string =>
  `${person.firstName} ${person.lastName}`;

export function groupDiscussionInteractions(deps: GroupDiscussionDeps): {
  cardActions: Record<string, CardActionHandler>;
  command: ChatCommand;
} {
  const { repositories } = deps;
  const notice = (locale: Locale, key: GroupNotice['key'], color: GroupNotice['color'] = 'Attention') =>
    groupNoticeCard(locale, translator(GROUP_DISCUSSION_TEXTS, locale)('heading'), { key, color });

  /** The year's discussion of the team; created when its supervisor (the chair) opens it first. */
  async function ensureDiscussion(
    person: Person,
    team: Team,
    forYear: number,
  ): Promise<Versioned<GroupCompetenceDiscussion> | GroupNotice> {
    const id = groupDiscussionId(team.id);
    const existing = await repositories.groupDiscussions.get(person.tenantId, forYear, id);
    if (existing) return existing;
    if (team.supervisorId !== person.id) return { key: 'notice.notStarted', color: 'Warning' };
    const area = await repositories.serviceAreas.get(person.tenantId, team.serviceAreaId);
    const rule = { alternatingYearRule: area?.value.alternatingYearRule ?? null };
    if (!teamHoldsGroupDiscussion(team, rule, forYear))
      return { key: 'notice.notThisYear', color: 'Warning' };
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

  async function members(discussion: GroupCompetenceDiscussion): Promise<Person[]> {
    return readAll((page) =>
      repositories.people.listTeamMembers(discussion.tenantId, discussion.teamId, page),
    );
  }

  /** The viewer's role in the discussion; null for anyone outside the group. */
  function roleOf(discussion: GroupCompetenceDiscussion, person: Person): 'chair' | 'member' | null {
    if (person.id === discussion.chairId) return 'chair';
    return isGroupMember(discussion, person) ? 'member' : null;
  }

  async function userIdsOf(discussion: GroupCompetenceDiscussion, people: Person[]): Promise<string[]> {
    const chair =
      people.find((person) => person.id === discussion.chairId) ??
      (await repositories.people.getPerson(discussion.tenantId, discussion.chairId))?.value ??
      null;
    const ids = await deps.userIds.of(discussion.tenantId, [chair, ...people]);
    return ids.slice(0, MAX_REFRESH_USERS);
  }

  async function fullCard(
    discussion: GroupCompetenceDiscussion,
    viewer: Person,
    locale: Locale,
    shownNotice: GroupNotice | null,
  ): Promise<CardActionResult> {
    const role = roleOf(discussion, viewer);
    if (!role) return { kind: 'card', card: notice(locale, 'notice.notVisible', 'Default') };
    const [team, people, strategy] = await Promise.all([
      repositories.teams.get(discussion.tenantId, discussion.teamId),
      members(discussion),
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
        userIds: await userIdsOf(discussion, people),
      },
      shownNotice,
    );
    return { kind: 'card', card };
  }

  /** Applies `change` to the stored discussion, reading again if someone else saved in between. */
  async function changeDiscussion(
    tenantId: string,
    ref: { year: number; id: string },
    change: (discussion: GroupCompetenceDiscussion) => GroupCompetenceDiscussion,
  ): Promise<GroupCompetenceDiscussion | null> {
    for (let attempt = 1; ; attempt++) {
      const read = await repositories.groupDiscussions.get(tenantId, ref.year, ref.id);
      if (!read) return null;
      const next = change(read.value);
      const { status, contributions, conclusions, updatedAt } = next;
      try {
        return (
          await repositories.groupDiscussions.update(read, { status, contributions, conclusions, updatedAt })
        ).value;
      } catch (error) {
        if (!(error instanceof ConcurrencyConflictError) || attempt === WRITE_ATTEMPTS) throw error;
      }
    }
  }

  const refusalNotice = (outcome: Outcome): GroupNotice =>
    outcome.kind === 'refused' && outcome.code in GROUP_DISCUSSION_TEXTS
      ? { key: outcome.code as GroupNotice['key'], color: 'Attention' }
      : { key: 'notice.notFound', color: 'Attention' };

  /** A verb on a discussion: the new state, or the current one with the reason something was refused. */
  const onDiscussion =
    (
      run: (
        person: Person,
        discussion: GroupCompetenceDiscussion,
        request: CardActionRequest,
      ) => Promise<{
        discussion: GroupCompetenceDiscussion | null;
        notice: GroupNotice | null;
      }>,
    ) =>
    async (request: CardActionRequest): Promise<CardActionResult> => {
      const person = actingPerson(request);
      if (!person) return { kind: 'card', card: notice(request.locale, 'notice.notLinked') };
      const ref = cardData(refSchema, request);
      const read = ref && (await repositories.groupDiscussions.get(request.tenantId, ref.year, ref.id));
      if (!read) return { kind: 'card', card: notice(request.locale, 'notice.notFound') };
      return guarded(
        async () => {
          const result = await run(person, read.value, request);
          return fullCard(result.discussion ?? read.value, person, request.locale, result.notice);
        },
        async (outcome) => {
          const current = await repositories.groupDiscussions.get(
            request.tenantId,
            read.value.year,
            read.value.id,
          );
          const shown = current?.value ?? read.value;
          const notice = refusalNotice(outcome);
          const atTop = () => fullCard(shown, person, request.locale, notice);
          const theme = refusedAbout(outcome, 'theme') as GroupTheme | undefined;
          if (!theme) return atTop();
          // A text of one theme: under that theme's field (a contribution's, or a conclusion's for the chair).
          const field =
            request.verb === GROUP_DISCUSSION_VERBS.contribute
              ? contributionInputId(theme)
              : conclusionInputId(theme);
          return refusedAtField(
            await fullCard(shown, person, request.locale, null),
            field,
            translator(GROUP_DISCUSSION_TEXTS, request.locale)(notice.key),
            request,
            atTop,
          );
        },
      );
    };

  const ref = (discussion: GroupCompetenceDiscussion) => ({ year: discussion.year, id: discussion.id });
  const at = () => deps.now().toISOString();

  /** The teams the person supervises in their own service area, else their own team. */
  async function teamsOf(person: Person): Promise<{ supervised: Team[]; own: Team | null }> {
    const [areaTeams, own] = await Promise.all([
      readAll((page) => repositories.teams.listForServiceArea(person.tenantId, person.serviceAreaId, page)),
      repositories.teams.get(person.tenantId, person.teamId),
    ]);
    return {
      supervised: areaTeams.filter((team) => team.supervisorId === person.id),
      own: own?.value ?? null,
    };
  }

  const cardActions: Record<string, CardActionHandler> = {
    [GROUP_DISCUSSION_VERBS.open]: async (request) => {
      const person = actingPerson(request);
      if (!person) return { kind: 'card', card: notice(request.locale, 'notice.notLinked') };
      const data = cardData(openSchema, request);
      const team = data && (await repositories.teams.get(request.tenantId, data.teamId));
      if (!data || !team) return { kind: 'card', card: notice(request.locale, 'notice.noTeam') };
      const found = await ensureDiscussion(person, team.value, data.year);
      if (!('value' in found)) return { kind: 'card', card: notice(request.locale, found.key, found.color) };
      return fullCard(found.value, person, request.locale, null);
    },
    [GROUP_DISCUSSION_VERBS.show]: onDiscussion(async () => ({ discussion: null, notice: null })),
    [GROUP_DISCUSSION_VERBS.contribute]: onDiscussion(async (person, discussion, request) => {
      const texts = GROUP_THEMES.flatMap((theme) => {
        const value = request.data[contributionInputId(theme)];
        return typeof value === 'string' && value.trim() ? [{ theme, text: value }] : [];
      });
      if (texts.length === 0)
        return { discussion: null, notice: { key: 'groupDiscussion.textRequired', color: 'Attention' } };
      const changed = await changeDiscussion(person.tenantId, ref(discussion), (current) =>
        texts.reduce(
          (next, { theme, text }) =>
            addContribution(
              next,
              person.id,
              at(),
              { id: randomUUID(), theme, text },
              isGroupMember(current, person),
            ),
          current,
        ),
      );
      return { discussion: changed, notice: { key: 'notice.added', color: 'Good' } };
    }),
    [GROUP_DISCUSSION_VERBS.saveConclusions]: onDiscussion(async (person, discussion, request) => {
      const conclusions = Object.fromEntries(
        GROUP_THEMES.map((theme) => [theme, String(request.data[conclusionInputId(theme)] ?? '')]),
      );
      const changed = await changeDiscussion(person.tenantId, ref(discussion), (current) =>
        recordConclusions(current, person.id, at(), conclusions),
      );
      return { discussion: changed, notice: { key: 'notice.saved', color: 'Good' } };
    }),
    [GROUP_DISCUSSION_VERBS.conclude]: onDiscussion(async (person, discussion, request) => {
      const conclusions = Object.fromEntries(
        GROUP_THEMES.flatMap((theme) => {
          const value = request.data[conclusionInputId(theme)];
          return typeof value === 'string' ? [[theme, value]] : [];
        }),
      );
      const changed = await changeDiscussion(person.tenantId, ref(discussion), (current) => {
        const recorded =
          Object.keys(conclusions).length > 0
            ? recordConclusions(current, person.id, at(), conclusions)
            : current;
        return concludeGroupDiscussion(recorded, person.id, at());
      });
      return { discussion: changed, notice: { key: 'notice.concluded', color: 'Good' } };
    }),
    [GROUP_DISCUSSION_VERBS.reopen]: onDiscussion(async (person, discussion) => {
      const changed = await changeDiscussion(person.tenantId, ref(discussion), (current) =>
        reopenGroupDiscussion(current, person.id, at()),
      );
      return { discussion: changed, notice: { key: 'notice.reopened', color: 'Accent' } };
    }),
  };

  const command: ChatCommand = {
    id: 'groupDiscussion',
    triggers: [
      'ryhmäkeskustelu',
      'ryhmäosaamiskeskustelu',
      'ryhmakeskustelu',
      'gruppsamtal',
      'group discussion',
      'group competence discussion',
    ],
    helpKey: 'help.command.groupDiscussion',
    handle: async (context) => {
      const { person, locale } = context;
      if (!person || person.tenantId !== context.tenantId) {
        return [asReply({ kind: 'card', card: notice(locale, 'notice.notLinked') })];
      }
      const forYear = await roundYearOf({ repositories, now: deps.now }, person);
      const { supervised, own } = await teamsOf(person);
      if (supervised.length > 1) {
        const choices = supervised
          .map((team) => ({ id: team.id, name: team.name }))
          .sort((a, b) => a.name.localeCompare(b.name, 'fi'));
        return [asReply({ kind: 'card', card: teamChoiceCard(locale, forYear, choices) })];
      }
      const team = supervised[0] ?? own;
      if (!team) return [asReply({ kind: 'card', card: notice(locale, 'notice.noTeam') })];
      const found = await ensureDiscussion(person, team, forYear);
      if (!('value' in found))
        return [asReply({ kind: 'card', card: notice(locale, found.key, found.color) })];
      // Posted where others may read it: only the title until each viewer's own view loads.
      const userIds = await userIdsOf(found.value, await members(found.value));
      return [asReply({ kind: 'card', card: discussionShell(locale, found.value, team.name, userIds) })];
    },
  };

  return { cardActions, command };
}
