import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiClient } from '../api/client';
import { asApiError } from '../api/http';
import { downloadDataExport } from '../api/privacy';
import { errorMessage } from '../components/ErrorState';
import { useI18n } from '../i18n/I18nContext';
import { LiveMessage, type ActionMessage } from '../components/LiveMessage';

/** Downloads everything held about the signed-in person (`personId` null) or, for HR, about `personId`. */
export function DataExportButton({ api, personId }: { api: ApiClient; personId: string | null }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<ActionMessage | null>(null);

  const download = async () => {
    setBusy(true);
    setMessage(null);
    try {
      await downloadDataExport(api, personId);
      setMessage({ intent: 'success', text: t('privacy.export.done') });
    } catch (error) {
      const apiError = asApiError(error);
      setMessage({ intent: 'error', text: errorMessage(apiError, t) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <Button onClick={() => void download()} disabled={busy}>
        {personId === null ? t('privacy.export.button') : t('privacy.export.personButton')}
      </Button>
      <LiveMessage message={message} role="status" />
    </div>
  );
}
