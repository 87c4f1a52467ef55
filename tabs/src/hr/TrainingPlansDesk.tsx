import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { asApiError } from '../api/http';
import { downloadPlan, fetchTrainingPlans, type TrainingPlanView } from '../api/hrDesk';
import { useResource } from '../api/useResource';
import { DataTable, RowHeader } from '../components/DataTable';
import { useDataTableStyles } from '../components/dataTableStyles';
import { errorMessage, ErrorState } from '../components/ErrorState';
import { LiveMessage, type ActionMessage } from '../components/LiveMessage';
import { LoadingState } from '../components/LoadingState';
import { Section } from '../components/Section';
import { YearNavigation } from '../components/YearNavigation';
import { useI18n } from '../i18n/I18nContext';
import type { HrYearViewProps } from './yearViewProps';

const useStyles = makeStyles({
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground2, margin: 0 },
});

/**
 * The year's training plans for HR: each service area's plan with its status and downloads, and the central
 * plan with every row's origin (the area whose plan it came from, or the city's anonymous needs), with CSV and
 * XLSX downloads where the plan is shown.
 */
export function TrainingPlansDesk({ api, year, onYearChange }: HrYearViewProps) {
  const styles = useStyles();
  const table = useDataTableStyles();
  const { t } = useI18n();
  const { state, retry } = useResource((signal) => fetchTrainingPlans(api, year, signal), `plans-${year}`);
  const [message, setMessage] = useState<ActionMessage | null>(null);

  if (state.status === 'loading') return <LoadingState label={t('plans.loading')} />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={retry} />;
  const data = state.data;
  const areaNames = new Map(data.serviceAreas.map((area) => [area.id, area.name]));
  const central = data.plans.find((plan) => plan.scope === 'central') ?? null;
  const byArea = new Map(data.plans.map((plan) => [plan.serviceAreaId, plan]));

  const download = async (plan: string, format: 'csv' | 'xlsx') => {
    setMessage(null);
    try {
      const name = await downloadPlan(api, data.year, plan, format);
      setMessage({ intent: 'success', text: t('plans.exported', { name }) });
    } catch (error) {
      setMessage({ intent: 'error', text: errorMessage(asApiError(error), t) });
    }
  };

  const exports = (plan: string, planName: string) => (
    <div className={styles.buttons}>
      <Button
        size="small"
        aria-label={t('plans.exportCsvLabel', { plan: planName })}
        onClick={() => void download(plan, 'csv')}
      >
        {t('plans.exportCsv')}
      </Button>
      <Button
        size="small"
        aria-label={t('plans.exportXlsxLabel', { plan: planName })}
        onClick={() => void download(plan, 'xlsx')}
      >
        {t('plans.exportXlsx')}
      </Button>
    </div>
  );

  const status = (plan: TrainingPlanView | undefined | null) => t(`plans.status.${plan?.status ?? 'none'}`);

  return (
    <>
      <Section
        title={t('plans.heading', { year: data.year })}
        actions={<YearNavigation year={data.year} onChange={onYearChange} />}
      >
        <LiveMessage message={message} role="status" />
        <DataTable
          caption={t('plans.areasCaption', { year: data.year })}
          columns={[
            { label: t('plans.columnArea') },
            { label: t('plans.columnStatus') },
            { label: t('plans.columnRows'), numeric: true },
            { label: t('plans.columnExport') },
          ]}
        >
          {data.serviceAreas.map((area) => {
            const plan = byArea.get(area.id);
            return (
              <tr key={area.id}>
                <RowHeader>{area.name}</RowHeader>
                <td className={table.cell}>{status(plan)}</td>
                <td className={mergeClasses(table.cell, table.number)}>{plan?.items.length ?? 0}</td>
                <td className={table.cell}>{plan ? exports(area.id, area.name) : null}</td>
              </tr>
            );
          })}
        </DataTable>
      </Section>

      <Section
        title={t('plans.centralHeading')}
        actions={central ? exports('central', t('plans.centralName')) : undefined}
      >
        {central ? (
          <>
            <p className={styles.muted}>
              {t('plans.centralStatus', {
                status: status(central),
                combined: (central.combinedAreas ?? []).filter((id) => areaNames.has(id)).length,
                total: data.serviceAreas.length,
              })}
            </p>
            <DataTable
              caption={t('plans.centralCaption')}
              columns={[
                { label: t('plans.columnOrigin') },
                { label: t('plans.columnNeed') },
                { label: t('plans.columnWay') },
                { label: t('plans.columnAudience') },
                { label: t('plans.columnHeadcount'), numeric: true },
              ]}
            >
              {central.items.map((item) => (
                <tr key={item.id}>
                  <td className={table.cell}>
                    {item.serviceAreaId
                      ? (areaNames.get(item.serviceAreaId) ?? item.serviceAreaId)
                      : t('plans.originCity')}
                  </td>
                  <RowHeader>{item.need}</RowHeader>
                  <td className={table.cell}>{t(`way.${item.way}`)}</td>
                  <td className={table.cell}>{item.audience}</td>
                  <td className={mergeClasses(table.cell, table.number)}>{item.headcount}</td>
                </tr>
              ))}
            </DataTable>
          </>
        ) : (
          <p className={styles.muted}>{t('plans.centralNone')}</p>
        )}
      </Section>
    </>
  );
}
