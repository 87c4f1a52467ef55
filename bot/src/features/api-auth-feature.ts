import type { Feature } from './feature';
import { apiAuth } from '../api/auth/api-auth';
import { registerDevAuthRoutes } from '../api/auth/dev-routes';
import { registerMeRoutes } from '../api/me-routes';

/** The tabs' API sign-in: who am I, and in the local dev mode its own token issuer. */
export const apiAuthFeature: Feature = (context) => {
  const auth = apiAuth(context);
  const { repositories, logger, config } = context;
  return {
    routes: [
      (server) => {
        registerMeRoutes(server, auth);
        if (auth.dev)
          registerDevAuthRoutes(server, {
            issuer: auth.dev,
            repositories,
            logger,
            demoTenantId: config.demoTenantId,
          });
      },
    ],
  };
};
