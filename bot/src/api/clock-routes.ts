/**
 * The annual clock as the tabs see it. `GET /api/v1/clock/default?year=YYYY` returns the default clock's
 * windows for a year: no personal data and the same for every organisation, so it needs no sign-in.
 */
import type { Server } from 'restify';
import { defaultAnnualClock } from '../domain/default-annual-clock';
import { phaseWindows } from '../domain/annual-clock-rules';

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

export function registerClockRoutes(server: Server, today: () => Date = () => new Date()): void {
  server.get('/api/v1/clock/default', async (req, res) => {
    const raw = (req.query as Record<string, unknown> | undefined)?.year;
    const year = raw === undefined ? today().getUTCFullYear() : Number(raw);
    if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
      res.json(400, { error: { code: 'clock.invalidYear', min: MIN_YEAR, max: MAX_YEAR } });
      return;
    }
    const phases = phaseWindows(defaultAnnualClock(), year, null).map((window) => ({
      id: window.phaseId,
      level: window.level,
      kind: window.kind,
      opens: window.opens,
      closes: window.closes,
    }));
    res.json(200, { year, phases });
  });
}
