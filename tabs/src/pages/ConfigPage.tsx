import { Field, makeStyles, tokens } from '@fluentui/react-components';
import { pages } from '@microsoft/teams-js';
import { useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../api/client';
import { fetchServiceAreas } from '../api/channel';
import type { ServiceAreaName } from '../api/types';
import { useResource } from '../api/useResource';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { PageLayout } from '../components/PageLayout';
import { SessionGate } from '../components/SessionGate';
import { ServiceAreaSelect } from '../components/ServiceAreaSelect';
import { useI18n } from '../i18n/I18nContext';
import { parseHash } from '../routing/hashRoute';
import { channelContentUrl } from '../routing/tabUrls';
import type { HostChannel } from '../teams/host';
import { Notice } from '../components/Notice';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '32rem' },
  preview: { margin: 0, color: tokens.colorNeutralForeground2, wordBreak: 'break-all' },
});

/** The service area of the tab being reconfigured, so the choice starts from it. */
async function currentServiceAreaId(): Promise<string> {
  try {
    const { contentUrl } = await pages.getConfig();
    return parseHash(new URL(contentUrl).hash).query.get('serviceAreaId') ?? '';
  } catch {
    return '';
  }
}

function ConfigForm({
  api,
  inTeams,
  channel,
}: {
  api: ApiClient;
  inTeams: boolean;
  channel: HostChannel | null;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const { state, retry } = useResource((signal) => fetchServiceAreas(api, signal), 'service-areas');
  const [serviceAreaId, setServiceAreaId] = useState('');
  const areas: ServiceAreaName[] = state.status === 'ready' ? state.data : [];
  const area = areas.find((a) => a.id === serviceAreaId) ?? null;
  const contentUrl = area ? channelContentUrl(window.location.origin, area.id, channel) : '';

  // The save handler is registered once; it reads the latest choice through this ref.
  const latest = useRef<ServiceAreaName | null>(null);
  latest.current = area;

  useEffect(() => {
    if (!inTeams) return;
    void currentServiceAreaId().then((id) => setServiceAreaId((chosen) => chosen || id));
    pages.config.registerOnSaveHandler((saveEvent) => {
      const chosen = latest.current;
      if (!chosen) return saveEvent.notifyFailure(t('config.saveFailed'));
      const url = channelContentUrl(window.location.origin, chosen.id, channel);
      pages.config
        .setConfig({
          entityId: `osaamiskello-${chosen.id}`,
          contentUrl: url,
          websiteUrl: url,
          suggestedDisplayName: t('config.tabName', { serviceArea: chosen.name }),
        })
        .then(
          () => saveEvent.notifySuccess(),
          () => saveEvent.notifyFailure(t('config.saveFailed')),
        );
    });
    // Registered once per page load: `t` and the channel are settled before this page renders.
  }, [inTeams]);

  useEffect(() => {
    if (inTeams) pages.config.setValidityState(area !== null);
  }, [inTeams, area]);

  if (state.status === 'loading') return <LoadingState label={t('config.loading')} />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={retry} />;
  return (
    <form className={styles.form} onSubmit={(event) => event.preventDefault()}>
      <Field label={t('config.serviceAreaLabel')} hint={t('config.serviceAreaHint')} required>
        <ServiceAreaSelect
          areas={areas}
          value={serviceAreaId}
          onChange={setServiceAreaId}
          noneLabel={t('config.choose')}
        />
      </Field>
      <div aria-live="polite">
        {area ? (
          <>
            {inTeams ? <p>{t('config.ready')}</p> : null}
            <p className={styles.preview}>{t('config.preview', { url: contentUrl })}</p>
          </>
        ) : null}
      </div>
    </form>
  );
}

/**
 * The configurable tab's setup page (`#/config`). Teams shows its own Save button; this page tells Teams
 * when a service area is chosen and hands over the content URL, with the channel the tab is added to.
 */
export function ConfigPage({ inTeams, channel }: { inTeams: boolean; channel: HostChannel | null }) {
  const { t } = useI18n();
  return (
    <PageLayout title={t('config.heading')}>
      {inTeams ? null : (
        <Notice intent="info" title={t('config.standaloneTitle')}>
          {t('config.standaloneBody')}
        </Notice>
      )}
      <p>{t('config.intro')}</p>
      <SessionGate>{({ api }) => <ConfigForm api={api} inTeams={inTeams} channel={channel} />}</SessionGate>
    </PageLayout>
  );
}
