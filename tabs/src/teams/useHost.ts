import type { Theme } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { connectToHost, onHostThemeChange, type HostInfo } from './host';
import { loadFluentTheme } from './theme';

export type HostState = { status: 'connecting' } | ({ status: 'ready'; fluentTheme: Theme } & HostInfo);

/**
 * Connects to Teams once, then follows the user's theme changes for the life of the page. The state turns
 * ready only with the matching Fluent theme loaded, so a dark Teams never flashes a light page.
 */
export function useHost(): HostState {
  const [state, setState] = useState<HostState>({ status: 'connecting' });

  useEffect(() => {
    let active = true;
    void (async () => {
      const host = await connectToHost();
      const fluentTheme = await loadFluentTheme(host.theme);
      if (!active) return;
      setState({ status: 'ready', ...host, fluentTheme });
      if (!host.inTeams) return;
      onHostThemeChange((theme) => {
        void loadFluentTheme(theme).then((nextTheme) => {
          if (!active) return;
          setState((current) =>
            current.status === 'ready' ? { ...current, theme, fluentTheme: nextTheme } : current,
          );
        });
      });
    })();
    return () => {
      active = false;
    };
  }, []);

  return state;
}
