import type { HostChannel } from '../teams/host';
import { buildHash, type HashRoute } from './hashRoute';

/**
 * Where Teams loads the configurable tab's content: the page, the service area it shows, and the Teams
 * channel it was added to (so a supervisor can post their team's group-discussion card there).
 */
export function channelContentUrl(
  origin: string,
  serviceAreaId: string,
  channel: HostChannel | null,
): string {
  const query: Record<string, string> = { serviceAreaId };
  if (channel) {
    query.teamsTeamId = channel.teamId;
    if (channel.channelId) query.channelId = channel.channelId;
  }
  return `${origin}/tabs/index.html${buildHash('/channel', query)}`;
}

/** The Teams channel named in the tab's address, if any. */
export function channelFromRoute(route: HashRoute): HostChannel | null {
  const teamId = route.query.get('teamsTeamId');
  return teamId ? { teamId, channelId: route.query.get('channelId') } : null;
}

/** A year from the route, or the current one; out-of-range values are ignored rather than fetched. */
export function yearFromQuery(value: string | null, now: Date = new Date()): number {
  const year = value === null ? NaN : Number(value);
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : now.getFullYear();
}
