import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';

export interface NavLink {
  href: string;
  label: string;
  current: boolean;
}

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    margin: 0,
    padding: 0,
    listStyle: 'none',
  },
  link: {
    display: 'inline-block',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    color: tokens.colorNeutralForeground1,
    textDecoration: 'none',
    borderBottom: `${tokens.strokeWidthThicker} solid transparent`,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  current: { fontWeight: tokens.fontWeightSemibold, borderBottomColor: tokens.colorBrandStroke1 },
});

/**
 * Views as plain links in a labelled nav, the current one marked with aria-current: each view has its own
 * address, so the browser's back button, deep links and screen readers' link lists all work.
 */
export function LinkNavigation({
  label,
  links,
  className,
}: {
  label: string;
  links: NavLink[];
  className?: string;
}) {
  const styles = useStyles();
  return (
    <nav className={className} aria-label={label}>
      <ul className={styles.list}>
        {links.map((link) => (
          <li key={link.href}>
            <a
              className={mergeClasses(styles.link, link.current && styles.current)}
              href={link.href}
              aria-current={link.current ? 'page' : undefined}
            >
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
