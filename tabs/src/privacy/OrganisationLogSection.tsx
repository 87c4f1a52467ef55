import type { ApiClient } from '../api/client';
import { Section } from '../components/Section';
import { useI18n } from '../i18n/I18nContext';
import { AuditLogList } from './AuditLogList';

/**
 * HR's view of the organisation's own privacy log: what the retention purge and erasures deleted (kinds and
 * counts, never whose), and who changed the retention times or lifted an erasure's import block.
 */
export function OrganisationLogSection({ api }: { api: ApiClient }) {
  const { t } = useI18n();
  return (
    <Section title={t('privacy.orgLog.heading')}>
      <p>{t('privacy.orgLog.intro')}</p>
      <AuditLogList api={api} source={{ kind: 'organisation' }} />
    </Section>
  );
}
