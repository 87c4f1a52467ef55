/**
 * Teams' Adaptive Card host configs, so a preview looks as Teams will render the card: Microsoft's published light
 * and dark configs (microsoft/AdaptiveCards samples/HostConfig, MIT; see tests/cards/reference/README.md), and for
 * high contrast the light config recoloured with Fluent's `teamsHighContrastTheme`, Teams' own palette.
 */
import { teamsHighContrastTheme } from '@fluentui/react-components';
import type { HostTheme } from '../teams/host';
import dark from './microsoft-teams-dark.hostconfig.json';
import light from './microsoft-teams-light.hostconfig.json';

type HostConfigJson = typeof light;

function highContrast(): HostConfigJson {
  const theme = teamsHighContrastTheme;
  const text = (color: string) => ({ default: color, subtle: theme.colorNeutralForeground2 });
  const foregroundColors = {
    default: text(theme.colorNeutralForeground1),
    dark: text(theme.colorNeutralForeground1),
    light: text(theme.colorNeutralForeground1),
    accent: text(theme.colorBrandForeground1),
    good: text(theme.colorPaletteGreenForeground1),
    warning: text(theme.colorPaletteYellowForeground1),
    attention: text(theme.colorPaletteRedForeground1),
  };
  const styles = Object.fromEntries(
    Object.entries(light.containerStyles).map(([name, style]) => [
      name,
      { ...style, backgroundColor: theme.colorNeutralBackground1, foregroundColors },
    ]),
  ) as HostConfigJson['containerStyles'];
  return { ...light, containerStyles: styles };
}

export function teamsHostConfig(theme: HostTheme): HostConfigJson {
  if (theme === 'dark') return dark as HostConfigJson;
  if (theme === 'contrast') return highContrast();
  return light;
}
