import {} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { ApiClient } from '../api/client';
import type { Me, Role } from '../api/types';
import { useSessionContext } from '../auth/useSession';
import { useI18n } from '../i18n/I18nContext';
import { ErrorState } from './ErrorState';
import { LoadingState } from './LoadingState';
import { Notice } from './Notice';

export interface SignedIn {
  me: Me;
  api: ApiClient;
}

/**
 * Renders its page only for a signed-in person (with one of `roles`, when given); otherwise says why not:
 * still signing in, open in Teams, sign-in failed, or this view is not for your role.
 */
export function SessionGate({
  roles,
  children,
}: {
  roles?: readonly Role[];
  children: (session: SignedIn) => ReactNode;
}) {
  const { t } = useI18n();
  const session = useSessionContext();
  switch (session.status) {
    case 'pending':
      return <LoadingState label={t('session.signingIn')} />;
    case 'outsideTeams':
      return (
        <Notice intent="info" title={t('session.openInTeamsTitle')}>
          {t('session.openInTeamsBody')}
        </Notice>
      );
    case 'failed':
      return <ErrorState error={session.error} title={t('session.failedTitle')} />;
    case 'signedIn':
      if (roles && !session.me.person.roles.some((role) => roles.includes(role))) {
        return (
          <Notice intent="warning" title={t('session.notForYouTitle')}>
            {t('session.notForYouBody')}
          </Notice>
        );
      }
      return <>{children({ me: session.me, api: session.api })}</>;
  }
}
