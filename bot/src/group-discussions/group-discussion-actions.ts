/**
 * The group competence discussion in Teams: "ryhmäkeskustelu" (in the team's channel or a personal chat) opens
 * the year's discussion of the writer's team; the card's verbs add contributions, and the chair records the
 * conclusions, concludes and reopens, one handler per verb in `actions/`. The rules are the domain's
 * (group-discussion-rules.ts). The discussion's id is the one the tab's start uses, so both find the same one.
 */
import type { CardActionHandler } from '../cards/card-action';
import { roundYearOf } from '../cards/discussion-access';
import type { ChatCommand } from '../chat/chat-commands';
import { asReply } from '../chat/chat-reply';
import { concludeAction } from './actions/conclude';
import { contributeAction } from './actions/contribute';
import { openAction } from './actions/open';
import { reopenAction } from './actions/reopen';
import { saveConclusionsAction } from './actions/save-conclusions';
import { showAction } from './actions/show';
import {
  ensureDiscussion,
  members,
  notice,
  teamsOf,
  userIdsOf,
  type GroupDiscussionDeps,
} from './group-discussion-context';
import { discussionShell, GROUP_DISCUSSION_VERBS, teamChoiceCard } from './group-discussion-view';

export type { GroupDiscussionDeps };

export function groupDiscussionInteractions(deps: GroupDiscussionDeps): {
  cardActions: Record<string, CardActionHandler>;
  command: ChatCommand;
} {
  const cardActions: Record<string, CardActionHandler> = {
    [GROUP_DISCUSSION_VERBS.open]: openAction(deps),
    [GROUP_DISCUSSION_VERBS.show]: showAction(deps),
    [GROUP_DISCUSSION_VERBS.contribute]: contributeAction(deps),
    [GROUP_DISCUSSION_VERBS.saveConclusions]: saveConclusionsAction(deps),
    [GROUP_DISCUSSION_VERBS.conclude]: concludeAction(deps),
    [GROUP_DISCUSSION_VERBS.reopen]: reopenAction(deps),
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
      const forYear = await roundYearOf({ repositories: deps.repositories, now: deps.now }, person);
      const { supervised, own } = await teamsOf(deps, person);
      if (supervised.length > 1) {
        const choices = supervised
          .map((team) => ({ id: team.id, name: team.name }))
          .sort((a, b) => a.name.localeCompare(b.name, 'fi'));
        return [asReply({ kind: 'card', card: teamChoiceCard(locale, forYear, choices) })];
      }
      const team = supervised[0] ?? own;
      if (!team) return [asReply({ kind: 'card', card: notice(locale, 'notice.noTeam') })];
      const found = await ensureDiscussion(deps, person, team, forYear);
      if (!('value' in found))
        return [asReply({ kind: 'card', card: notice(locale, found.key, found.color) })];
      // Posted where others may read it: only the title until each viewer's own view loads.
      const userIds = await userIdsOf(deps, found.value, await members(deps, found.value));
      return [asReply({ kind: 'card', card: discussionShell(locale, found.value, team.name, userIds) })];
    },
  };

  return { cardActions, command };
}
