import { teamsLightTheme, type Theme } from '@fluentui/react-components';
import type { HostTheme } from './host';

/**
 * Each Fluent theme is a full token set (~20 KB); most users run Teams light, so dark and high contrast
 * are fetched only when the host asks for them.
 */
export async function loadFluentTheme(theme: HostTheme): Promise<Theme> {
  switch (theme) {
    case 'dark':
      return (await import('./darkTheme')).teamsDarkTheme;
    case 'contrast':
      return (await import('./contrastTheme')).teamsHighContrastTheme;
    default:
      return teamsLightTheme;
  }
}

export { teamsLightTheme };
