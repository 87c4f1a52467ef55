/**
 * A training plan as a file for the co-operation committee's papers: CSV (semicolons and a byte order mark, as
 * Finnish Excel reads them; RFC 4180 quoting) or XLSX (the items, and a sheet with who handled it and when).
 * Headers are in the reader's language; the plan's own texts are data and stay as written.
 */
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import type { Competence } from '../domain/competence';
import type { Locale } from '../domain/locale';
import type { TrainingPlan } from '../domain/training-plan';
import { translator } from '../cards/localised';
import { TRAINING_PLAN_TEXTS } from './training-plan-texts';
import { statusText } from './training-plan-view';

export type ExportFormat = 'csv' | 'xlsx';

export interface PlanExport {
  plan: TrainingPlan;
  competences: readonly Competence[];
  /** Person id → name, for the handling history. */
  names: ReadonlyMap<string, string>;
  /** Service area id → name: the central plan's rows say which area's plan they came from. */
  areaNames: ReadonlyMap<string, string>;
  locale: Locale;
}

/**
 * A spreadsheet runs a cell that starts like a formula; a leading apostrophe keeps it text. Control characters
 * other than line breaks (NUL cuts the file for many readers) never reach the file, whatever was stored before
 * input refused them.
 */
function neutralised(value: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const clean = value.replace(/[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F]/g, '');
  return /^[=+\-@\t\r]/.test(clean) ? `'${clean}` : clean;
}

/** Where a central plan's row came from: its service area, or the city's anonymous needs. */
export function originText(
  item: TrainingPlan['items'][number],
  areaNames: ReadonlyMap<string, string>,
  locale: Locale,
): string {
  const t = translator(TRAINING_PLAN_TEXTS, locale);
  if (!item.serviceAreaId) return t('origin.cityNeeds');
  return areaNames.get(item.serviceAreaId) ?? item.serviceAreaId;
}

function itemRows({ plan, competences, areaNames, locale }: PlanExport): {
  header: string[];
  rows: Array<Array<string | number>>;
} {
  const t = translator(TRAINING_PLAN_TEXTS, locale);
  const names = new Map(competences.map((competence) => [competence.id, competence.name[locale]]));
  const central = plan.scope === 'central';
  return {
    header: [
      t('export.number'),
      ...(central ? [t('export.origin')] : []),
      t('form.need'),
      t('form.competence'),
      t('form.way'),
      t('form.audience'),
      t('form.headcount'),
    ],
    rows: plan.items.map((item, index) => [
      index + 1,
      ...(central ? [originText(item, areaNames, locale)] : []),
      item.need,
      item.competenceId ? (names.get(item.competenceId) ?? item.competenceId) : '',
      t(`way.${item.way}`),
      item.audience,
      item.headcount,
    ]),
  };
}

export function planCsv(data: PlanExport): string {
  const { header, rows } = itemRows(data);
  const cells = rows.map((row) => row.map((cell) => (typeof cell === 'string' ? neutralised(cell) : cell)));
  return stringify([header, ...cells], { delimiter: ';', bom: true, record_delimiter: 'windows' });
}

export async function planXlsx(data: PlanExport): Promise<Buffer> {
  const t = translator(TRAINING_PLAN_TEXTS, data.locale);
  const workbook = new ExcelJS.Workbook();
  const { header, rows } = itemRows(data);
  const items = workbook.addWorksheet(t('export.sheet'));
  items.addRow(header).font = { bold: true };
  for (const row of rows) items.addRow(row);
  const widths = data.plan.scope === 'central' ? [6, 28, 50, 30, 24, 30, 12] : [6, 50, 30, 24, 30, 12];
  items.columns.forEach((column, index) => {
    column.width = widths[index] ?? 20;
  });
  const history = workbook.addWorksheet(t('export.historySheet'));
  history.addRow([t('export.status'), t('export.by'), t('export.at')]).font = { bold: true };
  for (const change of data.plan.history) {
    history.addRow([
      statusText({ ...data.plan, status: change.status }, data.locale),
      data.names.get(change.by) ?? change.by,
      new Date(change.at),
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
