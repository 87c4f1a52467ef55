/** HR's summaries in Teams: the card verbs, one handler per verb in `actions/`, and the personal-chat command. */
import type { CardActionHandler } from '../cards/card-action';
import type { ChatCommand } from '../chat/chat-commands';
import { asReply } from '../chat/chat-reply';
import { collectAction } from './actions/collect';
import { draftAction } from './actions/draft';
import { openAction } from './actions/open';
import { overviewAction } from './actions/overview';
import { publishAction } from './actions/publish';
import { reviseAction } from './actions/revise';
import { saveConclusionsAction } from './actions/save-conclusions';
import { openOverview } from './summary-context';
import { SUMMARY_VERBS } from './summary-views';
import type { SummaryDeps } from './summary-workflow';

/** The summaries' card verbs (HR only) and the personal-chat command that opens the year's overview. */
export function summaryInteractions(deps: SummaryDeps): {
  cardActions: Record<string, CardActionHandler>;
  command: ChatCommand;
} {
  const cardActions: Record<string, CardActionHandler> = {
    [SUMMARY_VERBS.overview]: overviewAction(deps),
    [SUMMARY_VERBS.open]: openAction(deps),
    [SUMMARY_VERBS.draft]: draftAction(deps),
    [SUMMARY_VERBS.collect]: collectAction(deps),
    [SUMMARY_VERBS.saveConclusions]: saveConclusionsAction(deps),
    [SUMMARY_VERBS.publish]: publishAction(deps),
    [SUMMARY_VERBS.revise]: reviseAction(deps),
  };

  /** "koonnit" in the personal chat: HR's overview of the year's summaries. */
  const command: ChatCommand = {
    id: 'summaries',
    triggers: ['koonnit', 'koonti', 'sammanställningar', 'sammanställning', 'summaries', 'summary'],
    helpKey: 'help.command.summaries',
    roles: ['hr'],
    handle: async (context) => [asReply(await openOverview(deps, context, undefined))],
  };

  return { cardActions, command };
}
