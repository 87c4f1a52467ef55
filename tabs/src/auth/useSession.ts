import { authentication } from '@microsoft/teams-js';
import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import { ApiClient } from '../api/client';
import { ApiError } from '../api/http';
import type { Me } from '../api/types';
import type { HostState } from '../teams/useHost';
import { devTokenProvider, fetchPersonas, initialPersona, rememberPersona, type Persona } from './devSignIn';

export interface DevMode {
  personas: Persona[];
  current: Persona;
  choose(personId: string): void;
}

export type Session =
  | { status: 'pending'; dev: DevMode | null }
  | { status: 'signedIn'; me: Me; api: ApiClient; dev: DevMode | null }
  /** Opened outside Teams where the service has no dev mode: sign-in is only possible in Teams. */
  | { status: 'outsideTeams' }
  | { status: 'failed'; error: ApiError; dev: DevMode | null };

const SessionContext = createContext<Session>({ status: 'pending', dev: null });
export const SessionProvider = SessionContext.Provider;

export function useSessionContext(): Session {
  return useContext(SessionContext);
}

function parseMe(value: unknown): Me {
  const me = value as Me | null;
  if (!me || typeof me.tenantId !== 'string' || !Array.isArray(me.person?.roles))
    throw new ApiError('invalidResponse', 'Unexpected /me response');
  return me;
}

/**
 * Signs the page in once the host is known. In Teams the SSO token comes from teams-js (which caches and
 * renews it); in a plain browser against a service in dev mode, the persona switcher's person gets a dev
 * token. Every API call carries the token; `language` is sent as Accept-Language.
 */
export function useSession(host: HostState, language: () => string): Session {
  const [session, setSession] = useState<Session>({ status: 'pending', dev: null });
  const [personas, setPersonas] = useState<{ tenantId: string; list: Persona[] } | null>(null);
  const [personId, setPersonId] = useState<string | null>(null);
  const inTeams = host.status === 'ready' ? host.inTeams : null;

  useEffect(() => {
    if (inTeams !== false) return;
    let active = true;
    void fetchPersonas().then((list) => {
      if (!active) return;
      if (!list) return setSession({ status: 'outsideTeams' });
      setPersonas({ tenantId: list.tenantId, list: list.personas });
      setPersonId(initialPersona(list).personId);
    });
    return () => {
      active = false;
    };
  }, [inTeams]);

  const dev = useMemo((): DevMode | null => {
    const current = personas?.list.find((persona) => persona.personId === personId);
    if (!personas || !current) return null;
    return {
      personas: personas.list,
      current,
      choose: (id) => {
        rememberPersona(id);
        setPersonId(id);
      },
    };
  }, [personas, personId]);

  useEffect(() => {
    if (inTeams === null || (inTeams === false && !dev)) return;
    const token = dev
      ? devTokenProvider(personas?.tenantId ?? '', dev.current.personId)
      : () => authentication.getAuthToken();
    const api = new ApiClient(token, language);
    const controller = new AbortController();
    setSession({ status: 'pending', dev });
    api.get('/api/v1/me', {}, controller.signal).then(
      (me) => setSession({ status: 'signedIn', me: parseMe(me), api, dev }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const apiError = error instanceof ApiError ? error : new ApiError('unauthorized', String(error));
        setSession({ status: 'failed', error: apiError, dev });
      },
    );
    return () => controller.abort();
    // `language` reads the current UI language when a request is made; it never triggers a new sign-in.
  }, [inTeams, dev]);

  return session;
}
