/**
 * The address a request came from, for limits that apply before anyone is authenticated. Behind a reverse
 * proxy the socket's peer is the proxy: App Service's front ends terminate TLS and forward the request over
 * HTTP with the client's address appended to `X-Forwarded-For` (Microsoft Learn, "Configure a Node.js app for
 * Azure App Service", section "Detect HTTPS session", which points frameworks at the X-Forwarded-* headers; an
 * entry may carry the client's port, dropped here). Each proxy appends the address it saw, so only the last
 * `trustedProxyHops` entries were written by proxies of ours; anything to their left came from the client and
 * may be forged. With no trusted proxy the header is ignored.
 */
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/** `203.0.113.7`, `203.0.113.7:51234`, `[2001:db8::1]:443` or `2001:db8::1` → the address alone. */
function addressOnly(entry: string): string | null {
  const value = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  const candidate = bracketed ? bracketed[1] : /^[\d.]+:\d+$/.test(value) ? value.split(':')[0] : value;
  return candidate && isIP(candidate) ? normalise(candidate) : null;
}

/** An IPv4 peer seen on an IPv6 socket (`::ffff:127.0.0.1`) is the IPv4 address. */
function normalise(address: string): string {
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '').toLowerCase();
}

export function clientAddress(req: IncomingMessage, trustedProxyHops: number): string {
  const peer = normalise(req.socket.remoteAddress ?? '');
  if (trustedProxyHops === 0) return peer;
  const header = req.headers['x-forwarded-for'];
  const entries = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .filter((entry) => entry.trim() !== '');
  // The nearest hop is the socket's peer, then the header from its right end: the client is the entry just
  // beyond the last trusted proxy (or the furthest one there is, when the chain is shorter).
  const chain = [peer, ...entries.reverse()];
  const index = Math.min(trustedProxyHops, chain.length - 1);
  const raw = chain[index] ?? peer;
  return index === 0 ? peer : (addressOnly(raw) ?? `unparsed:${raw.trim().slice(0, 64)}`);
}
