/**
 * Every environment variable the service reads, read once and validated. Nothing else reads process.env.
 */
import { z } from 'zod';
import { resolve } from 'node:path';
import {
  AGGREGATE_REFRESH_INTERVAL_MS,
  PURGE_INTERVAL_MS,
  RATE_LIMIT_INVALID_TOKENS_PER_MINUTE,
  RATE_LIMIT_TENANT_PER_MINUTE,
  RATE_LIMIT_USER_PER_MINUTE,
} from './tunables';

const optional = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  /** Loopback by default; App Service sets 0.0.0.0. */
  HOST: z.string().default('127.0.0.1'),
  AZURE_STORAGE_CONNECTION_STRING: optional,
  /** With a managed identity instead of a connection string (no secrets). */
  AZURE_STORAGE_ACCOUNT_NAME: optional,
  AZURE_CLIENT_ID: optional,
  TABLE_PREFIX: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9]{0,20}$|^$/, 'letters and digits, starting with a letter')
    .default(''),
  /** Where the embedded Azurite keeps its data. */
  DATA_DIR: z.string().default('.data'),
  BOT_ID: optional,
  BOT_PASSWORD: optional,
  BOT_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  BOT_TENANT_ID: optional,
  /** Seeds the demo municipality into an empty store (on by default when storage is embedded). */
  DEMO_DATA: z.enum(['auto', 'on', 'off']).default('auto'),
  DEMO_TENANT_ID: z.string().default('00000000-0000-4000-8000-000000000001'),
  /** The daily retention purge (privacy/retention-purge.ts); tests turn it off. */
  PRIVACY_PURGE: z.enum(['on', 'off']).default('on'),
  /** Hours between retention purges; at most a week (a timer holds under 24.8 days). */
  RETENTION_PURGE_INTERVAL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24)
    .default(PURGE_INTERVAL_MS / HOUR_MS),
  /** Minutes between the background rebuilds of the team aggregates; at most a day. */
  AGGREGATE_REFRESH_INTERVAL_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(AGGREGATE_REFRESH_INTERVAL_MS / MINUTE_MS),
  TABS_DIST: optional,
  /** The tabs' Entra app (SSO); absent: the API's local dev mode signs its own tokens. */
  AAD_APP_CLIENT_ID: optional,
  /** Restricts the API to one tenant (a single-tenant Entra app). */
  AAD_APP_TENANT_ID: optional,
  /** The tabs' host name, part of the API's App ID URI api://TAB_DOMAIN/AAD_APP_CLIENT_ID. */
  TAB_DOMAIN: optional,
  /** Where the tenants' signing keys are read (tests point it at a local stand-in). */
  ENTRA_KEYS_BASE_URL: z.string().url().default('https://login.microsoftonline.com'),
  /** The tabs' Entra app's secret, for the on-behalf-of flow to Graph (env / .user files only). */
  AAD_APP_CLIENT_SECRET: optional,
  /** Calendar events in the supervisor's Outlook through Graph (needs Entra sign-in and the secret). */
  GRAPH_CALENDAR: z.enum(['on', 'off']).default('off'),
  /** Where the on-behalf-of token exchange goes (tests point it at a local stand-in). */
  ENTRA_TOKEN_BASE_URL: z.string().url().default('https://login.microsoftonline.com'),
  GRAPH_BASE_URL: z.string().url().default('https://graph.microsoft.com/v1.0'),
  /** Dev mode only: a private RSA JWK (JSON) to sign dev tokens with, so they survive a restart. */
  DEV_SIGNING_KEY: optional,
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /**
   * Local development: the bot endpoint without BOT_ID accepts unauthenticated requests and the API signs
   * its own tokens without AAD_APP_CLIENT_ID. Only on loopback, never with Azure storage or in production.
   */
  DEV_MODE: z.enum(['on', 'off']).default('off'),
  NODE_ENV: optional,
  /** Requests per minute one user may make to the API and the bot endpoint (a short burst of as many). */
  RATE_LIMIT_USER_PER_MINUTE: z.coerce.number().int().min(1).default(RATE_LIMIT_USER_PER_MINUTE),
  /** Requests per minute one tenant's users together may make. */
  RATE_LIMIT_TENANT_PER_MINUTE: z.coerce.number().int().min(1).default(RATE_LIMIT_TENANT_PER_MINUTE),
  /**
   * Requests with a missing or invalid token one client address may make per minute (a burst of as many);
   * beyond it the address gets 429 before its tokens are checked. Valid requests do not count.
   */
  RATE_LIMIT_INVALID_TOKENS_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1)
    .default(RATE_LIMIT_INVALID_TOKENS_PER_MINUTE),
  /**
   * Reverse proxies of ours in front of the service, each appending to X-Forwarded-For (App Service: 1).
   * 0: the header is ignored and the socket's peer is the client.
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** The annual clock's reminders: the daily scheduler and the fan-out's delivery worker. */
  REMINDERS: z.enum(['on', 'off']).default('on'),
  /** Where reminders create new 1:1 chats; default Teams' global connector with BOT_ID, none without. */
  BOT_SERVICE_URL: z.string().url().optional(),
  /** The Teams app's id (the manifest's): reminder cards then deep-link into the app inside Teams. */
  TEAMS_APP_ID: optional,
});

export type StorageConfig =
  | { kind: 'embedded'; dataDir: string; tablePrefix: string }
  | { kind: 'connectionString'; connectionString: string; tablePrefix: string }
  | { kind: 'managedIdentity'; accountName: string; clientId: string | null; tablePrefix: string };

export interface BotAuthConfig {
  appId: string;
  appPassword: string | undefined;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  tenantId: string | undefined;
}

/** How the tabs' API authenticates: Entra access tokens, or the local dev mode's own signed tokens. */
export type ApiAuthConfig =
  | {
      mode: 'entra';
      clientId: string;
      /** Only this tenant, when set; otherwise any tenant registered here. */
      tenantId: string | null;
      tabDomain: string | null;
      keysBaseUrl: string;
    }
  | { mode: 'dev'; tabDomain: string | null; devSigningKey: string | null };

/** Microsoft Graph calendar events on the supervisor's behalf; null: invitations carry an .ics instead. */
export interface GraphCalendarConfig {
  clientId: string;
  clientSecret: string;
  tokenBaseUrl: string;
  graphBaseUrl: string;
}

export interface AppConfig {
  port: number;
  host: string;
  storage: StorageConfig;
  /** Absent: the bot endpoint accepts unauthenticated local requests (no Bot Connector here). */
  botAuth: BotAuthConfig | null;
  demoData: 'auto' | 'on' | 'off';
  demoTenantId: string;
  tabsDist: string;
  /** Whether the daily retention purge runs. */
  privacyPurge: boolean;
  apiAuth: ApiAuthConfig;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  reminders: ReminderConfig;
  graphCalendar: GraphCalendarConfig | null;
  /** DEV_MODE=on: local development on loopback (see the schema). */
  devMode: boolean;
  rateLimits: RateLimitConfig;
  jobs: JobConfig;
}

/** How often the background jobs run. */
export interface JobConfig {
  /** The rebuild of the team aggregates (summaries/aggregate-job.ts). */
  aggregateRefreshMs: number;
  /** The retention purge (privacy/retention-purge.ts), when PRIVACY_PURGE is on. */
  retentionPurgeMs: number;
}

export interface RateLimitConfig {
  userPerMinute: number;
  tenantPerMinute: number;
  /** Failed authentications per client address and minute before the address is refused unchecked. */
  invalidTokensPerMinute: number;
  /** How many X-Forwarded-For entries, from the right, our own proxies wrote. */
  trustedProxyHops: number;
}

export interface ReminderConfig {
  enabled: boolean;
  /** Null: users without a stored 1:1 chat are reported unreachable instead of getting a new one. */
  serviceUrl: string | null;
  /** The Teams app's id; null: reminder cards link to the tab's web page instead of into Teams. */
  teamsAppId: string | null;
}

/** Teams' global Bot Connector endpoint (public cloud), where a bot creates 1:1 conversations proactively. */
export const TEAMS_SERVICE_URL = 'https://smba.trafficmanager.net/teams/';

export class ConfigError extends Error {}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

/** Azurite on this machine (the development storage shortcut, or endpoints on loopback) is not cloud storage. */
function isLocalEmulator(connectionString: string): boolean {
  if (/(^|;)\s*UseDevelopmentStorage\s*=\s*true\s*(;|$)/i.test(connectionString)) return true;
  const endpoints = [...connectionString.matchAll(/(?:^|;)\s*\w+Endpoint\s*=\s*([^;]+)/gi)].map((m) => m[1]);
  return (
    endpoints.length > 0 &&
    endpoints.every((endpoint) => {
      try {
        return LOOPBACK_HOSTS.has(new URL(endpoint?.trim() ?? '').hostname.replace(/^\[|\]$/g, ''));
      } catch {
        return false;
      }
    })
  );
}

function refuse(problem: string): never {
  throw new ConfigError(`Invalid configuration:\n  ${problem}`);
}

/**
 * Refuses a configuration that would open the app to anyone: off loopback, in production or with Azure
 * storage the bot endpoint must authenticate (BOT_ID) and the API must use Entra (AAD_APP_CLIENT_ID); the
 * development shortcuts need DEV_MODE=on, which is refused anywhere but on loopback with local storage.
 */
function checkExposure(e: z.infer<typeof schema>): void {
  const exposure = !LOOPBACK_HOSTS.has(e.HOST)
    ? `HOST=${e.HOST} is not loopback`
    : e.NODE_ENV === 'production'
      ? 'NODE_ENV=production'
      : e.AZURE_STORAGE_ACCOUNT_NAME
        ? 'AZURE_STORAGE_ACCOUNT_NAME names Azure storage'
        : e.AZURE_STORAGE_CONNECTION_STRING && !isLocalEmulator(e.AZURE_STORAGE_CONNECTION_STRING)
          ? 'AZURE_STORAGE_CONNECTION_STRING names Azure storage'
          : null;
  if (e.DEV_MODE === 'on') {
    if (exposure) refuse(`DEV_MODE=on is for local development only, but ${exposure}`);
    return;
  }
  const fix = exposure
    ? `required because ${exposure}`
    : 'required unless DEV_MODE=on (local development on loopback)';
  if (!e.BOT_ID) refuse(`BOT_ID is ${fix}: without it /api/messages accepts unauthenticated requests`);
  if (!e.AAD_APP_CLIENT_ID)
    refuse(`AAD_APP_CLIENT_ID is ${fix}: without it the API's development sign-in signs tokens for anyone`);
}

/**
 * The bot's credentials in the combinations the Bot Framework SDK accepts (botbuilder-core's
 * ConfigurationServiceClientCredentialFactory asserts them only when the first request arrives, with a
 * message naming its own setting names): a single-tenant app and a user-assigned managed identity need
 * the tenant, a managed identity has no password, the others do.
 */
function checkBotCredentials(e: z.infer<typeof schema>): void {
  if (e.BOT_TYPE !== 'MultiTenant' && !e.BOT_TENANT_ID)
    refuse(`BOT_TENANT_ID is required with BOT_TYPE=${e.BOT_TYPE}: the bot's token is issued by that tenant`);
  if (e.BOT_TYPE === 'UserAssignedMSI' && e.BOT_PASSWORD)
    refuse('BOT_PASSWORD must not be set with BOT_TYPE=UserAssignedMSI: the managed identity has no secret');
  if (e.BOT_TYPE !== 'UserAssignedMSI' && !e.BOT_PASSWORD)
    refuse('BOT_PASSWORD is required with BOT_ID unless BOT_TYPE=UserAssignedMSI');
}

export interface LoadOptions {
  /** A command-line tool that serves nothing (people import) skips the checks of what the server exposes. */
  serves?: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, options: LoadOptions = {}): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  const storage: StorageConfig = e.AZURE_STORAGE_CONNECTION_STRING
    ? {
        kind: 'connectionString',
        connectionString: e.AZURE_STORAGE_CONNECTION_STRING,
        tablePrefix: e.TABLE_PREFIX,
      }
    : e.AZURE_STORAGE_ACCOUNT_NAME
      ? {
          kind: 'managedIdentity',
          accountName: e.AZURE_STORAGE_ACCOUNT_NAME,
          clientId: e.AZURE_CLIENT_ID ?? null,
          tablePrefix: e.TABLE_PREFIX,
        }
      : { kind: 'embedded', dataDir: resolve(e.DATA_DIR, 'azurite'), tablePrefix: e.TABLE_PREFIX };
  if (e.BOT_ID) checkBotCredentials(e);
  if (options.serves !== false) checkExposure(e);
  if (e.AAD_APP_CLIENT_ID && e.DEV_SIGNING_KEY) {
    throw new ConfigError(
      'Invalid configuration:\n  DEV_SIGNING_KEY is for the dev mode only (without AAD_APP_CLIENT_ID)',
    );
  }
  // The on-behalf-of flow exchanges a real Entra token: the dev mode's own tokens cannot reach Graph.
  if (e.GRAPH_CALENDAR === 'on' && !(e.AAD_APP_CLIENT_ID && e.AAD_APP_CLIENT_SECRET)) {
    throw new ConfigError(
      'Invalid configuration:\n  GRAPH_CALENDAR=on needs AAD_APP_CLIENT_ID and AAD_APP_CLIENT_SECRET (Entra sign-in)',
    );
  }
  const graphCalendar: GraphCalendarConfig | null =
    e.GRAPH_CALENDAR === 'on' && e.AAD_APP_CLIENT_ID && e.AAD_APP_CLIENT_SECRET
      ? {
          clientId: e.AAD_APP_CLIENT_ID,
          clientSecret: e.AAD_APP_CLIENT_SECRET,
          tokenBaseUrl: e.ENTRA_TOKEN_BASE_URL.replace(/\/+$/, ''),
          graphBaseUrl: e.GRAPH_BASE_URL.replace(/\/+$/, ''),
        }
      : null;
  const apiAuth: ApiAuthConfig = e.AAD_APP_CLIENT_ID
    ? {
        mode: 'entra',
        clientId: e.AAD_APP_CLIENT_ID,
        tenantId: e.AAD_APP_TENANT_ID ?? null,
        tabDomain: e.TAB_DOMAIN ?? null,
        keysBaseUrl: e.ENTRA_KEYS_BASE_URL.replace(/\/+$/, ''),
      }
    : { mode: 'dev', tabDomain: e.TAB_DOMAIN ?? null, devSigningKey: e.DEV_SIGNING_KEY ?? null };
  return {
    port: e.PORT,
    host: e.HOST,
    storage,
    botAuth: e.BOT_ID
      ? { appId: e.BOT_ID, appPassword: e.BOT_PASSWORD, appType: e.BOT_TYPE, tenantId: e.BOT_TENANT_ID }
      : null,
    demoData: e.DEMO_DATA,
    demoTenantId: e.DEMO_TENANT_ID,
    tabsDist: e.TABS_DIST ?? resolve(__dirname, '..', '..', 'tabs', 'dist'),
    privacyPurge: e.PRIVACY_PURGE === 'on',
    apiAuth,
    logLevel: e.LOG_LEVEL,
    reminders: {
      enabled: e.REMINDERS === 'on',
      serviceUrl: e.BOT_SERVICE_URL ?? (e.BOT_ID ? TEAMS_SERVICE_URL : null),
      teamsAppId: e.TEAMS_APP_ID ?? null,
    },
    graphCalendar,
    devMode: e.DEV_MODE === 'on',
    rateLimits: {
      userPerMinute: e.RATE_LIMIT_USER_PER_MINUTE,
      tenantPerMinute: e.RATE_LIMIT_TENANT_PER_MINUTE,
      invalidTokensPerMinute: e.RATE_LIMIT_INVALID_TOKENS_PER_MINUTE,
      trustedProxyHops: e.TRUSTED_PROXY_HOPS,
    },
    jobs: {
      aggregateRefreshMs: e.AGGREGATE_REFRESH_INTERVAL_MINUTES * MINUTE_MS,
      retentionPurgeMs: e.RETENTION_PURGE_INTERVAL_HOURS * HOUR_MS,
    },
  };
}
