import {
  Badge,
  Button,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiClient } from '../api/client';
import { saveAlternatingRule, saveClock } from '../api/hr';
import { asApiError } from '../api/http';
import type { ClockEditorData, ClockSettings, ClockValidationError, ServiceAreaRule } from '../api/types';
import { ClockTimeline } from '../components/ClockTimeline';
import { DataTable, RowHeader } from '../components/DataTable';
import { useDataTableStyles } from '../components/dataTableStyles';
import { phaseColumns } from '../components/PhaseTable';
import { errorMessage } from '../components/ErrorState';
import { Section } from '../components/Section';
import { YearNavigation } from '../components/YearNavigation';
import { ServiceAreaSelect } from '../components/ServiceAreaSelect';
import { useI18n } from '../i18n/I18nContext';
import {
  effectiveWindow,
  individualYear,
  isClockErrorCode,
  parseReminders,
  fieldProblems,
  windowProblems,
  windowsOf,
  withoutOverride,
  withWindow,
} from './clockDraft';
import { MonthDayInput } from '../components/MonthDayInput';
import { Notice } from '../components/Notice';

/** A phase's two dates, each edited in a column of its own. */
const WINDOW_EDGES = ['opens', 'closes'] as const;

const useStyles = makeStyles({
  controls: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'flex-end' },
  reminderInput: { width: '7rem' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'center' },
  errors: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

type Message = {
  intent: 'success' | 'error' | 'warning';
  title: string;
  body?: string;
  items?: string[];
  reload?: boolean;
};

interface Props {
  api: ApiClient;
  initial: ClockEditorData;
}

/**
 * The annual-clock editor: the clock drawn as a timeline for a chosen year and service area, changing as the
 * phases' windows are edited below it; a service area's changes are kept as its overrides. Saved with the
 * ETag that was read: if someone else saved meanwhile, nothing is overwritten and the latest can be loaded.
 */
export function ClockEditor({ api, initial }: Props) {
  const styles = useStyles();
  const table = useDataTableStyles();
  const { t } = useI18n();
  const [saved, setSaved] = useState({ clock: initial.clock, etag: initial.etag });
  const [draft, setDraft] = useState<ClockSettings>(initial.clock);
  const [areas, setAreas] = useState<ServiceAreaRule[]>(initial.serviceAreas);
  const [scope, setScope] = useState<string>('');
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [reminderTexts, setReminderTexts] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<Message | null>(null);
  const [latest, setLatest] = useState<{ clock: ClockSettings; etag: string | null } | null>(null);
  const [busy, setBusy] = useState(false);

  const serviceAreaId = scope || null;
  const area = areas.find((a) => a.id === scope) ?? null;
  const phases = windowsOf(draft, year, serviceAreaId);
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved.clock);
  const phaseName = (phaseId: string | null) => {
    const phase = draft.phases.find((p) => p.id === phaseId);
    return phase ? t(`phase.${phase.kind}`) : (phaseId ?? '');
  };
  const textKey = (phaseId: string) => `${scope}:${phaseId}`;
  const reminderProblem = (phaseId: string) => {
    const text = reminderTexts[textKey(phaseId)];
    return text !== undefined && parseReminders(text) === null;
  };
  const localProblems = draft.phases.some(
    (p) => windowProblems(effectiveWindow(draft, p, serviceAreaId)).length > 0 || reminderProblem(p.id),
  );

  // The clock keeps month and day only: the same dates every year.
  const change = (phaseId: string, field: 'opens' | 'closes', monthDay: string) =>
    setDraft((d) => withWindow(d, serviceAreaId, phaseId, { [field]: monthDay }));
  const changeReminders = (phaseId: string, text: string) => {
    setReminderTexts((texts) => ({ ...texts, [textKey(phaseId)]: text }));
    const days = parseReminders(text);
    if (days) setDraft((d) => withWindow(d, serviceAreaId, phaseId, { remindDaysBefore: days }));
  };

  const describe = (error: ClockValidationError) => {
    const where = error.serviceAreaId
      ? (areas.find((a) => a.id === error.serviceAreaId)?.name ?? error.serviceAreaId)
      : null;
    const text = isClockErrorCode(error.code)
      ? t(`clockError.${error.code}`)
      : t('clockError.other', { code: error.code });
    return [phaseName(error.phaseId), where, text].filter(Boolean).join(' – ');
  };

  const save = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const result = await saveClock(api, draft, saved.etag);
      setSaved(result);
      setDraft(result.clock);
      setLatest(null);
      setMessage({ intent: 'success', title: t('editor.saved') });
    } catch (error) {
      const apiError = asApiError(error);
      const details = apiError.service?.details;
      if (apiError.kind === 'conflict') {
        setLatest((details?.latest as { clock: ClockSettings; etag: string | null } | undefined) ?? null);
        setMessage({
          intent: 'warning',
          title: t('editor.conflictTitle'),
          body: t('editor.conflictBody'),
          reload: true,
        });
      } else if (apiError.service?.code === 'clock.invalid' && Array.isArray(details?.errors)) {
        setMessage({
          intent: 'error',
          title: t('editor.invalidTitle'),
          items: (details.errors as ClockValidationError[]).map(describe),
        });
      } else {
        setMessage({ intent: 'error', title: t('editor.saveFailed'), body: errorMessage(apiError, t) });
      }
    } finally {
      setBusy(false);
    }
  };

  const loadLatest = () => {
    if (!latest) return;
    setSaved(latest);
    setDraft(latest.clock);
    setReminderTexts({});
    setLatest(null);
    setMessage(null);
  };

  const saveRule = async (value: string) => {
    if (!area) return;
    const rule = value === 'none' ? null : { individualDiscussionYears: value as 'even' | 'odd' };
    setMessage(null);
    try {
      const updated = await saveAlternatingRule(api, area.id, rule, area.etag);
      setAreas((list) => list.map((a) => (a.id === updated.id ? updated : a)));
      setMessage({ intent: 'success', title: t('editor.ruleSaved', { area: area.name }) });
    } catch (error) {
      const apiError = asApiError(error);
      const fresh =
        apiError.kind === 'conflict'
          ? (apiError.service?.details?.latest as ServiceAreaRule | undefined)
          : undefined;
      if (fresh) setAreas((list) => list.map((a) => (a.id === fresh.id ? fresh : a)));
      setMessage({
        intent: 'error',
        title: apiError.kind === 'conflict' ? t('editor.conflictTitle') : t('editor.saveFailed'),
        body: apiError.kind === 'conflict' ? t('editor.ruleConflict') : errorMessage(apiError, t),
      });
    }
  };

  return (
    <>
      <div className={styles.controls}>
        <Field label={t('editor.scope')}>
          <ServiceAreaSelect
            areas={areas}
            value={scope}
            onChange={setScope}
            noneLabel={t('editor.wholeOrganisation')}
          />
        </Field>
        <YearNavigation year={year} onChange={setYear} />
      </div>
      <Section
        title={t('editor.previewHeading', { year, scope: area?.name ?? t('editor.wholeOrganisation') })}
      >
        <ClockTimeline year={year} phases={phases} />
      </Section>
      {area ? (
        <Section title={t('editor.ruleHeading', { area: area.name })}>
          <RadioGroup
            aria-label={t('editor.ruleHeading', { area: area.name })}
            value={area.alternatingYearRule?.individualDiscussionYears ?? 'none'}
            onChange={(_, data) => void saveRule(data.value)}
          >
            <Radio value="none" label={t('editor.ruleNone')} />
            <Radio value="even" label={t('editor.ruleEven')} />
            <Radio value="odd" label={t('editor.ruleOdd')} />
          </RadioGroup>
          <p>
            {area.alternatingYearRule
              ? t(
                  individualYear(area.alternatingYearRule, year)
                    ? 'editor.ruleIndividualYear'
                    : 'editor.ruleGroupYear',
                  { year },
                )
              : t('editor.ruleEveryYear')}
          </p>
        </Section>
      ) : null}
      <Section title={t('editor.phasesHeading')}>
        <DataTable
          caption={area ? t('editor.phasesCaptionArea', { area: area.name }) : t('editor.phasesCaption')}
          columns={[
            ...phaseColumns(t),
            { label: t('editor.reminders') },
            area ? { label: t('editor.override') } : null,
          ]}
        >
          {draft.phases.map((phase) => {
            const window = effectiveWindow(draft, phase, serviceAreaId);
            const name = t(`phase.${phase.kind}`);
            // Each date's problem under its own field.
            const problemOf = (field: 'opens' | 'closes') => {
              const codes = fieldProblems(window, field);
              if (!codes.length) return undefined;
              const [month, day] = window[field].split('-').map(Number);
              return month && day
                ? t('editor.noSuchDay', { day, month })
                : codes.map((code) => t(`clockError.${code}`)).join(' ');
            };
            return (
              <tr key={phase.id}>
                <RowHeader>{name}</RowHeader>
                <td className={table.cell}>{t(`level.${phase.level}`)}</td>
                {WINDOW_EDGES.map((field) => {
                  const problem = problemOf(field);
                  return (
                    <td key={field} className={table.cell}>
                      <Field validationState={problem ? 'error' : 'none'} validationMessage={problem}>
                        <MonthDayInput
                          label={t(field === 'opens' ? 'editor.opensFor' : 'editor.closesFor', {
                            phase: name,
                          })}
                          value={window[field]}
                          onChange={(value) => change(phase.id, field, value)}
                        />
                      </Field>
                    </td>
                  );
                })}
                <td className={table.cell}>
                  <Field
                    validationState={reminderProblem(phase.id) ? 'error' : 'none'}
                    validationMessage={
                      reminderProblem(phase.id) ? t('clockError.clock.invalidReminder') : undefined
                    }
                  >
                    <Input
                      aria-label={t('editor.remindersFor', { phase: name })}
                      className={styles.reminderInput}
                      value={reminderTexts[textKey(phase.id)] ?? window.remindDaysBefore.join(', ')}
                      onChange={(_, data) => changeReminders(phase.id, data.value)}
                    />
                  </Field>
                </td>
                {area ? (
                  <td className={table.cell}>
                    {window.overridden ? (
                      <div className={styles.actions}>
                        <Badge appearance="tint" color="warning">
                          {t('editor.overridden')}
                        </Badge>
                        <Button
                          size="small"
                          onClick={() => setDraft((d) => withoutOverride(d, area.id, phase.id))}
                          aria-label={t('editor.resetFor', { phase: name })}
                        >
                          {t('editor.reset')}
                        </Button>
                      </div>
                    ) : (
                      t('editor.inherited')
                    )}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </DataTable>
        <div className={styles.actions}>
          <Button appearance="primary" disabled={!dirty || busy || localProblems} onClick={() => void save()}>
            {busy ? t('editor.saving') : t('editor.save')}
          </Button>
          <Button
            disabled={!dirty || busy}
            onClick={() => {
              setDraft(saved.clock);
              setReminderTexts({});
            }}
          >
            {t('editor.discard')}
          </Button>
          {dirty ? <span>{t('editor.unsaved')}</span> : null}
        </div>
      </Section>
      <div aria-live="polite">
        {message ? (
          <Notice
            intent={message.intent}
            title={message.title}
            actions={
              message.reload && latest ? <Button onClick={loadLatest}>{t('editor.loadLatest')}</Button> : null
            }
          >
            {message.body}
            {message.items ? (
              <ul className={styles.errors}>
                {message.items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            ) : null}
          </Notice>
        ) : null}
      </div>
    </>
  );
}
