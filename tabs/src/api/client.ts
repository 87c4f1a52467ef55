/**
 * The signed-in API client: every call carries `Authorization: Bearer` (the Teams SSO token, or in the local
 * dev mode a dev token) and the UI language as Accept-Language, so the service answers errors in it.
 */
import { apiUrl, requestFile, requestJson } from './http';

export type TokenProvider = () => Promise<string>;

export interface SendOptions {
  body?: unknown;
  /** The ETag the page read, for edits that must not overwrite someone else's. */
  ifMatch?: string | null;
  signal?: AbortSignal;
}

export class ApiClient {
  constructor(
    private readonly token: TokenProvider,
    private readonly language: () => string,
  ) {}

  private async headers(options: SendOptions): Promise<Record<string, string>> {
    return {
      Authorization: `Bearer ${await this.token()}`,
      'Accept-Language': this.language(),
      ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(options.ifMatch ? { 'If-Match': options.ifMatch } : {}),
    };
  }

  async get(path: string, query: Record<string, string | number | undefined> = {}, signal?: AbortSignal) {
    return requestJson(apiUrl(path, query), { headers: await this.headers({}), signal });
  }

  /** A file download (an export): the caller saves the Blob. */
  async file(path: string, query: Record<string, string | number | undefined> = {}) {
    return requestFile(apiUrl(path, query), { headers: await this.headers({}) });
  }

  async send(method: 'POST' | 'PUT' | 'DELETE', path: string, options: SendOptions = {}) {
    return requestJson(apiUrl(path), {
      method,
      headers: await this.headers(options),
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  }
}
