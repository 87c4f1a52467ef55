import { MAX_CONCLUSION_LENGTH } from '../../../bot/src/domain/content-limits';
import { anyTooLong, LimitedTextarea } from '../components/LimitedTextarea';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Link,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  mergeClasses,
  Select,
  tokens,
} from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { ApiClient } from '../api/client';
import { fieldRefusal, refusalAt, withoutField, type FieldRefusal } from '../api/fieldRefusal';
import { asApiError } from '../api/http';
import {
  fetchKnownChannels,
  fetchSummaries,
  fetchSummary,
  GROUP_THEME_IDS,
  linkAreaChannel,
  saveConclusions,
  summaryStep,
  type GroupThemeId,
  type LinkedChannel,
  type SummaryDetail,
  type SummaryRow,
  type SummaryStep,
} from '../api/hrDesk';
import { useResource } from '../api/useResource';
import { DataTable, RowHeader } from '../components/DataTable';
import { useDataTableStyles } from '../components/dataTableStyles';
import { errorMessage, ErrorState } from '../components/ErrorState';
import { LiveMessage, type ActionMessage } from '../components/LiveMessage';
import { LoadingState } from '../components/LoadingState';
import { Section } from '../components/Section';
import { useDialogMounted } from '../components/useDialogMounted';
import { YearNavigation } from '../components/YearNavigation';
import { useI18n } from '../i18n/I18nContext';
import type { HrYearViewProps } from './yearViewProps';
import type { Translate } from '../i18n/translate';
import { buildHash } from '../routing/hashRoute';

/** The card as Teams renders it (the adaptivecards SDK with Teams' host config), loaded when a preview is shown. */
const CardPreview = lazy(async () => ({ default: (await import('../cards/CardPreview')).CardPreview }));

const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  failed: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2, margin: 0 },
});

/** The poster's outcome codes (the bot's OutcomeCode); 'noConversation' is an older record's. */
const reasonText = (reason: string, t: Translate): string =>
  t(
    ['notInstalled', 'removed', 'noConversation'].includes(reason)
      ? 'summaries.reason.noConversation'
      : reason === 'willRetry'
        ? 'summaries.reason.willRetry'
        : 'summaries.reason.failed',
  );

/** The status as words: a publish whose post failed is "not published", never "published". */
function statusText(
  row: Pick<SummaryRow, 'status' | 'publishedAt' | 'postFailure'>,
  t: Translate,
  formatDate: (iso: string) => string,
): string {
  if (row.status === null) return t('summaries.status.none');
  if (row.status === 'draft' && row.postFailure) return t('summaries.status.notPublished');
  if (row.status === 'draft') return t('summaries.status.draft');
  return t('summaries.status.published', { date: row.publishedAt ? formatDate(row.publishedAt) : '' });
}

const channelLabel = (channel: LinkedChannel, t: Translate): string =>
  t('summaries.channelOption', {
    channel: channel.channelName ?? t('summaries.channelGeneral'),
    team: channel.teamId,
  });

/** HR's summaries (koonnit): every service area of the year, or one area's summary to work on. */
export function SummariesDesk({
  api,
  year,
  serviceAreaId,
  onYearChange,
}: HrYearViewProps & { serviceAreaId: string | undefined }) {
  if (serviceAreaId && year) return <SummaryEditor api={api} year={year} serviceAreaId={serviceAreaId} />;
  return <SummaryList api={api} year={year} onYearChange={onYearChange} />;
}

function SummaryList({ api, year, onYearChange }: HrYearViewProps) {
  const table = useDataTableStyles();
  const styles = useStyles();
  const { t, formatDateTime: formatDate } = useI18n();
  const { state, retry } = useResource((signal) => fetchSummaries(api, year, signal), `summaries-${year}`);
  if (state.status === 'loading') return <LoadingState label={t('summaries.loading')} />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={retry} />;
  const data = state.data;
  return (
    <Section
      title={t('summaries.heading', { year: data.year })}
      actions={<YearNavigation year={data.year} onChange={onYearChange} />}
    >
      <p className={styles.muted}>{t('summaries.intro')}</p>
      <DataTable
        caption={t('summaries.caption', { year: data.year })}
        columns={[
          { label: t('summaries.columnArea') },
          { label: t('summaries.columnStatus') },
          { label: t('summaries.columnChannel') },
        ]}
      >
        {data.serviceAreas.map((row) => (
          <tr key={row.serviceArea.id}>
            <RowHeader>
              <Link
                href={buildHash('/hr', { view: 'summaries', year: data.year, area: row.serviceArea.id })}
                aria-label={t('summaries.open', { area: row.serviceArea.name })}
              >
                {row.serviceArea.name}
              </Link>
            </RowHeader>
            <td
              className={mergeClasses(
                table.cell,
                row.postFailure !== null && row.status === 'draft' && styles.failed,
              )}
            >
              {statusText(row, t, formatDate)}
            </td>
            <td className={table.cell}>
              {row.channel ? channelLabel(row.channel, t) : t('summaries.channelNone')}
            </td>
          </tr>
        ))}
      </DataTable>
    </Section>
  );
}

const STEP_DONE: Record<SummaryStep, 'summaries.drafted' | 'summaries.collected' | null> = {
  draft: 'summaries.drafted',
  collect: 'summaries.collected',
  publish: null,
  revise: null,
};

const textsOf = (detail: SummaryDetail): Record<GroupThemeId, string> =>
  Object.fromEntries(
    GROUP_THEME_IDS.map((theme) => [theme, (detail.summary?.conclusions[theme] ?? []).join('\n')]),
  ) as Record<GroupThemeId, string>;

function SummaryEditor({
  api,
  year,
  serviceAreaId,
}: {
  api: ApiClient;
  year: number;
  serviceAreaId: string;
}) {
  const styles = useStyles();
  const table = useDataTableStyles();
  const { t, formatDateTime } = useI18n();
  const formatDate = formatDateTime;
  const { state, retry, update } = useResource(
    (signal) => fetchSummary(api, year, serviceAreaId, signal),
    `summary-${year}-${serviceAreaId}`,
  );
  const [texts, setTexts] = useState<Record<GroupThemeId, string> | null>(null);
  const [message, setMessage] = useState<ActionMessage | null>(null);
  // The fields a save was refused for (control characters), shown under each until it is edited.
  const [refusal, setRefusal] = useState<FieldRefusal | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmCollect, setConfirmCollect] = useState(false);
  const collectMounted = useDialogMounted(confirmCollect);
  const detail = state.status === 'ready' ? state.data : null;

  useEffect(() => {
    if (detail && texts === null) setTexts(textsOf(detail));
  }, [detail, texts]);

  if (state.status === 'loading') return <LoadingState label={t('summaries.loading')} />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={retry} />;
  const data = state.data;
  const summary = data.summary;
  const editable = summary?.status === 'draft';
  const failure = editable ? summary.postFailure : null;

  /** Runs a change; the answer replaces what is shown. A conflict shows the latest and keeps what was typed. */
  const run = async (
    change: () => Promise<SummaryDetail>,
    done: (next: SummaryDetail) => ActionMessage | null,
    replaceTexts: boolean,
  ) => {
    setBusy(true);
    setMessage(null);
    setRefusal(null);
    try {
      const next = await change();
      update(() => next);
      if (replaceTexts) setTexts(textsOf(next));
      setMessage(done(next));
    } catch (error) {
      const apiError = asApiError(error);
      const latest = apiError.service?.details?.latest as SummaryDetail | undefined;
      if (apiError.kind === 'conflict' && latest) {
        update(() => latest);
        setMessage({ intent: 'warning', text: t('summaries.conflict') });
      } else {
        setRefusal(fieldRefusal(apiError, t));
        setMessage({ intent: 'error', text: errorMessage(apiError, t) });
      }
    } finally {
      setBusy(false);
    }
  };

  const step = (which: SummaryStep) =>
    run(
      () => summaryStep(api, data, which),
      (next) => {
        if (which === 'publish') {
          const failed = next.summary?.postFailure;
          return next.posted === 'sent' || !failed
            ? { intent: 'success', text: t('summaries.published') }
            : null;
        }
        if (which === 'revise') {
          const date = next.summary?.publishedAt;
          return {
            intent: 'success',
            text: date ? t('summaries.revised', { date: formatDate(date) }) : t('summaries.revisedNever'),
          };
        }
        const key = STEP_DONE[which];
        return key ? { intent: 'success', text: t(key) } : null;
      },
      which !== 'publish',
    );

  const save = () => {
    // Over-long conclusions are refused here, before anything is sent; what was typed stays in the fields.
    const edited = GROUP_THEME_IDS.map((theme) => ({
      text: texts?.[theme] ?? '',
      max: MAX_CONCLUSION_LENGTH,
      measure: 'perLine' as const,
    }));
    if (anyTooLong(edited)) {
      setMessage({ intent: 'error', text: t('counter.refused') });
      return Promise.resolve();
    }
    return run(
      () =>
        saveConclusions(
          api,
          data,
          Object.fromEntries(
            GROUP_THEME_IDS.map((theme) => [
              theme,
              (texts?.[theme] ?? '')
                .split('\n')
                .map((line) => line.trim())
                .filter(Boolean),
            ]),
          ),
        ),
      () => ({ intent: 'success', text: t('summaries.saved') }),
      true,
    );
  };

  return (
    <div className={styles.column}>
      <Link href={buildHash('/hr', { view: 'summaries', year })}>{t('summaries.back')}</Link>
      <Section title={t('summaries.detailHeading', { area: data.serviceArea.name, year })}>
        <p className={mergeClasses(styles.muted, failure !== null && styles.failed)}>
          {statusText(
            {
              status: summary?.status ?? null,
              publishedAt: summary?.publishedAt ?? null,
              postFailure: failure,
            },
            t,
            formatDate,
          )}
        </p>
        {failure ? (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              {t('summaries.notPublished', { reason: reasonText(failure.reason, t) })}
            </MessageBarBody>
            <MessageBarActions>
              <Button appearance="primary" disabled={busy} onClick={() => void step('publish')}>
                {t('summaries.retry')}
              </Button>
            </MessageBarActions>
          </MessageBar>
        ) : null}
        <LiveMessage message={message} role="status" layout="multiline" />
        {!summary ? <p>{t('summaries.noDraft')}</p> : null}
        {summary && editable ? (
          <div className={styles.column}>
            <h3>{t('summaries.conclusionsHeading')}</h3>
            {GROUP_THEME_IDS.map((theme) => (
              <LimitedTextarea
                key={theme}
                label={t(`theme.${theme}`)}
                hint={t('summaries.conclusionsHelp')}
                max={MAX_CONCLUSION_LENGTH}
                measure="perLine"
                problem={refusalAt(refusal, `conclusions.${theme}`)}
                value={texts?.[theme] ?? ''}
                onChange={(value) => {
                  setTexts((current) => ({ ...(current ?? textsOf(data)), [theme]: value }));
                  setRefusal((current) => withoutField(current, `conclusions.${theme}`));
                }}
              />
            ))}
          </div>
        ) : null}
        {summary && !editable ? (
          <div className={styles.column}>
            <h3>{t('summaries.conclusionsHeading')}</h3>
            {GROUP_THEME_IDS.filter((theme) => (summary.conclusions[theme] ?? []).length > 0).map((theme) => (
              <div key={theme}>
                <h4>{t(`theme.${theme}`)}</h4>
                <ul className={styles.list}>
                  {(summary.conclusions[theme] ?? []).map((text, index) => (
                    <li key={index}>{text}</li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        ) : null}
        <div className={styles.row}>
          {!summary ? (
            <Button appearance="primary" disabled={busy} onClick={() => void step('draft')}>
              {t('summaries.createDraft')}
            </Button>
          ) : null}
          {editable ? (
            <>
              <Button disabled={busy} onClick={() => void save()}>
                {t('summaries.save')}
              </Button>
              <Button
                appearance="primary"
                disabled={busy || !data.channel}
                onClick={() => void step('publish')}
              >
                {failure ? t('summaries.retry') : t('summaries.publish')}
              </Button>
              <Button disabled={busy} onClick={() => void step('draft')}>
                {t('summaries.refresh')}
              </Button>
              <Button disabled={busy} onClick={() => setConfirmCollect(true)}>
                {t('summaries.collect')}
              </Button>
            </>
          ) : null}
          {summary?.status === 'published' ? (
            <Button disabled={busy} onClick={() => void step('revise')}>
              {t('summaries.revise')}
            </Button>
          ) : null}
        </div>
      </Section>

      <ChannelSection
        api={api}
        detail={data}
        onLinked={(channel) => update((current) => ({ ...current, channel }))}
      />

      <Section title={t('summaries.suppressedHeading')}>
        <p className={styles.muted}>{t('summaries.suppressedIntro', { threshold: data.threshold })}</p>
        <p className={styles.muted}>
          {data.suppressed.releasedAt
            ? t('figures.releasedAt', { date: formatDateTime(data.suppressed.releasedAt) })
            : t('figures.notReleased', { threshold: data.threshold })}{' '}
          {t('figures.releasedHow', { threshold: data.threshold })}
        </p>
        <ul className={styles.list}>
          {data.suppressed.areaBelowThreshold ? (
            <li>{t('summaries.areaBelowThreshold')}</li>
          ) : (
            <li>{t('summaries.respondents', { count: data.respondents ?? 0 })}</li>
          )}
          {(['competenceFigures', 'teamsCombined', 'heatmapCells', 'developmentActions'] as const).map(
            (kind) => (
              <li key={kind}>{t(`summaries.suppressed.${kind}`, { count: data.suppressed[kind] })}</li>
            ),
          )}
          {(['small', 'change', 'hierarchy', 'complementary'] as const).map((reason) =>
            data.suppressed.reasons && data.suppressed.reasons[reason] > 0 ? (
              <li key={reason}>
                {t(`summaries.hiddenBecause.${reason}`, {
                  count: data.suppressed.reasons[reason],
                  threshold: data.threshold,
                })}
              </li>
            ) : null,
          )}
        </ul>
      </Section>

      <Section title={t('summaries.previewHeading')}>
        {data.preview ? (
          <Suspense fallback={null}>
            <CardPreview card={data.preview} label={t('summaries.previewHeading')} />
          </Suspense>
        ) : (
          <p className={styles.muted}>{t('summaries.previewNone')}</p>
        )}
      </Section>

      <Section title={t('summaries.historyHeading')}>
        {data.publications.length > 0 ? (
          <>
            <p className={styles.muted}>
              {t('summaries.publishedYears', { years: data.publications.map((p) => p.year).join(', ') })}
            </p>
            <ul className={styles.list} aria-label={t('summaries.publicationsCaption')}>
              {data.publications.map((publication) => (
                <li key={publication.year}>
                  {t('summaries.publicationReleased', {
                    year: publication.year,
                    published: formatDateTime(publication.publishedAt),
                    released: publication.releasedAt ? formatDateTime(publication.releasedAt) : '–',
                  })}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {summary && summary.history.length > 0 ? (
          <DataTable
            caption={t('summaries.historyCaption')}
            columns={[
              { label: t('summaries.historyWhen') },
              { label: t('summaries.historyWhat') },
              { label: t('summaries.historyWho') },
            ]}
          >
            {summary.history.map((event, index) => (
              <tr key={`${event.at}-${index}`}>
                <RowHeader className={table.nowrap}>{formatDateTime(event.at)}</RowHeader>
                <td className={table.cell}>
                  {event.action === 'postFailed'
                    ? t('summaries.history.postFailed', { reason: reasonText(event.reason ?? '', t) })
                    : t(`summaries.history.${event.action}`)}
                </td>
                <td className={table.cell}>{event.byName ?? event.by}</td>
              </tr>
            ))}
          </DataTable>
        ) : (
          <p className={styles.muted}>{t('summaries.historyEmpty')}</p>
        )}
      </Section>

      {collectMounted ? (
        <Dialog
          modalType="alert"
          open={confirmCollect}
          onOpenChange={(_event, value) => setConfirmCollect(value.open)}
        >
          <DialogSurface>
            <DialogBody>
              <DialogTitle>{t('summaries.collectTitle')}</DialogTitle>
              <DialogContent>{t('summaries.collectBody')}</DialogContent>
              <DialogActions>
                <Button appearance="secondary" onClick={() => setConfirmCollect(false)}>
                  {t('summaries.cancel')}
                </Button>
                <Button
                  appearance="primary"
                  onClick={() => {
                    setConfirmCollect(false);
                    void step('collect');
                  }}
                >
                  {t('summaries.collectConfirm')}
                </Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      ) : null}
    </div>
  );
}

/** Where the area's summaries go: HR links one of the channels the bot knows (outside Teams too). */
function ChannelSection({
  api,
  detail,
  onLinked,
}: {
  api: ApiClient;
  detail: SummaryDetail;
  /** The page shows the new link in place (no reload: this section's message stays). */
  onLinked: (channel: LinkedChannel) => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const { state, retry } = useResource((signal) => fetchKnownChannels(api, signal), 'known-channels');
  const [chosen, setChosen] = useState('');
  const [message, setMessage] = useState<ActionMessage | null>(null);
  const channels = state.status === 'ready' ? state.data : [];
  const keyOf = (channel: LinkedChannel) => `${channel.teamId}|${channel.channelId}`;

  const link = async () => {
    const channel = channels.find((candidate) => keyOf(candidate) === chosen);
    if (!channel) return;
    setMessage(null);
    try {
      await linkAreaChannel(api, detail.serviceArea.id, channel);
      setMessage({ intent: 'success', text: t('summaries.channelLinkDone') });
      onLinked(channel);
    } catch (error) {
      setMessage({ intent: 'error', text: errorMessage(asApiError(error), t) });
    }
  };

  return (
    <Section title={t('summaries.channelHeading')}>
      <p className={styles.muted}>
        {detail.channel
          ? t('summaries.channelCurrent', { channel: channelLabel(detail.channel, t) })
          : t('summaries.channelMissing')}
      </p>
      {state.status === 'error' ? <ErrorState error={state.error} onRetry={retry} /> : null}
      {state.status === 'ready' && channels.length === 0 ? (
        <p className={styles.muted}>{t('summaries.channelNoneKnown')}</p>
      ) : null}
      {channels.length > 0 ? (
        <form
          className={styles.row}
          onSubmit={(event) => {
            event.preventDefault();
            void link();
          }}
        >
          <Field label={t('summaries.channelChoose')}>
            <Select value={chosen} onChange={(_event, value) => setChosen(value.value)}>
              <option value="" />
              {channels.map((channel) => (
                <option key={keyOf(channel)} value={keyOf(channel)}>
                  {channelLabel(channel, t)}
                </option>
              ))}
            </Select>
          </Field>
          <Button type="submit" disabled={!chosen}>
            {t('summaries.channelLink')}
          </Button>
        </form>
      ) : null}
      <LiveMessage message={message} role="status" />
    </Section>
  );
}
