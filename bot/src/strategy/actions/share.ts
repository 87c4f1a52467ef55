/** `strategy.share`: HR saves and shares the discussion, and it is posted to the organisation's linked channel. */
import type { CardActionHandler } from '../../cards/card-action';
import { cardActivity } from '../../cards/card-rendering';
import { localised } from '../../cards/localised';
import { refuserFor, type Refuser } from '../../domain/errors';
import { channelAddress, type ProactiveMessenger } from '../../fanout/proactive-messenger';
import { changesOf, inputOf, save, type StrategyStore } from '../strategy-context';
import {
  requireCompiler,
  shareStrategicDiscussion,
  type StrategyErrorCode,
} from '../../domain/strategy-rules';
import { STRATEGY_TEXTS } from '../strategy-texts';
import { sharedStrategyCard } from '../strategy-view';
import { strategyAction } from './strategy-action';

export interface StrategyDeps extends StrategyStore {
  messenger: ProactiveMessenger;
}

const refuse: Refuser<StrategyErrorCode> = refuserFor();

export function shareAction(deps: StrategyDeps): CardActionHandler {
  const { repositories } = deps;
  return strategyAction(deps, async (person, year, etag, request) => {
    requireCompiler(person);
    const link = await repositories.channelLinks.get(person.tenantId, null);
    if (!link) return refuse('strategy.noChannel', 'Link the organisation’s channel first');
    const saved = await save(deps, person, year, etag, inputOf(request));
    const shared = shareStrategicDiscussion(saved.value, person, deps.now().toISOString());
    const stored = await repositories.strategicDiscussions.update(saved, changesOf(shared));
    const locale = (await repositories.organisations.get(person.tenantId))?.value.defaultLocale ?? 'fi';
    const title = localised(STRATEGY_TEXTS.title, locale, { year });
    const posted = await deps.messenger.send(
      person.tenantId,
      channelAddress(link.value.teamId, link.value.channelId),
      cardActivity(sharedStrategyCard(locale, stored.value), title),
    );
    // Not delivered: "will retry" (kept, sent later by itself), refused for good, or no app in the team.
    if (posted.status === 'delivered') return { key: 'notice.shared', color: 'Good' };
    if (posted.status === 'willRetry') return { key: 'notice.postWillRetry', color: 'Warning' };
    if (posted.status === 'failed') return { key: 'notice.postFailed', color: 'Warning' };
    return { key: 'notice.notPosted', color: 'Warning' };
  });
}
