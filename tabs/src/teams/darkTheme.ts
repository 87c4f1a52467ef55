/** A module of its own so the bundler puts the dark theme in a chunk loaded only on demand. */
export { teamsDarkTheme } from '@fluentui/react-components';
