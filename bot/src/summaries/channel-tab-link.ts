/**
 * The deep link that opens the channel tab on a published summary: Teams' entity link with the tab's entity
 * id, the channel and a sub-entity ("summary-YEAR") the tab reads from its context to open that year.
 */
import type { ChannelLink } from '../storage/channel-link-repository';

export function summarySubEntityId(year: number): string {
  return `summary-${year}`;
}

/** Null when the channel's tab did not tell its entity id and app id (then the card has no link). */
export function channelTabDeepLink(link: ChannelLink, subEntityId: string): string | null {
  if (!link.tabEntityId || !link.teamsAppId) return null;
  const context = encodeURIComponent(JSON.stringify({ subEntityId, channelId: link.channelId }));
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(link.teamsAppId)}/${encodeURIComponent(
    link.tabEntityId,
  )}?context=${context}`;
}
