import { makeStyles, tokens } from '@fluentui/react-components';

/** Lists laid out by the page rather than the browser: no bullets, no indent. */
export const useListStyles = makeStyles({
  /** The items one under another, a small gap apart. */
  stack: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    listStyle: 'none',
  },
  /** The items side by side, wrapping: a chart's legend. */
  legend: {
    display: 'flex',
    gap: tokens.spacingHorizontalL,
    flexWrap: 'wrap',
    margin: 0,
    padding: 0,
    listStyle: 'none',
  },
  /** One item as a card of its own, with an edge. */
  card: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});
