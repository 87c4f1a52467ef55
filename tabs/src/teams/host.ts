import { app } from '@microsoft/teams-js';
import { parseHash } from '../routing/hashRoute';

/** Teams reports "default", "dark", "contrast" (and newer hosts "glass"); anything else is treated as light. */
export type HostTheme = 'default' | 'dark' | 'contrast';

/** A Teams channel as the bot knows it: the team's id (its General channel's) and the channel's. */
export interface HostChannel {
  teamId: string;
  channelId: string | null;
}

export interface HostInfo {
  /** False when the page is opened in a plain browser (development, tests, a link shared outside Teams). */
  inTeams: boolean;
  /** The Teams UI language, e.g. "fi-fi"; absent outside Teams. */
  locale?: string;
  theme: HostTheme;
  /** The Teams team and channel the tab is open in (a channel tab); absent in personal scope. */
  channel?: HostChannel;
  /** The page a deep link into the personal tab asks for (its subEntityId, teams-js v2's subPageId). */
  subEntityId?: string;
}

/** Outside Teams `?theme=dark|contrast` (page or hash query) previews the other themes. */
function standaloneHost(): HostInfo {
  const fromSearch = new URLSearchParams(window.location.search).get('theme');
  const fromHash = parseHash(window.location.hash).query.get('theme');
  return { inTeams: false, theme: toHostTheme(fromSearch ?? fromHash ?? undefined) };
}

/**
 * Outside Teams `app.initialize()` rejects within milliseconds ("No Parent window found"), but inside a
 * foreign iframe it can wait forever; the timeout turns both into standalone mode.
 */
const INITIALIZE_TIMEOUT_MS = 3000;

export function toHostTheme(theme: string | undefined): HostTheme {
  return theme === 'dark' || theme === 'contrast' ? theme : 'default';
}

export async function connectToHost(): Promise<HostInfo> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('Teams did not answer')), INITIALIZE_TIMEOUT_MS);
  });
  try {
    await Promise.race([app.initialize(), timeout]);
    const context = await app.getContext();
    // The bot knows a team by the id Teams gives its General channel (team.internalId), not the Graph group id.
    const teamId = context.team?.internalId;
    return {
      inTeams: true,
      // The Teams UI language the user chose (teams-js v2 has no separate user.locale).
      locale: context.app.locale,
      theme: toHostTheme(context.app.theme),
      channel: teamId ? { teamId, channelId: context.channel?.id ?? null } : undefined,
      subEntityId: context.page.subPageId,
    };
  } catch {
    return standaloneHost();
  } finally {
    clearTimeout(timer);
  }
}

/** Only call once connected: teams-js throws if used before `app.initialize()` succeeded. */
export function onHostThemeChange(handler: (theme: HostTheme) => void): void {
  app.registerOnThemeChangeHandler((theme) => handler(toHostTheme(theme)));
}
