import type { Feature } from './feature';
import { registerClockRoutes } from '../api/clock-routes';

/** The annual clock's public windows for the tabs. */
export const clockApiFeature: Feature = () => ({ routes: [(server) => registerClockRoutes(server)] });
