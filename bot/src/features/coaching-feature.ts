import { apiAuth } from '../api/auth/api-auth';
import { registerCoachingRoutes } from '../coaching/coaching-routes';
import type { Feature } from './feature';

/** HR edits the coaching question bank the supervisor's discussion cards offer (bot/src/coaching). */
export const coachingFeature: Feature = (context) => {
  const kit = { auth: apiAuth(context), now: context.now };
  return { routes: [(server) => registerCoachingRoutes(server, kit, context.repositories)] };
};
