import { Button } from '@fluentui/react-components';
import type { ApiClient } from '../api/client';
import { downloadDataExport } from '../api/privacy';
import { useI18n } from '../i18n/I18nContext';
import { LiveMessage } from '../components/LiveMessage';
import { useAction } from '../components/useAction';

/** Downloads everything held about the signed-in person (`personId` null) or, for HR, about `personId`. */
export function DataExportButton({ api, personId }: { api: ApiClient; personId: string | null }) {
  const { t } = useI18n();
  const { busy, message, run } = useAction();

  const download = () =>
    run(async () => {
      await downloadDataExport(api, personId);
      return t('privacy.export.done');
    });

  return (
    <div>
      <Button onClick={() => void download()} disabled={busy}>
        {personId === null ? t('privacy.export.button') : t('privacy.export.personButton')}
      </Button>
      <LiveMessage message={message} role="status" />
    </div>
  );
}
