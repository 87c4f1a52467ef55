/** `strategy.save`: HR saves the discussion's texts against the version the card showed. */
import type { CardActionHandler } from '../../cards/card-action';
import { inputOf, save, type StrategyStore } from '../strategy-context';
import { strategyAction } from './strategy-action';

export function saveAction(deps: StrategyStore): CardActionHandler {
  return strategyAction(deps, async (person, year, etag, request) => {
    await save(deps, person, year, etag, inputOf(request));
    return { key: 'notice.saved', color: 'Good' };
  });
}
