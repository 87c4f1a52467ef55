import type { Feature } from './feature';
import { ConnectorSender } from '../teams/connector-sender';
import { strategyInteractions } from '../strategy/strategy-actions';
import { connectorChannelPoster } from '../summaries/channel-poster';

/** The strategic competence discussion: compiled by HR, shared to the organisation's channel, cascaded to the group discussions. */
export const strategyFeature: Feature = ({ repositories, config, now }) => {
  const poster = connectorChannelPoster(
    repositories.conversationReferences,
    new ConnectorSender(config.botAuth),
  );
  const { cardActions, command } = strategyInteractions({ repositories, poster, now });
  return { commands: [command], cardActions };
};
