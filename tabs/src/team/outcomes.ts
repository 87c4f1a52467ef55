import { asApiError } from '../api/http';
import type { DeliveryOutcome, MeetingOutcome } from '../api/types';
import { errorMessage } from '../components/ErrorState';
import type { Translate } from '../i18n/translate';

/** What happened to one person's invitation, for the results list and the announcement. */
export interface InvitationResult {
  employeeId: string;
  name: string;
  ok: boolean;
  text: string;
  fallback?: { teamsMeetingLink: string; icsPath: string } | null;
}

function deliveryText(outcome: DeliveryOutcome, name: string, t: Translate): string {
  switch (outcome) {
    case 'delivered':
      return t('team.invitationSent', { name });
    case 'willRetry':
      return t('team.invitationWillRetry', { name });
    case 'notInstalled':
      return t('team.invitationNoConversation', { name });
    case 'removed':
      return t('team.invitationRemoved', { name });
    case 'blocked':
      return t('team.invitationBlocked', { name });
    case 'failed':
      return t('team.invitationFailed', { name });
  }
}

/** The invitation's fate and, when Graph is configured, the calendar event's (the server's localised reason). */
export function meetingText(outcome: MeetingOutcome, name: string, t: Translate): string {
  const calendar = outcome.calendar;
  const note = calendar?.via === 'graph' ? t('team.calendarEventSaved') : (calendar?.error?.message ?? null);
  const text = deliveryText(outcome.invitation, name, t);
  return note ? `${text} ${note}` : text;
}

export function failureText(error: unknown, name: string, t: Translate): string {
  const apiError = asApiError(error);
  return t('team.scheduleFailed', { name, reason: errorMessage(apiError, t) });
}
