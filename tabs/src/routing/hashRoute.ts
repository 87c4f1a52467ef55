import { useSyncExternalStore } from 'react';

/**
 * A tiny hash router. The Teams manifest points at `index.html#/personal`, `#/config` and
 * `#/channel?serviceAreaId=…`; the hash keeps every page on one static file the Node service serves.
 */
export interface HashRoute {
  /** "/personal", "/config", "/channel"; "/" when the hash is empty. */
  path: string;
  query: URLSearchParams;
}

export function parseHash(hash: string): HashRoute {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  const queryStart = raw.indexOf('?');
  const pathPart = queryStart === -1 ? raw : raw.slice(0, queryStart);
  const queryPart = queryStart === -1 ? '' : raw.slice(queryStart + 1);
  const path = '/' + pathPart.replace(/^\/+|\/+$/g, '');
  return { path, query: new URLSearchParams(queryPart) };
}

export function buildHash(path: string, query: Record<string, string | number> = {}): string {
  const search = new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)]));
  const queryString = search.toString();
  return `#${path}${queryString ? `?${queryString}` : ''}`;
}

export function navigate(path: string, query?: Record<string, string | number>): void {
  window.location.hash = buildHash(path, query);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const getHash = (): string => window.location.hash;

export function useHashRoute(): HashRoute {
  const hash = useSyncExternalStore(subscribe, getHash);
  // URLSearchParams is cheap; parsing on each render keeps the hook stateless.
  return parseHash(hash);
}

/**
 * Reminders link into the personal tab with a page: `#/personal?page=team` on the web, or Teams' deep link
 * with `subEntityId: "team"`. The page names are the clock reminders' (bot/src/clock/reminder-card.ts).
 */
const LINKED_PAGES: Record<string, string> = { discussion: '/personal', team: '/team', clock: '/clock' };

/** A summary's announcement links into the channel tab with `subEntityId: "summary-2026"`: that year opens. */
const SUMMARY_PAGE = /^summary-(\d{4})$/;

export function withDeepLink(route: HashRoute, subEntityId: string | undefined): HashRoute {
  if (route.path === '/channel') {
    const year = SUMMARY_PAGE.exec(subEntityId ?? '')?.[1];
    if (!year || route.query.has('year')) return route;
    const query = new URLSearchParams(route.query);
    query.set('year', year);
    return { ...route, query };
  }
  if (route.path !== '/' && route.path !== '/personal') return route;
  const page = route.query.get('page') ?? subEntityId;
  const path = page ? LINKED_PAGES[page] : undefined;
  return path ? { ...route, path } : route;
}
