/**
 * Structured one-line JSON logs. Callers pass event names and technical fields only: never names,
 * emails, message text or discussion content (personal data stays out of logs).
 */
type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(event: string, fields?: Record<string, unknown>): void;
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

export function createLogger(
  minimum: Level = 'info',
  write: (line: string) => void = (l) => process.stdout.write(l),
): Logger {
  const log =
    (level: Level) =>
    (event: string, fields: Record<string, unknown> = {}): void => {
      if (order[level] < order[minimum]) return;
      write(`${JSON.stringify({ time: new Date().toISOString(), level, event, ...fields })}\n`);
    };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/** The error's class and a short technical message; never the request or its payload. */
export function describeError(error: unknown): { errorName: string; errorMessage: string } {
  if (error instanceof Error) return { errorName: error.name, errorMessage: error.message.slice(0, 300) };
  return { errorName: typeof error, errorMessage: 'non-error thrown' };
}
