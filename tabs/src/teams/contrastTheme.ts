/** A module of its own so the bundler puts the high-contrast theme in a chunk loaded only on demand. */
export { teamsHighContrastTheme } from '@fluentui/react-components';
