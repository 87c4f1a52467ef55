/**
 * The annual clock as the tabs see it. `GET /api/v1/clock/default?year=YYYY` returns the default clock's
 * windows for a year: no personal data and the same for every organisation, so it needs no sign-in.
 */
import type { DatedClock } from '../contract/clock';
import type { Server } from 'restify';
import { defaultAnnualClock } from '../domain/default-annual-clock';
import { phaseWindows } from '../domain/annual-clock-rules';
import { ApiError, requestLocale, sendApiError } from '../http-kit/api-error';
import { API_MESSAGES } from '../http-kit/api-messages';
import { YEAR_BOUNDS } from '../tunables';

/** Only four digits: `Number` would also take "0x7EA", " 2026" or "2026.0". */
const fourDigitYear = (raw: unknown): number =>
  typeof raw === 'string' && /^\d{4}$/.test(raw) ? Number(raw) : NaN;

export function registerClockRoutes(server: Server, today: () => Date = () => new Date()): void {
  server.get('/api/v1/clock/default', async (req, res) => {
    const raw = (req.query as Record<string, unknown> | undefined)?.year;
    const year = raw === undefined ? today().getUTCFullYear() : fourDigitYear(raw);
    if (!(year >= YEAR_BOUNDS.min && year <= YEAR_BOUNDS.max)) {
      const details = { field: 'year', min: YEAR_BOUNDS.min, max: YEAR_BOUNDS.max };
      const error = new ApiError(400, 'clock.invalidYear', API_MESSAGES['request.invalid'], details);
      return sendApiError(res, error, requestLocale(req, 'fi'));
    }
    const phases = phaseWindows(defaultAnnualClock(), year, null).map((window) => ({
      id: window.phaseId,
      level: window.level,
      kind: window.kind,
      opens: window.opens,
      closes: window.closes,
    }));
    const clock: DatedClock = { year, phases };
    res.json(200, clock);
  });
}
