/**
 * The local dev mode's sign-in (the service runs without an Entra app): the demo personas to act as, and
 * tokens the service signs with its local dev key and validates with the same code as Entra tokens.
 */
import { apiUrl, requestJson } from '../api/http';
import type { Role } from '../api/types';
import type { TokenProvider } from '../api/client';

export interface Persona {
  key: string;
  personId: string;
  name: string;
  roles: Role[];
}

export interface PersonaList {
  tenantId: string;
  personas: Persona[];
}

const STORAGE_KEY = 'osaamiskello.persona';
/** Tokens are renewed this long before they expire, so a request never carries one that just ran out. */
const RENEW_BEFORE_MS = 60_000;

/** Null when the service has no dev mode (production opened outside Teams). */
export async function fetchPersonas(): Promise<PersonaList | null> {
  try {
    const body = (await requestJson(apiUrl('/api/dev/personas'))) as PersonaList;
    return Array.isArray(body.personas) && body.personas.length > 0 ? body : null;
  } catch {
    return null;
  }
}

/** `?persona=<key>` in the page's address, the last choice in this browser tab, or the demo employee. */
export function initialPersona(list: PersonaList): Persona {
  const wanted = new URLSearchParams(window.location.search).get('persona');
  const stored = sessionStorage.getItem(STORAGE_KEY);
  return (
    list.personas.find((persona) => persona.key === wanted) ??
    list.personas.find((persona) => persona.personId === stored) ??
    list.personas.find((persona) => persona.key === 'employee') ??
    (list.personas[0] as Persona)
  );
}

export function rememberPersona(personId: string): void {
  sessionStorage.setItem(STORAGE_KEY, personId);
}

export function devTokenProvider(tenantId: string, personId: string): TokenProvider {
  let cached: { token: string; renewAt: number } | null = null;
  let pending: Promise<string> | null = null;
  return async () => {
    if (cached && Date.now() < cached.renewAt) return cached.token;
    pending ??= requestJson(apiUrl('/api/dev/token'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ tenantId, personId }),
    })
      .then((body) => {
        const { accessToken, expiresAt } = body as { accessToken: string; expiresAt: string };
        cached = { token: accessToken, renewAt: Date.parse(expiresAt) - RENEW_BEFORE_MS };
        return accessToken;
      })
      .finally(() => {
        pending = null;
      });
    return pending;
  };
}
