import type { Feature } from './feature';
import { apiAuth } from '../api/auth/api-auth';
import { developmentActionInteractions } from '../development-actions/development-action-actions';
import { registerDevelopmentActionRoutes } from '../development-actions/development-action-routes';

/** Coaching and work supervision as development actions a person asks for; HR sees the demand in aggregate. */
export const developmentActionsFeature: Feature = (context) => {
  const { repositories, now } = context;
  const { cardActions, command } = developmentActionInteractions({ repositories, now });
  const kit = { auth: apiAuth(context), now };
  return {
    routes: [(server) => registerDevelopmentActionRoutes(server, kit, repositories)],
    commands: [command],
    cardActions,
  };
};
