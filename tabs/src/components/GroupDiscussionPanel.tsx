import { Badge, Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useState } from 'react';
import type { ApiClient } from '../api/client';
import { asApiError } from '../api/http';
import { groupDiscussionPreview, startGroupDiscussion } from '../api/team';
import type { LedTeam } from '../api/types';
import { useI18n } from '../i18n/I18nContext';
import { useListStyles } from './listStyles';
import type { HostChannel } from '../teams/host';
import { EmptyState } from './EmptyState';
import { errorMessage } from './ErrorState';
import { LiveMessage, type ActionMessage } from './LiveMessage';

/** The SDK and its Markdown renderer load only when a preview is asked for. */
const CardPreview = lazy(async () => ({ default: (await import('../cards/CardPreview')).CardPreview }));

const useStyles = makeStyles({
  item: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  name: { fontWeight: tokens.fontWeightSemibold, flexGrow: 1 },
});

export interface GroupDiscussionPanelProps {
  api: ApiClient;
  year: number;
  teams: LedTeam[];
  /** The Teams channel this page is open in, where the card is posted; null outside a channel. */
  channel: HostChannel | null;
}

/** The teams the supervisor leads, and starting each one's group competence discussion for the year. */
export function GroupDiscussionPanel({ api, year, teams, channel }: GroupDiscussionPanelProps) {
  const styles = useStyles();
  const lists = useListStyles();
  const { t } = useI18n();
  const [started, setStarted] = useState<Record<string, LedTeam['groupDiscussion']>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<ActionMessage | null>(null);
  const [preview, setPreview] = useState<{ team: LedTeam; card: object } | null>(null);

  if (teams.length === 0) return <EmptyState text={t('group.noTeams')} />;

  const start = async (team: LedTeam) => {
    setBusy(team.id);
    setMessage(null);
    try {
      const result = await startGroupDiscussion(api, year, team.id, channel);
      setStarted((current) => ({ ...current, [team.id]: result.groupDiscussion }));
      setMessage(
        result.posted === 'delivered'
          ? { intent: 'success', text: t('group.posted', { team: team.name }) }
          : result.posted === 'willRetry'
            ? { intent: 'warning', text: t('group.postWillRetry', { team: team.name }) }
            : {
                intent: 'warning',
                text: t(channel ? 'group.postFailed' : 'group.noChannel', { team: team.name }),
              },
      );
    } catch (error) {
      const apiError = asApiError(error);
      setMessage({ intent: 'error', text: errorMessage(apiError, t) });
    } finally {
      setBusy(null);
    }
  };

  const showPreview = async (team: LedTeam) => {
    setBusy(team.id);
    setMessage(null);
    try {
      setPreview({ team, card: await groupDiscussionPreview(api, year, team.id) });
    } catch (error) {
      setMessage({ intent: 'error', text: errorMessage(asApiError(error), t) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      {channel ? null : <p>{t('group.channelHint')}</p>}
      <ul className={lists.stack}>
        {teams.map((team) => {
          const discussion = started[team.id] ?? team.groupDiscussion;
          return (
            <li key={team.id} className={mergeClasses(lists.card, styles.item)}>
              <span className={styles.name}>{team.name}</span>
              {!team.holdsGroupDiscussion ? (
                <Badge appearance="tint" color="subtle">
                  {t('group.notThisYear')}
                </Badge>
              ) : discussion ? (
                <>
                  <Badge appearance="tint" color={discussion.status === 'open' ? 'brand' : 'success'}>
                    {t(discussion.status === 'open' ? 'group.open' : 'group.concluded')}
                  </Badge>
                  {discussion.posted ? (
                    <Badge appearance="outline" color="informative">
                      {t('group.inChannel')}
                    </Badge>
                  ) : null}
                </>
              ) : (
                <Badge appearance="tint" color="informative">
                  {t('group.notStarted')}
                </Badge>
              )}
              {team.holdsGroupDiscussion ? (
                <Button
                  disabled={busy !== null}
                  onClick={() => void start(team)}
                  aria-label={t(discussion ? 'group.postAgainFor' : 'group.startFor', { team: team.name })}
                >
                  {discussion ? t('group.postAgain') : t('group.start')}
                </Button>
              ) : null}
              {team.holdsGroupDiscussion ? (
                <Button
                  appearance="subtle"
                  disabled={busy !== null}
                  onClick={() => void showPreview(team)}
                  aria-label={t('group.previewFor', { team: team.name })}
                >
                  {t('group.preview')}
                </Button>
              ) : null}
            </li>
          );
        })}
      </ul>
      {preview ? (
        <Suspense fallback={null}>
          <CardPreview card={preview.card} label={t('group.previewLabel', { team: preview.team.name })} />
        </Suspense>
      ) : null}
      <LiveMessage message={message} layout="multiline" />
    </>
  );
}
