/** `strategy.open`: the strategic discussion of the card's year (or this year), as the person may see it. */
import type { CardActionHandler } from '../../cards/card-action';
import type { StrategyStore } from '../strategy-context';
import { strategyAction } from './strategy-action';

export function openAction(deps: StrategyStore): CardActionHandler {
  return strategyAction(deps, async () => null, false);
}
