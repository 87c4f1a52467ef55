import { makeStyles, Spinner, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { padding: `${tokens.spacingVerticalXXL} 0` },
});

/** A labelled spinner; the label is what a screen reader announces while the page waits. */
export function LoadingState({ label }: { label: string }) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Spinner label={label} labelPosition="below" />
    </div>
  );
}
