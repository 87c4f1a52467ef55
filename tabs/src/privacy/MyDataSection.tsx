import type { ApiClient } from '../api/client';
import { Section } from '../components/Section';
import { useI18n } from '../i18n/I18nContext';
import { AuditLogList } from './AuditLogList';
import { DataExportButton } from './DataExportButton';

/** "My data" (Omat tietoni): download everything held about me, and see who read or changed my records. */
export function MyDataSection({ api }: { api: ApiClient }) {
  const { t } = useI18n();
  return (
    <Section title={t('privacy.myData.heading')}>
      <p>{t('privacy.myData.intro')}</p>
      <DataExportButton api={api} personId={null} />
      <h3>{t('privacy.myData.logHeading')}</h3>
      <AuditLogList api={api} source={{ kind: 'me' }} />
    </Section>
  );
}
