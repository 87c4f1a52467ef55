import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import {
  fetchAreaChannel,
  linkableChannel,
  linkAreaChannel,
  linkTeamChannel,
  type ChannelAddress,
} from '../api/channel';
import type { ApiClient } from '../api/client';
import { asApiError } from '../api/http';
import type { WholeTeam } from '../api/team';
import type { LedTeam, Me } from '../api/types';
import { useResource, type ResourceState } from '../api/useResource';
import { ErrorState, errorMessage } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { useI18n } from '../i18n/I18nContext';
import { useListStyles } from '../components/listStyles';
import type { MessageKey } from '../i18n/fi';
import type { HostChannel } from '../teams/host';
import { LiveMessage, type ActionMessage } from '../components/LiveMessage';

const useStyles = makeStyles({
  list: { alignItems: 'flex-start' },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
});

/** Who may link the area's channel, as the service decides it (it stays the authority). */
export function mayLinkArea(me: Me, serviceAreaId: string): boolean {
  const { roles } = me.person;
  return (
    roles.includes('hr') ||
    (roles.includes('serviceAreaManagementTeam') && me.person.serviceAreaId === serviceAreaId)
  );
}

const sameChannel = (a: ChannelAddress, b: ChannelAddress) =>
  a.teamId === b.teamId && a.channelId === b.channelId;

function AreaChannelLink({
  api,
  serviceAreaId,
  channel,
  busy,
  onSave,
}: {
  api: ApiClient;
  serviceAreaId: string;
  channel: HostChannel;
  busy: boolean;
  onSave: (save: () => Promise<ChannelAddress>) => Promise<ChannelAddress | null>;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const { state, update } = useResource(
    (signal) => fetchAreaChannel(api, serviceAreaId, signal),
    `area-channel:${serviceAreaId}`,
  );
  const here = linkableChannel(channel);
  // What is linked now is only a hint: when it cannot be read, the button still links this channel.
  const current =
    state.status !== 'ready'
      ? null
      : state.data === null
        ? t('channelLinks.currentNone')
        : t(sameChannel(state.data, here) ? 'channelLinks.currentThis' : 'channelLinks.currentOther');
  const save = async () => {
    const linked = await onSave(() => linkAreaChannel(api, serviceAreaId, channel));
    if (linked) update(() => linked);
  };
  return (
    <>
      {current ? <p className={styles.muted}>{current}</p> : null}
      <Button appearance="primary" disabled={busy} onClick={() => void save()}>
        {t('channelLinks.linkArea')}
      </Button>
    </>
  );
}

export interface ChannelLinksProps {
  api: ApiClient;
  me: Me;
  serviceAreaId: string;
  /** The Teams channel this tab is open in; null outside a channel. */
  channel: HostChannel | null;
  /** The teams the person leads (a supervisor's); null for anyone else. */
  ledTeams: { state: ResourceState<WholeTeam>; retry: () => void } | null;
}

/**
 * Where the annual clock posts: HR or the area's management team makes this channel the service area's (its
 * reminders and published summaries), a supervisor makes it the channel of a team they lead (its reminders).
 */
export function ChannelLinks({ api, me, serviceAreaId, channel, ledTeams }: ChannelLinksProps) {
  const styles = useStyles();
  const lists = useListStyles();
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<ActionMessage | null>(null);
  const linksArea = mayLinkArea(me, serviceAreaId);

  async function run<T>(save: () => Promise<T>, done: string, forbidden: MessageKey): Promise<T | null> {
    setBusy(true);
    setMessage(null);
    try {
      const result = await save();
      setMessage({ intent: 'success', text: done });
      return result;
    } catch (error) {
      const apiError = asApiError(error);
      setMessage({
        intent: 'error',
        text: apiError.kind === 'forbidden' ? t(forbidden) : errorMessage(apiError, t),
      });
      return null;
    } finally {
      setBusy(false);
    }
  }

  const linkTeam = (team: LedTeam, here: HostChannel) =>
    void run(
      () => linkTeamChannel(api, team.id, here),
      t('channelLinks.teamLinked', { team: team.name }),
      'channelLinks.forbiddenTeam',
    );

  if (!channel) return <p className={styles.muted}>{t('channelLinks.outsideChannel')}</p>;
  const teams = ledTeams?.state;
  return (
    <>
      <p className={styles.muted}>{t('channelLinks.intro')}</p>
      {linksArea ? (
        <AreaChannelLink
          api={api}
          serviceAreaId={serviceAreaId}
          channel={channel}
          busy={busy}
          onSave={(save) => run(save, t('channelLinks.areaLinked'), 'channelLinks.forbiddenArea')}
        />
      ) : null}
      {teams?.status === 'loading' ? <LoadingState label={t('team.loading')} /> : null}
      {teams?.status === 'error' && ledTeams ? (
        <ErrorState error={teams.error} onRetry={ledTeams.retry} />
      ) : null}
      {teams?.status === 'ready' && teams.data.teams.length > 0 ? (
        <ul className={mergeClasses(lists.stack, styles.list)}>
          {teams.data.teams.map((team) => (
            <li key={team.id}>
              <Button disabled={busy} onClick={() => linkTeam(team, channel)}>
                {t('channelLinks.linkTeam', { team: team.name })}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <LiveMessage message={message} layout="multiline" />
    </>
  );
}
