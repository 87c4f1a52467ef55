import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  tokens,
} from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../api/client';
import { ApiError, asApiError } from '../api/http';
import { invitationPreview, meetingCalendarFile, scheduleMeeting } from '../api/team';
import type { DateWindow, MeetingOutcome, ReportRow } from '../api/types';
import { DataTable, RowHeader } from '../components/DataTable';
import { useDataTableStyles } from '../components/dataTableStyles';
import { EmptyState } from '../components/EmptyState';
import { errorMessage } from '../components/ErrorState';
import { LiveMessage, type ActionMessage } from '../components/LiveMessage';
import { MinutesSelect } from '../components/MinutesSelect';
import { useI18n } from '../i18n/I18nContext';
import { fullName } from './names';
import { failureText, meetingText, type InvitationResult } from './outcomes';
import {
  MEETING_DURATIONS,
  defaultFirstTime,
  isLocalInput,
  localInputToIso,
  meetingProblem,
  proposeSlots,
} from './slots';

/** The SDK and its Markdown renderer load only when a preview is asked for. */
const CardPreview = lazy(async () => ({ default: (await import('../cards/CardPreview')).CardPreview }));

/** Saves the meeting's .ics from the API as a file the supervisor can send or open in another calendar. */
async function downloadIcs(api: ApiClient, icsPath: string): Promise<void> {
  const file = await meetingCalendarFile(api, icsPath);
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name ?? 'meeting.ics';
  link.click();
  URL.revokeObjectURL(url);
}

const GAPS = [0, 15, 30];
const DAY_START = 8 * 60;
const DAY_END = 16 * 60;

const useStyles = makeStyles({
  form: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'flex-end' },
  results: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

interface Proposal {
  row: ReportRow;
  time: string;
}

export interface SchedulingPanelProps {
  api: ApiClient;
  year: number;
  selected: ReportRow[];
  windows: Record<string, DateWindow[]>;
  onScheduled: (employeeId: string, outcome: MeetingOutcome) => void;
  onLatest: (employeeId: string, latest: ReportRow['discussion']) => void;
  onDone: () => void;
}

/**
 * Scheduling several people at once: propose back-to-back times inside the clock's window, adjust any of
 * them, then send the invitations; each goes out through the bot to the person's Teams chat.
 */
export function SchedulingPanel({
  api,
  year,
  selected,
  windows,
  onScheduled,
  onLatest,
  onDone,
}: SchedulingPanelProps) {
  const styles = useStyles();
  const table = useDataTableStyles();
  const { t, formatDate } = useI18n();
  const allWindows = [
    ...new Map(
      selected.flatMap((row) => windows[row.serviceAreaId] ?? []).map((w) => [`${w.opens}${w.closes}`, w]),
    ).values(),
  ];
  // Until the supervisor types a time, the first proposal follows the selected people's windows.
  const [typedFirst, setFirst] = useState<string | null>(null);
  const first = typedFirst ?? defaultFirstTime(allWindows);
  const [duration, setDuration] = useState(60);
  const [gap, setGap] = useState(15);
  const [proposals, setProposals] = useState<Proposal[]>([]);
  const [sending, setSending] = useState(false);
  const [results, setResults] = useState<InvitationResult[]>([]);
  const resultsRef = useRef<HTMLDivElement>(null);
  // The invitation one proposal would send, as Teams will show it; gone when its time or length changes.
  const [preview, setPreview] = useState<{ employeeId: string; name: string; card: object } | null>(null);
  const [previewing, setPreviewing] = useState<string | null>(null);
  const [previewError, setPreviewError] = useState<ActionMessage | null>(null);
  // After sending, keyboard focus goes to what happened (the button that had it is gone).
  useEffect(() => {
    if (results.length > 0) resultsRef.current?.focus();
  }, [results]);

  if (selected.length === 0 && proposals.length === 0 && results.length === 0) {
    return <EmptyState text={t('team.selectToSchedule')} />;
  }

  const propose = () => {
    const times = proposeSlots(
      {
        first,
        durationMinutes: duration,
        gapMinutes: gap,
        dayStartMinutes: DAY_START,
        dayEndMinutes: DAY_END,
      },
      selected.length,
    );
    setProposals(selected.map((row, i) => ({ row, time: times[i] ?? first })));
    setResults([]);
    setPreview(null);
  };

  const problem = (proposal: Proposal): string | null => {
    if (!isLocalInput(proposal.time)) return t('team.timeInvalid');
    const found = meetingProblem(proposal.time, windows[proposal.row.serviceAreaId] ?? []);
    return found ? t(found) : null;
  };
  const ready = proposals.length > 0 && proposals.every((p) => problem(p) === null);

  const showPreview = async ({ row, time }: Proposal) => {
    setPreviewing(row.id);
    setPreviewError(null);
    try {
      const card = await invitationPreview(api, year, row.id, localInputToIso(time), duration);
      setPreview({ employeeId: row.id, name: fullName(row), card });
    } catch (error) {
      setPreview(null);
      setPreviewError({ intent: 'error', text: errorMessage(asApiError(error), t) });
    } finally {
      setPreviewing(null);
    }
  };

  const send = async () => {
    setSending(true);
    setPreview(null);
    const done: InvitationResult[] = [];
    for (const { row, time } of proposals) {
      const name = fullName(row);
      try {
        const outcome = await scheduleMeeting(
          api,
          year,
          row.id,
          localInputToIso(time),
          duration,
          row.discussion?.etag ?? null,
        );
        onScheduled(row.id, outcome);
        done.push({
          employeeId: row.id,
          name,
          ok: outcome.invitation === 'delivered',
          text: meetingText(outcome, name, t),
          fallback: outcome.fallback ?? null,
        });
      } catch (error) {
        if (error instanceof ApiError && error.kind === 'conflict') {
          onLatest(row.id, (error.service?.details?.latest as ReportRow['discussion']) ?? null);
        }
        done.push({ employeeId: row.id, name, ok: false, text: failureText(error, name, t) });
      }
    }
    setResults(done);
    setProposals([]);
    setSending(false);
    onDone();
  };

  return (
    <>
      {allWindows.length > 0 ? (
        <p>
          {t('team.windowNote', {
            windows: allWindows.map((w) => `${formatDate(w.opens)}–${formatDate(w.closes)}`).join(', '),
          })}
        </p>
      ) : null}
      {selected.length > 0 ? (
        <div className={styles.form}>
          <Field label={t('team.firstTime')}>
            <Input type="datetime-local" value={first} onChange={(_, data) => setFirst(data.value)} />
          </Field>
          <Field label={t('team.duration')}>
            <MinutesSelect
              options={MEETING_DURATIONS}
              value={duration}
              onChange={(minutes) => {
                setDuration(minutes);
                setPreview(null);
              }}
            />
          </Field>
          <Field label={t('team.gap')}>
            <MinutesSelect options={GAPS} value={gap} onChange={setGap} />
          </Field>
          <Button onClick={propose} disabled={!isLocalInput(first)}>
            {t('team.propose', { count: selected.length })}
          </Button>
        </div>
      ) : null}
      {proposals.length > 0 ? (
        <>
          <DataTable
            caption={t('team.proposalsCaption')}
            columns={[
              { label: t('team.columnName') },
              { label: t('team.columnTime') },
              { label: t('team.columnPreview') },
            ]}
          >
            {proposals.map((proposal, index) => {
              const name = fullName(proposal.row);
              const issue = problem(proposal);
              return (
                <tr key={proposal.row.id}>
                  <RowHeader>{name}</RowHeader>
                  <td className={table.cell}>
                    <Field validationState={issue ? 'error' : 'none'} validationMessage={issue ?? undefined}>
                      <Input
                        aria-label={t('team.timeFor', { name })}
                        type="datetime-local"
                        value={proposal.time}
                        onChange={(_, data) => {
                          setProposals((current) =>
                            current.map((p, i) => (i === index ? { ...p, time: data.value } : p)),
                          );
                          if (preview?.employeeId === proposal.row.id) setPreview(null);
                        }}
                      />
                    </Field>
                  </td>
                  <td className={table.cell}>
                    <Button
                      appearance="subtle"
                      disabled={issue !== null || previewing !== null || sending}
                      onClick={() => void showPreview(proposal)}
                      aria-label={t('team.previewInvitationFor', { name })}
                    >
                      {t('team.previewInvitation')}
                    </Button>
                  </td>
                </tr>
              );
            })}
          </DataTable>
          {preview ? (
            <Suspense fallback={null}>
              <CardPreview
                card={preview.card}
                label={t('team.previewInvitationLabel', { name: preview.name })}
              />
            </Suspense>
          ) : null}
          <LiveMessage message={previewError} layout="multiline" />
          <div>
            <Button appearance="primary" disabled={!ready || sending} onClick={() => void send()}>
              {sending ? t('team.sending') : t('team.sendInvitations', { count: proposals.length })}
            </Button>
          </div>
        </>
      ) : null}
      <div aria-live="polite" ref={resultsRef} tabIndex={-1}>
        {results.length > 0 ? (
          <MessageBar intent={results.every((r) => r.ok) ? 'success' : 'warning'} layout="multiline">
            <MessageBarBody>
              <ul className={styles.results}>
                {results.map((result) => (
                  <li key={result.employeeId}>
                    {result.text}
                    {result.fallback ? (
                      <>
                        {' '}
                        {t('team.fallbackIntro')}{' '}
                        <a href={result.fallback.teamsMeetingLink} target="_blank" rel="noreferrer">
                          {t('team.fallbackTeamsLink', { name: result.name })}
                        </a>{' '}
                        <Button
                          size="small"
                          onClick={() => void downloadIcs(api, result.fallback?.icsPath ?? '')}
                        >
                          {t('team.fallbackIcs', { name: result.name })}
                        </Button>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
    </>
  );
}
