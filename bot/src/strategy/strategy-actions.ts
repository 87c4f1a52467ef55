/**
 * The strategic discussion in Teams: "strateginen keskustelu" opens the year's discussion (HR compiles and
 * shares it; the city manager's management team reads the draft; everyone reads it once shared). One handler
 * per verb in `actions/`.
 */
import type { CardActionHandler } from '../cards/card-action';
import type { ChatCommand } from '../chat/chat-commands';
import { asReply } from '../chat/chat-reply';
import { openAction } from './actions/open';
import { saveAction } from './actions/save';
import { shareAction, type StrategyDeps } from './actions/share';
import { STRATEGY_VERBS } from './strategy-view';

export type { StrategyDeps };

export function strategyInteractions(deps: StrategyDeps): {
  cardActions: Record<string, CardActionHandler>;
  command: ChatCommand;
} {
  const cardActions: Record<string, CardActionHandler> = {
    [STRATEGY_VERBS.open]: openAction(deps),
    [STRATEGY_VERBS.save]: saveAction(deps),
    [STRATEGY_VERBS.share]: shareAction(deps),
  };

  const command: ChatCommand = {
    id: 'strategy',
    triggers: [
      'strateginen keskustelu',
      'strateginen osaamiskeskustelu',
      'strategisk diskussion',
      'strategiskt samtal',
      'strategic discussion',
    ],
    helpKey: 'help.command.strategy',
    roles: ['hr', 'cityManagementTeam', 'serviceAreaManagementTeam', 'supervisor'],
    handle: async (context) => {
      const open = cardActions[STRATEGY_VERBS.open];
      if (!open) return [];
      return [
        asReply(await open({ ...context, verb: STRATEGY_VERBS.open, data: {}, conversationType: null })),
      ];
    },
  };

  return { cardActions, command };
}
