import { FluentProvider, makeStyles, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { SessionProvider, useSession, type Session } from './auth/useSession';
import { AppNavigation } from './components/AppNavigation';
import { LoadingState } from './components/LoadingState';
import { PersonaSwitcher } from './components/PersonaSwitcher';
import { I18nProvider, useI18n } from './i18n/I18nContext';
import { chooseLocale, intlTag, type Locale } from './i18n/locale';
import { LanguageChoiceProvider } from './i18n/languageChoice';
import { MyCompetencePage } from './pages/MyCompetencePage';
import { useHashRoute, withDeepLink, type HashRoute } from './routing/hashRoute';
import type { HostChannel } from './teams/host';
import { teamsLightTheme } from './teams/theme';
import { useHost } from './teams/useHost';

// Everything but the personal tab's first view is fetched when opened, to keep the first view small.
const ClockPage = lazy(() => import('./pages/ClockPage').then((m) => ({ default: m.ClockPage })));
const TeamPage = lazy(() => import('./pages/TeamPage').then((m) => ({ default: m.TeamPage })));
const HrPage = lazy(() => import('./pages/HrPage').then((m) => ({ default: m.HrPage })));
const ChannelPage = lazy(() => import('./pages/ChannelPage').then((m) => ({ default: m.ChannelPage })));
const ConfigPage = lazy(() => import('./pages/ConfigPage').then((m) => ({ default: m.ConfigPage })));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage').then((m) => ({ default: m.NotFoundPage })));
const AccessibilityPage = lazy(() =>
  import('./pages/AccessibilityPage').then((m) => ({ default: m.AccessibilityPage })),
);

/** The personal app's views share the navigation; the channel tab and its setup page stand alone. */
const PERSONAL_PATHS = ['/', '/personal', '/clock', '/team', '/hr'];

const useStyles = makeStyles({
  // The provider fills the Teams frame so the theme's background reaches the edges.
  root: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
});

function Page({
  route,
  inTeams,
  channel,
}: {
  route: HashRoute;
  inTeams: boolean;
  channel: HostChannel | null;
}) {
  switch (route.path) {
    case '/':
    case '/personal':
      return <MyCompetencePage />;
    case '/clock':
      return <ClockPage route={route} />;
    case '/team':
      return <TeamPage route={route} hostChannel={channel} />;
    case '/hr':
      return <HrPage route={route} />;
    case '/channel':
      return <ChannelPage route={route} hostChannel={channel} />;
    case '/config':
      return <ConfigPage inTeams={inTeams} channel={channel} />;
    case '/accessibility':
      return <AccessibilityPage />;
    default:
      return <NotFoundPage path={route.path} />;
  }
}

function Frame({ session, route, children }: { session: Session; route: HashRoute; children: ReactNode }) {
  const dev = session.status === 'outsideTeams' ? null : session.dev;
  const roles = session.status === 'signedIn' ? session.me.person.roles : [];
  return (
    <>
      {dev ? <PersonaSwitcher dev={dev} /> : null}
      {PERSONAL_PATHS.includes(route.path) ? <AppNavigation path={route.path} roles={roles} /> : null}
      {children}
    </>
  );
}

/** `?locale=` may be in the page's query or in the hash route's query. */
function localeFromUrl(route: HashRoute): string | null {
  return route.query.get('locale') ?? new URLSearchParams(window.location.search).get('locale');
}

export function App() {
  const styles = useStyles();
  const host = useHost();
  const route = withDeepLink(useHashRoute(), host.status === 'ready' ? host.subEntityId : undefined);
  const language = useRef<Locale>('fi');
  const session = useSession(host, () => language.current);
  const teamsLocale = host.status === 'ready' ? host.locale : undefined;
  const personLocale = session.status === 'signedIn' ? session.me.person.locale : undefined;
  const urlLocale = localeFromUrl(route);
  // A choice made on this page, then `?locale=` (local development), then the person's own language (their
  // stored choice, else their HR record's, as /api/v1/me says), then Teams', then the browser's.
  const [chosenHere, setChosenHere] = useState<Locale | null>(null);
  const locale: Locale = useMemo(
    () => chooseLocale([chosenHere, urlLocale, personLocale, teamsLocale, navigator.language]),
    [chosenHere, teamsLocale, urlLocale, personLocale],
  );
  language.current = locale;
  const theme = host.status === 'ready' ? host.fluentTheme : teamsLightTheme;

  useEffect(() => {
    // Screen readers pick their voice from the document language.
    document.documentElement.lang = intlTag(locale);
  }, [locale]);

  return (
    <FluentProvider theme={theme} className={styles.root}>
      <I18nProvider locale={locale}>
        <LanguageChoiceProvider value={setChosenHere}>
          <SessionProvider value={session}>
            {host.status === 'connecting' ? (
              <ConnectingState />
            ) : (
              <Frame session={session} route={route}>
                <Suspense fallback={<ConnectingState />}>
                  <Page route={route} inTeams={host.inTeams} channel={host.channel ?? null} />
                </Suspense>
              </Frame>
            )}
          </SessionProvider>
        </LanguageChoiceProvider>
      </I18nProvider>
    </FluentProvider>
  );
}

function ConnectingState() {
  const { t } = useI18n();
  return <LoadingState label={t('app.connecting')} />;
}
