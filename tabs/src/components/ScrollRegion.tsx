import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nContext';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  region: {
    overflowX: 'auto',
    // A visible edge and a focus ring: the region is a keyboard stop of its own.
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: tokens.strokeWidthThin,
    },
  },
  /** The right edge fades while there is more to the right: the table visibly continues. */
  overflowing: {
    backgroundImage: `linear-gradient(to left, ${tokens.colorNeutralShadowAmbient}, transparent ${tokens.spacingHorizontalXL})`,
    backgroundAttachment: 'local, scroll',
    boxShadow: `inset -${tokens.spacingHorizontalS} 0 ${tokens.spacingHorizontalS} -${tokens.spacingHorizontalS} ${tokens.colorNeutralShadowKey}`,
  },
  hint: {
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
});

/**
 * A wide table's scroll container: a named region in the tab order (so a keyboard user can scroll it with the
 * arrow keys — axe's `scrollable-region-focusable`), and, while it is wider than the screen, a visible hint that
 * it scrolls sideways, tied to the region by `aria-describedby`.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  const styles = useStyles();
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const [overflowing, setOverflowing] = useState(false);
  const hintId = useId();

  useEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const measure = () => setOverflowing(element.scrollWidth > element.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    const table = element.firstElementChild;
    if (table) observer.observe(table);
    return () => observer.disconnect();
  }, []);

  return (
    <div className={styles.root}>
      <div
        ref={ref}
        className={mergeClasses(styles.region, overflowing && styles.overflowing)}
        role="region"
        aria-label={label}
        aria-describedby={overflowing ? hintId : undefined}
        tabIndex={0}
      >
        {children}
      </div>
      {overflowing ? (
        <span id={hintId} className={styles.hint}>
          {t('table.scrollHint')}
        </span>
      ) : null}
    </div>
  );
}
