import { ApiError } from '../api/http';
import type { DeliveryOutcome } from '../api/types';
import { errorMessage } from '../components/ErrorState';
import type { Translate } from '../i18n/translate';

/** What happened to one person's invitation, for the results list and the announcement. */
export interface InvitationResult {
  employeeId: string;
  name: string;
  ok: boolean;
  text: string;
}

export function deliveryText(outcome: DeliveryOutcome, name: string, t: Translate): string {
  switch (outcome) {
    case 'sent':
      return t('team.invitationSent', { name });
    case 'noConversation':
      return t('team.invitationNoConversation', { name });
    case 'failed':
      return t('team.invitationFailed', { name });
  }
}

export function failureText(error: unknown, name: string, t: Translate): string {
  const apiError = error instanceof ApiError ? error : new ApiError('invalidResponse', String(error));
  return t('team.scheduleFailed', { name, reason: errorMessage(apiError, t) });
}
