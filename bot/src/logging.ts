/**
 * Structured one-line JSON logs. Callers pass event names and technical fields only: never names,
 * emails, message text or discussion content (personal data stays out of logs).
 */
import { MAX_REFUSAL_KEYS, REFUSAL_LOG_LINES_PER_MINUTE } from './tunables';
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

/**
 * The error's class and, when it has one, its technical code (a storage error code, an HTTP status); never its
 * message, which may quote the request ("Unexpected token 'T', "Tuija Suom"…") or stored data.
 */
export function describeError(error: unknown): { errorName: string; errorCode?: string } {
  if (!(error instanceof Error)) return { errorName: typeof error };
  const { code, statusCode, details } = error as Error & {
    code?: unknown;
    statusCode?: unknown;
    details?: { errorCode?: unknown };
  };
  const candidate = details?.errorCode ?? code ?? statusCode;
  const errorCode =
    (typeof candidate === 'string' && /^[A-Za-z0-9_.-]{1,64}$/.test(candidate)) ||
    typeof candidate === 'number'
      ? String(candidate)
      : undefined;
  return errorCode ? { errorName: error.name, errorCode } : { errorName: error.name };
}

/** Refused requests: one line each with a reason code, at most so many per reason and minute. */
export interface RefusalLog {
  /** `event` and `reason` are codes of ours; `fields` technical values (route, status), never request content. */
  refused(event: string, reason: string, fields?: Record<string, string | number | undefined>): void;
}

/**
 * Bounded so that a flood of bad requests cannot fill the disk: within a minute the first
 * REFUSAL_LOG_LINES_PER_MINUTE refusals of each kind are written, the rest counted, and the count written
 * once (`log.suppressed`) when that kind next occurs in a later minute.
 */
export function createRefusalLog(
  logger: Logger,
  options: { perMinute?: number; now?: () => number } = {},
): RefusalLog {
  const perMinute = options.perMinute ?? REFUSAL_LOG_LINES_PER_MINUTE;
  const now = options.now ?? Date.now;
  const windows = new Map<string, { start: number; count: number }>();
  return {
    refused(event, reason, fields = {}) {
      const key = `${event}\n${reason}`;
      const time = now();
      let window = windows.get(key);
      if (!window || time - window.start >= 60_000) {
        if (window && window.count > perMinute)
          logger.warn('log.suppressed', { of: event, reason, count: window.count - perMinute });
        if (!window && windows.size >= MAX_REFUSAL_KEYS)
          windows.delete(windows.keys().next().value as string);
        window = { start: time, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      if (window.count <= perMinute) logger.warn(event, { reason, ...fields });
    },
  };
}

type ConsoleMethod = 'log' | 'info' | 'warn' | 'error' | 'debug' | 'trace';
const CONSOLE_METHODS: ConsoleMethod[] = ['log', 'info', 'warn', 'error', 'debug', 'trace'];
/** The Bot Framework SDK's packages: they print errors, stack traces and the channel's public keys. */
const SDK_FRAMES = /[\\/]node_modules[\\/](botbuilder[^\\/]*|botframework-[^\\/]*|@azure[\\/]msal-node)[\\/]/;
const sdkConsoleSinks = new Set<RefusalLog>();
type SavedConsole = Partial<Record<ConsoleMethod, (...args: unknown[]) => void>>;
let originalConsole: SavedConsole | null = null;

function calledFromSdk(): boolean {
  const stack = new Error().stack ?? '';
  // Frame 0 is this function, 1 the console wrapper; the caller follows.
  return SDK_FRAMES.test(stack.split('\n').slice(3, 6).join('\n'));
}

/**
 * Routes what the bot SDK writes to the console (a multi-line stack trace with the channel's public keys for
 * every refused request) into `log` as one bounded line with the kind of output only; everything else still
 * reaches the console. Returns the function that stops it.
 */
export function captureSdkConsole(log: RefusalLog): () => void {
  sdkConsoleSinks.add(log);
  if (!originalConsole) {
    const saved: SavedConsole = {};
    originalConsole = saved;
    for (const method of CONSOLE_METHODS) {
      const original = console[method].bind(console) as (...args: unknown[]) => void;
      saved[method] = console[method] as (...args: unknown[]) => void;
      console[method] = (...args: unknown[]): void => {
        if (sdkConsoleSinks.size === 0 || !calledFromSdk()) return original(...args);
        const first = args[0];
        const kind = first instanceof Error ? first.name : typeof first;
        for (const sink of sdkConsoleSinks) sink.refused('bot.sdkConsole', kind, { level: method });
      };
    }
  }
  return () => {
    sdkConsoleSinks.delete(log);
    if (sdkConsoleSinks.size > 0 || !originalConsole) return;
    for (const method of CONSOLE_METHODS) {
      const saved = originalConsole[method];
      if (saved) console[method] = saved;
    }
    originalConsole = null;
  };
}
