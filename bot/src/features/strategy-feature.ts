import { shownBy, type Feature } from './feature';
import { STRATEGY_VERBS } from '../strategy/strategy-view';
import { strategyInteractions } from '../strategy/strategy-actions';

/** The strategic competence discussion: compiled by HR, shared to the organisation's channel, cascaded to the group discussions. */
export const strategyFeature: Feature = ({ repositories, messenger, now }) => {
  const { cardActions, command } = strategyInteractions({ repositories, messenger, now });
  return {
    commands: [command],
    cardActions,
    cardViews: shownBy(STRATEGY_VERBS, cardActions[STRATEGY_VERBS.open]),
  };
};
