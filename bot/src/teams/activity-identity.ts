/** Who and where an incoming Teams activity comes from. */
import type { Activity } from 'botbuilder';
import { resolveLocale, type Locale } from '../domain/locale';

export function tenantOf(activity: Activity): string | null {
  const channelData = activity.channelData as { tenant?: { id?: string } } | undefined;
  return activity.conversation?.tenantId ?? channelData?.tenant?.id ?? null;
}

/**
 * The user's Teams locale: the activity's own, else the clientInfo entity's. Only for someone the app does
 * not know: a person's own language (their record) comes first, whatever the client's locale.
 */
export function localeOf(activity: Activity, fallback: Locale): Locale {
  const clientInfo = activity.entities?.find((entity) => entity.type === 'clientInfo') as
    { locale?: string } | undefined;
  return resolveLocale(activity.locale ?? clientInfo?.locale, fallback);
}

export function teamOf(
  activity: Activity,
): { teamId: string; channelId: string | null; channelName: string | null } | null {
  const channelData = activity.channelData as
    { team?: { id?: string }; channel?: { id?: string; name?: string } } | undefined;
  const teamId = channelData?.team?.id;
  return teamId
    ? { teamId, channelId: channelData?.channel?.id ?? null, channelName: channelData?.channel?.name ?? null }
    : null;
}
