/**
 * Shared set-up for the tabs' API tests: the real app (dev-mode sign-in, the suite's Azurite, the connector
 * stand-in as the Bot Framework service), a fixed "now" in the planning season before the 2027 round, and
 * small helpers to call the API as a person of a registered organisation.
 */
import type { RunningApp } from '../../bot/src/app';
import { startConnectorStandIn, type ConnectorStandIn } from '../../bot/src/devstack/bot-connector-stand-in';
import type { Person } from '../../bot/src/domain/organisation';
import { writeOrganisation } from '../../bot/src/storage/organisation-import';
import { personalMessage, postActivity } from '../support/activities';
import { startTestApp } from '../support/app';
import { newTenantId } from '../support/storage';
import { bearer, devToken, signInOrganisation, type SignInOrganisation } from '../support/tokens';

/** 23 November 2026: the 2026 round is over, so the supervisor plans January–March 2027. */
export const NOW = new Date('2026-11-23T10:00:00Z');
export const ROUND_YEAR = 2027;
/** Inside the default clock's development-discussion window (1.1.–31.3.) of the round. */
export const IN_WINDOW = '2027-02-10T09:00:00+02:00';

export interface ApiAnswer<T = Record<string, unknown>> {
  status: number;
  body: T;
}

export interface TestApi {
  app: RunningApp;
  connector: ConnectorStandIn;
  /** The next message into the conversation is answered 429 with Retry-After `seconds`. */
  throttleOnce(conversationId: string, seconds: number): void;
  /** The next new channel post (a thread) is answered 429 with Retry-After `seconds`. */
  throttleNextChannelPost(seconds: number): void;
  stop(): Promise<void>;
}

export async function startTabsApi(env: Record<string, string> = {}): Promise<TestApi> {
  const throttled = new Map<string, number>();
  let throttledPost: number | null = null;
  const connector = await startConnectorStandIn({
    limits: null,
    fail: ({ operation, conversationId, memberId }) => {
      // A new channel post is a createConversation without a member (a 1:1 chat's names its user).
      if (operation === 'createConversation' && memberId === null && throttledPost !== null) {
        const retryAfterSeconds = throttledPost;
        throttledPost = null;
        return { status: 429, code: 'Throttled', retryAfterSeconds };
      }
      const seconds = conversationId ? throttled.get(conversationId) : undefined;
      if (seconds === undefined || !conversationId) return null;
      throttled.delete(conversationId);
      return { status: 429, code: 'Throttled', retryAfterSeconds: seconds };
    },
  });
  const app = await startTestApp(env, { now: () => NOW });
  return {
    app,
    connector,
    throttleOnce: (conversationId, seconds) => throttled.set(conversationId, seconds),
    throttleNextChannelPost: (seconds) => {
      throttledPost = seconds;
    },
    stop: async () => {
      await app.stop();
      await connector.close();
    },
  };
}

/** A fresh registered organisation (see tests/support/tokens.ts), optionally changed before it is written. */
export async function newOrganisation(
  app: RunningApp,
  change: (org: SignInOrganisation) => void = () => undefined,
): Promise<SignInOrganisation> {
  const org = signInOrganisation(newTenantId());
  change(org);
  await writeOrganisation(app.repositories, org.tenantId, org.snapshot);
  return org;
}

export async function call<T = Record<string, unknown>>(
  app: RunningApp,
  token: string | null,
  method: string,
  path: string,
  options: { body?: unknown; ifMatch?: string | null; locale?: string } = {},
): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = {
    ...(token === null ? {} : bearer(token)),
    'accept-language': options.locale ?? 'en',
    ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
    ...(options.ifMatch ? { 'if-match': options.ifMatch } : {}),
  };
  const response = await fetch(`${app.url}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

/** A meeting's .ics as the API sends it: its media type, the file name it suggests, the text (or the error). */
export async function meetingCalendar(
  app: RunningApp,
  token: string,
  path: string,
): Promise<{ status: number; contentType: string | null; fileName: string | null; text: string }> {
  const response = await fetch(`${app.url}${path}`, {
    headers: { ...bearer(token), 'accept-language': 'fi' },
  });
  const disposition = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '');
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    fileName: disposition?.[1] ? decodeURIComponent(disposition[1]) : null,
    text: await response.text(),
  };
}

export function tokenOf(app: RunningApp, org: SignInOrganisation, person: Person): Promise<string> {
  return devToken(app.url, org.tenantId, person.id);
}

/** The employee writes to the bot once, so the bot has their personal conversation to send invitations to. */
export async function openPersonalChat(api: TestApi, tenantId: string, person: Person): Promise<void> {
  const response = await postActivity(
    api.app.url,
    personalMessage({ tenantId, aadObjectId: person.aadObjectId ?? '' }, 'apua', {
      serviceUrl: api.connector.serviceUrl,
    }),
  );
  if (response.status >= 300) throw new Error(`the bot answered ${response.status}`);
}

export function meetingPath(employeeId: string, year = ROUND_YEAR): string {
  return `/api/v1/team/discussions/${year}/${encodeURIComponent(employeeId)}/meeting`;
}

export { newTenantId };
