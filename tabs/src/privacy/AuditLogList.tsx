import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiClient } from '../api/client';
import { ApiError, asApiError } from '../api/http';
import { fetchAuditLog, type AuditLogEntry, type AuditLogSource } from '../api/privacy';
import { useResource } from '../api/useResource';
import { DataTable, RowHeader } from '../components/DataTable';
import { useDataTableStyles } from '../components/dataTableStyles';
import { EmptyState } from '../components/EmptyState';
import { ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { useI18n } from '../i18n/I18nContext';

function useEntryTexts() {
  const { t } = useI18n();
  return {
    who: (entry: AuditLogEntry): string =>
      entry.actorId === null
        ? t('privacy.log.system')
        : (entry.actorName ?? t('privacy.log.unknownActor', { id: entry.actorId })),
    record: (entry: AuditLogEntry): string => {
      const kind = t(`privacy.kind.${entry.recordKind}`);
      if (entry.year !== null) return t('privacy.log.withYear', { kind, year: entry.year });
      if (entry.count !== null) return t('privacy.log.withCount', { kind, count: entry.count });
      return kind;
    },
  };
}

const sourceKey = (source: AuditLogSource): string =>
  source.kind === 'person' ? `person-${source.personId}` : source.kind;

/**
 * Who read or changed whose records, newest first: about the signed-in person, for HR about a person, or the
 * organisation's own log. Never the content: only who, what kind of record, what was done, and when.
 */
export function AuditLogList({ api, source }: { api: ApiClient; source: AuditLogSource }) {
  const table = useDataTableStyles();
  const { t, formatDateTime } = useI18n();
  const texts = useEntryTexts();
  const { state, retry, update } = useResource(
    (signal) => fetchAuditLog(api, source, undefined, signal),
    `audit-${sourceKey(source)}`,
  );
  const [moreError, setMoreError] = useState<ApiError | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  if (state.status === 'loading') return <LoadingState label={t('privacy.log.loading')} />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={retry} />;
  const { entries, continuationToken } = state.data;
  if (entries.length === 0) return <EmptyState text={t('privacy.log.empty')} />;

  const loadMore = async () => {
    setLoadingMore(true);
    setMoreError(null);
    try {
      const next = await fetchAuditLog(api, source, continuationToken);
      update((page) => ({
        entries: [...page.entries, ...next.entries],
        continuationToken: next.continuationToken,
      }));
    } catch (error) {
      setMoreError(asApiError(error));
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <>
      <DataTable
        caption={t('privacy.log.caption')}
        columns={[
          { label: t('privacy.log.columnTime') },
          { label: t('privacy.log.columnWho') },
          { label: t('privacy.log.columnAction') },
          { label: t('privacy.log.columnRecord') },
          { label: t('privacy.log.columnChannel') },
        ]}
      >
        {entries.map((entry) => (
          <tr key={entry.id}>
            <RowHeader className={table.nowrap}>{formatDateTime(entry.at)}</RowHeader>
            <td className={table.cell}>{texts.who(entry)}</td>
            <td className={table.cell}>{t(`privacy.action.${entry.action}`)}</td>
            <td className={table.cell}>{texts.record(entry)}</td>
            <td className={table.cell}>{t(`privacy.channel.${entry.channel}`)}</td>
          </tr>
        ))}
      </DataTable>
      {moreError ? <ErrorState error={moreError} onRetry={() => void loadMore()} /> : null}
      {continuationToken ? (
        <div>
          <Button onClick={() => void loadMore()} disabled={loadingMore}>
            {t('privacy.log.more')}
          </Button>
        </div>
      ) : null}
    </>
  );
}
