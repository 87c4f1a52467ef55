/**
 * Response headers that keep browsers from misusing what the service sends. The tab pages may be framed only
 * by Teams and the other Microsoft 365 hosts Microsoft documents for tabs ("Prerequisites" of Teams tabs:
 * learn.microsoft.com/microsoftteams/platform/tabs/how-to/tab-requirements); everything else (the API, the
 * bot endpoint, health) is data that no page may frame, and that has no content of its own to run.
 */
import type { Request, Response } from 'restify';

/** The hosts that may frame the tab pages: Teams, Microsoft 365 (office.com, microsoft365.com) and Outlook. */
export const TAB_FRAME_ANCESTORS = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook-sdf.office.com',
  'https://outlook-sdf.office365.com',
] as const;

/**
 * What the built Vite app needs: its own module scripts; inline styles, because Fluent UI's Griffel inserts
 * <style> elements at run time (and index.html has one); and teams-js' list of valid origins from its CDN.
 */
const TAB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self' https://res.cdn.office.net",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  `frame-ancestors ${TAB_FRAME_ANCESTORS.join(' ')}`,
].join('; ');

/** JSON and files: nothing to run, nothing to frame. */
const DATA_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * HSTS for a year: the max-age OWASP's HTTP Headers Cheat Sheet recommends and browsers' preload lists require
 * at least (RFC 6797 defines the header).
 */
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** App Service ends TLS in front of the app and says so in X-Forwarded-Proto. */
function cameOverHttps(req: Request): boolean {
  const forwarded = req.headers['x-forwarded-proto'];
  const proto = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim().toLowerCase();
  return proto === 'https' || req.isSecure();
}

export function isTabPage(path: string): boolean {
  return path === '/tabs' || path.startsWith('/tabs/');
}

/** Sets the headers before any handler runs, so errors and static files carry them too. */
export function setSecurityHeaders(req: Request, res: Response): void {
  const tab = isTabPage(req.getPath());
  res.header('Content-Security-Policy', tab ? TAB_CSP : DATA_CSP);
  // The tab pages' framing is governed by frame-ancestors alone: X-Frame-Options cannot name several hosts.
  if (!tab) res.header('X-Frame-Options', 'DENY');
  res.header('X-Content-Type-Options', 'nosniff');
  res.header('Referrer-Policy', 'strict-origin-when-cross-origin');
  res.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
  if (cameOverHttps(req))
    res.header('Strict-Transport-Security', `max-age=${ONE_YEAR_SECONDS}; includeSubDomains`);
}
