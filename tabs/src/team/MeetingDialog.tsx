import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiClient } from '../api/client';
import { asApiError } from '../api/http';
import { cancelMeeting, scheduleMeeting } from '../api/team';
import type { DateWindow, MeetingOutcome, ReportRow } from '../api/types';
import { errorMessage } from '../components/ErrorState';
import { useDialogMounted } from '../components/useDialogMounted';
import { MinutesSelect } from '../components/MinutesSelect';
import { LiveMessage } from '../components/LiveMessage';
import { useI18n } from '../i18n/I18nContext';
import { fullName } from './names';
import { meetingText } from './outcomes';
import { MEETING_DURATIONS, isLocalInput, localInputToIso, meetingProblem, toLocalInput } from './slots';

export interface MeetingDialogProps {
  api: ApiClient;
  year: number;
  action: { kind: 'move' | 'cancel'; row: ReportRow } | null;
  windows: DateWindow[];
  onClose: () => void;
  onChanged: (employeeId: string, outcome: MeetingOutcome, message: string) => void;
  onLatest: (employeeId: string, latest: ReportRow['discussion']) => void;
}

/**
 * Moving or cancelling one person's meeting. The edit carries the discussion's ETag: if someone (the same
 * supervisor in another window) changed it meanwhile, nothing is saved and the latest state is shown.
 */
export function MeetingDialog({
  api,
  year,
  action,
  windows,
  onClose,
  onChanged,
  onLatest,
}: MeetingDialogProps) {
  const { t, formatDateTime } = useI18n();
  const mounted = useDialogMounted(action !== null);
  // While it closes, the dialog still shows the action it was opened for.
  const [last, setLast] = useState(action);
  if (action && action !== last) setLast(action);
  const shown = action ?? last;
  const row = shown?.row;
  const current = row?.discussion?.scheduledAt ?? null;
  const [time, setTime] = useState('');
  const [duration, setDuration] = useState(60);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [openFor, setOpenFor] = useState<string | null>(null);

  const key = action ? `${action.kind}:${action.row.id}` : null;
  if (key !== openFor) {
    // A new dialog starts from the current meeting time.
    setOpenFor(key);
    setTime(current ? toLocalInput(new Date(current)) : '');
    setError(null);
  }
  if (!mounted || !shown || !row) return null;
  const name = fullName(row);
  const etag = row.discussion?.etag ?? '';
  const problem = shown.kind === 'cancel' || !isLocalInput(time) ? null : meetingProblem(time, windows);
  const issue =
    shown.kind === 'cancel' ? null : !isLocalInput(time) ? t('team.timeInvalid') : problem && t(problem);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const outcome =
        shown.kind === 'move'
          ? await scheduleMeeting(api, year, row.id, localInputToIso(time), duration, etag)
          : await cancelMeeting(api, year, row.id, etag);
      onChanged(row.id, outcome, meetingText(outcome, name, t));
      onClose();
    } catch (caught) {
      const apiError = asApiError(caught);
      if (apiError.kind === 'conflict') {
        onLatest(row.id, (apiError.service?.details?.latest as ReportRow['discussion']) ?? null);
        setError(t('team.conflict'));
      } else setError(errorMessage(apiError, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={action !== null} onOpenChange={(_, data) => (data.open ? undefined : onClose())}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>
            {t(shown.kind === 'move' ? 'team.moveTitle' : 'team.cancelTitle', { name })}
          </DialogTitle>
          <DialogContent>
            {current ? <p>{t('team.currentMeeting', { time: formatDateTime(current) })}</p> : null}
            {shown.kind === 'move' ? (
              <>
                <Field
                  label={t('team.newTime')}
                  validationState={issue ? 'error' : 'none'}
                  validationMessage={issue ?? undefined}
                >
                  <Input type="datetime-local" value={time} onChange={(_, data) => setTime(data.value)} />
                </Field>
                <Field label={t('team.duration')}>
                  <MinutesSelect options={MEETING_DURATIONS} value={duration} onChange={setDuration} />
                </Field>
              </>
            ) : (
              <p>{t('team.cancelBody')}</p>
            )}
            <LiveMessage
              message={error ? { intent: 'error', text: error } : null}
              layout="multiline"
              politeness="assertive"
            />
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={busy || issue !== null} onClick={() => void submit()}>
              {shown.kind === 'move' ? t('team.moveConfirm') : t('team.cancelConfirm')}
            </Button>
            <Button onClick={onClose}>{t('team.close')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
