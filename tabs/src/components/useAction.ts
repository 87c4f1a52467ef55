import { useState } from 'react';
import { asApiError } from '../api/http';
import { useI18n } from '../i18n/I18nContext';
import { errorMessage } from './ErrorState';
import type { ActionMessage } from './LiveMessage';

/**
 * Something the user starts with a button, and its outcome for a `LiveMessage`: `busy` while it runs, then the
 * success text the action returns (none where it returns null) or the service's refusal in the user's language.
 */
export function useAction() {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<ActionMessage | null>(null);

  /** Runs `action`; true when it succeeded. */
  const run = async (action: () => Promise<string | null>): Promise<boolean> => {
    setMessage(null);
    setBusy(true);
    try {
      const text = await action();
      if (text !== null) setMessage({ intent: 'success', text });
      return true;
    } catch (error) {
      setMessage({ intent: 'error', text: errorMessage(asApiError(error), t) });
      return false;
    } finally {
      setBusy(false);
    }
  };

  return { busy, message, setMessage, run };
}
