import type { Feature } from './feature';
import { apiAuth } from '../api/auth/api-auth';
import { auditTrail } from '../storage/audit-trail';
import { registerPrivacyRoutes } from '../privacy/privacy-routes';
import { startRetentionPurgeJob } from '../privacy/retention-purge';

/**
 * Privacy rights: a person's data export, the audit log of who read or changed whose development discussion,
 * HR's retention policy and erasure of a person who has left, and the daily retention purge (PRIVACY_PURGE).
 */
export const privacyFeature: Feature = (context) => {
  const { repositories, logger, now, config } = context;
  const kit = { auth: apiAuth(context), now };
  return {
    routes: [
      (server) =>
        registerPrivacyRoutes(server, kit, { repositories, audit: auditTrail(repositories.auditLog, now) }),
    ],
    ...(config.privacyPurge
      ? { start: async () => startRetentionPurgeJob({ repositories, logger, now }) }
      : {}),
  };
};
