/**
 * Coaching and work supervision in Teams: "valmennus" shows a person's requests and lets them ask; HR also sees
 * the demand. One handler per verb in `actions/`.
 */
import type { CardActionHandler } from '../cards/card-action';
import type { ChatCommand } from '../chat/chat-commands';
import { asReply } from '../chat/chat-reply';
import { demandAction } from './actions/demand';
import { openAction } from './actions/open';
import type { DevelopmentActionDeps } from './actions/own-requests-action';
import { requestAction } from './actions/request';
import { withdrawAction } from './actions/withdraw';
import { DEVELOPMENT_ACTION_VERBS } from './development-action-view';

export type { DevelopmentActionDeps };

export function developmentActionInteractions(deps: DevelopmentActionDeps): {
  cardActions: Record<string, CardActionHandler>;
  command: ChatCommand;
} {
  const cardActions: Record<string, CardActionHandler> = {
    [DEVELOPMENT_ACTION_VERBS.open]: openAction(deps),
    [DEVELOPMENT_ACTION_VERBS.request]: requestAction(deps),
    [DEVELOPMENT_ACTION_VERBS.withdraw]: withdrawAction(deps),
    [DEVELOPMENT_ACTION_VERBS.demand]: demandAction(deps),
  };

  const command: ChatCommand = {
    id: 'developmentActions',
    triggers: [
      'valmennus',
      'työnohjaus',
      'tyonohjaus',
      'coachning',
      'handledning',
      'arbetshandledning',
      'coaching',
      'work supervision',
    ],
    helpKey: 'help.command.developmentActions',
    handle: async (context) => {
      const open = cardActions[DEVELOPMENT_ACTION_VERBS.open];
      if (!open) return [];
      return [
        asReply(
          await open({ ...context, verb: DEVELOPMENT_ACTION_VERBS.open, data: {}, conversationType: null }),
        ),
      ];
    },
  };

  return { cardActions, command };
}
