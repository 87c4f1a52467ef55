import { makeStyles, tokens } from '@fluentui/react-components';
import type { Role } from '../api/types';
import type { MessageKey } from '../i18n/fi';
import { useI18n } from '../i18n/I18nContext';
import { buildHash } from '../routing/hashRoute';
import { LinkNavigation } from './LinkNavigation';

interface NavItem {
  path: string;
  label: MessageKey;
  /** Shown to people with one of these roles; everyone when absent. */
  roles?: Role[];
}

const ITEMS: NavItem[] = [
  { path: '/personal', label: 'nav.personal' },
  { path: '/clock', label: 'nav.clock' },
  { path: '/team', label: 'nav.team', roles: ['supervisor'] },
  { path: '/hr', label: 'nav.hr', roles: ['hr'] },
];

const useStyles = makeStyles({
  bar: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    padding: `0 ${tokens.spacingHorizontalXL}`,
  },
});

/** The personal app's views; the team and HR views only for those whose role has them. */
export function AppNavigation({ path, roles }: { path: string; roles: readonly Role[] }) {
  const styles = useStyles();
  const { t } = useI18n();
  const current = path === '/' ? '/personal' : path;
  const links = ITEMS.filter((item) => !item.roles || item.roles.some((role) => roles.includes(role))).map(
    (item) => ({ href: buildHash(item.path), label: t(item.label), current: item.path === current }),
  );
  return <LinkNavigation className={styles.bar} label={t('nav.label')} links={links} />;
}
