import { LimitedTextarea } from '../components/LimitedTextarea';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import {
  fetchCoachingQuestions,
  QUESTION_LANGUAGES,
  saveCoachingQuestions,
  type CoachingQuestion,
  type CoachingQuestionBankView,
  type CoachingStep,
  type QuestionLanguage,
} from '../api/coaching';
import type { ApiClient } from '../api/client';
import { fieldRefusal } from '../api/fieldRefusal';
import { asApiError } from '../api/http';
import { useResource } from '../api/useResource';
import { errorMessage, ErrorState } from '../components/ErrorState';
import { LiveMessage, type ActionMessage } from '../components/LiveMessage';
import { LoadingState } from '../components/LoadingState';
import { Section } from '../components/Section';
import { useI18n } from '../i18n/I18nContext';
import type { Translate } from '../i18n/translate';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '64rem' },
  // A fieldset is as wide as its content by default; on a phone it must shrink with the page.
  step: {
    minWidth: 0,
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  stepLegend: {
    padding: `0 ${tokens.spacingHorizontalXS}`,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  question: {
    minWidth: 0,
    margin: 0,
    padding: `${tokens.spacingVerticalS} 0 0`,
    border: 'none',
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  questionLegend: { padding: 0, fontWeight: tokens.fontWeightSemibold },
  // One column on a phone, the three languages side by side where there is room.
  languages: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 16rem), 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

/** A field's path as the service names it in a 400's `details.fields`, e.g. `steps.0.questions.1.sv`. */
const fieldPath = (step: number, question: number, language: QuestionLanguage): string =>
  `steps.${step}.questions.${question}.${language}`;

type FieldErrors = Record<string, string>;

/** What is wrong with each text, in the form's order (the first is where focus goes). */
function textProblems(steps: CoachingStep[], maxLength: number, t: Translate): FieldErrors {
  const problems: FieldErrors = {};
  steps.forEach((step, s) =>
    step.questions.forEach((question, q) =>
      QUESTION_LANGUAGES.forEach((language) => {
        const length = question[language].trim().length;
        if (length === 0) problems[fieldPath(s, q, language)] = t('coaching.required');
        else if (length > maxLength)
          problems[fieldPath(s, q, language)] = t('coaching.tooLong', { max: maxLength, length });
      }),
    ),
  );
  return problems;
}

const EMPTY_QUESTION: CoachingQuestion = { fi: '', sv: '', en: '' };

const trimmed = (steps: CoachingStep[]): CoachingStep[] =>
  steps.map((step) => ({
    key: step.key,
    questions: step.questions.map(({ fi, sv, en }) => ({ fi: fi.trim(), sv: sv.trim(), en: en.trim() })),
  }));

function Editor({ api, initial }: { api: ApiClient; initial: CoachingQuestionBankView }) {
  const styles = useStyles();
  const { t, formatDateTime } = useI18n();
  const [bank, setBank] = useState(initial);
  const [steps, setSteps] = useState(initial.steps);
  // After a save the checks refused, the fields show their problems as they are edited.
  const [checked, setChecked] = useState(false);
  const [refusedFields, setRefusedFields] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<ActionMessage | null>(null);
  // Text areas and "add" buttons by path, so focus can follow an addition, a removal or a refused save.
  const elements = useRef(new Map<string, HTMLElement>());
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const { minPerStep, maxPerStep, maxLength } = bank.limits;
  const problems = checked ? textProblems(steps, maxLength, t) : {};

  useEffect(() => {
    if (focusTarget === null) return;
    elements.current.get(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  const register = (path: string) => (element: HTMLElement | null) => {
    if (element) elements.current.set(path, element);
    else elements.current.delete(path);
  };

  const adopt = (view: CoachingQuestionBankView) => {
    setBank(view);
    setSteps(view.steps);
    setChecked(false);
    setRefusedFields({});
  };

  const changeStep = (index: number, change: (questions: CoachingQuestion[]) => CoachingQuestion[]) =>
    setSteps((current) =>
      current.map((step, s) => (s === index ? { ...step, questions: change(step.questions) } : step)),
    );

  const edit = (s: number, q: number, language: QuestionLanguage, text: string) => {
    changeStep(s, (questions) =>
      questions.map((question, i) => (i === q ? { ...question, [language]: text } : question)),
    );
    const path = fieldPath(s, q, language);
    setRefusedFields((current) =>
      Object.fromEntries(Object.entries(current).filter(([key]) => key !== path)),
    );
  };

  // Adding or removing renumbers the step's questions: the service's refusals for that step no longer fit.
  const forgetRefusalsOfStep = (s: number) =>
    setRefusedFields((current) =>
      Object.fromEntries(Object.entries(current).filter(([key]) => !key.startsWith(`steps.${s}.`))),
    );

  /** `count`: how many questions the step has now; the new one's Finnish text gets focus. */
  const add = (s: number, count: number) => {
    changeStep(s, (questions) => [...questions, EMPTY_QUESTION]);
    forgetRefusalsOfStep(s);
    setFocusTarget(fieldPath(s, count, 'fi'));
  };

  const remove = (s: number, q: number) => {
    changeStep(s, (questions) => questions.filter((_question, i) => i !== q));
    forgetRefusalsOfStep(s);
    setFocusTarget(`add.${s}`);
  };

  const save = async () => {
    const found = Object.keys(textProblems(steps, maxLength, t));
    if (found.length > 0) {
      setChecked(true);
      setMessage({ intent: 'error', text: t('coaching.invalid') });
      setFocusTarget(found[0] ?? null);
      return;
    }
    setSaving(true);
    setMessage(null);
    try {
      adopt(await saveCoachingQuestions(api, trimmed(steps), bank.etag));
      setMessage({ intent: 'success', text: t('coaching.saved') });
    } catch (error) {
      const apiError = asApiError(error);
      const details = apiError.service?.details;
      const latest = details?.latest as CoachingQuestionBankView | undefined;
      if (apiError.kind === 'conflict' && latest) {
        adopt(latest);
        setMessage({ intent: 'warning', text: t('coaching.conflict') });
      } else {
        const refusal = fieldRefusal(apiError, t);
        if (refusal) {
          setRefusedFields(Object.fromEntries(refusal.fields.map((path) => [path, refusal.message])));
          setFocusTarget(refusal.fields[0] ?? null);
        }
        setMessage({ intent: 'error', text: errorMessage(apiError, t) });
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className={styles.form}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <p>
        {bank.stored && bank.updatedAt
          ? t('coaching.storedAt', { time: formatDateTime(bank.updatedAt) })
          : t('coaching.builtIn')}
      </p>
      {steps.map((step, s) => {
        const stepName = t(`coaching.step.${step.key}`);
        return (
          <fieldset key={step.key} className={styles.step}>
            <legend className={styles.stepLegend}>{stepName}</legend>
            {step.questions.map((question, q) => (
              <fieldset key={q} className={styles.question}>
                <legend className={styles.questionLegend}>{t('coaching.question', { number: q + 1 })}</legend>
                <div className={styles.languages}>
                  {QUESTION_LANGUAGES.map((language) => {
                    const path = fieldPath(s, q, language);
                    const problem = problems[path] ?? refusedFields[path];
                    return (
                      <LimitedTextarea
                        key={language}
                        label={{ children: t(`coaching.language.${language}`), lang: language }}
                        max={maxLength}
                        problem={problem}
                        textareaRef={register(path)}
                        textarea={{ lang: language, rows: 3 }}
                        value={question[language]}
                        onChange={(value) => edit(s, q, language, value)}
                      />
                    );
                  })}
                </div>
                <div>
                  <Button
                    disabledFocusable={step.questions.length <= minPerStep}
                    aria-label={t('coaching.removeFrom', { number: q + 1, step: stepName })}
                    onClick={() => remove(s, q)}
                  >
                    {t('coaching.remove')}
                  </Button>
                </div>
              </fieldset>
            ))}
            <div>
              <Button
                ref={register(`add.${s}`)}
                disabledFocusable={step.questions.length >= maxPerStep}
                aria-label={t('coaching.addTo', { step: stepName })}
                onClick={() => add(s, step.questions.length)}
              >
                {t('coaching.add')}
              </Button>
            </div>
          </fieldset>
        );
      })}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={saving}>
          {t('coaching.save')}
        </Button>
      </div>
      <LiveMessage message={message} role="status" />
    </form>
  );
}

/**
 * HR's coaching question bank (valmentavat kysymykset): the questions the supervisor's development-discussion
 * card offers on each step, in Finnish, Swedish and English. Saved with the ETag that was read, so nobody's
 * save overwrites another's unseen.
 */
export function CoachingQuestionsEditor({ api }: { api: ApiClient }) {
  const { t } = useI18n();
  const { state, retry } = useResource((signal) => fetchCoachingQuestions(api, signal), 'coaching-questions');
  return (
    <Section title={t('coaching.heading')}>
      {state.status === 'ready' ? <p>{t('coaching.intro', { ...state.data.limits })}</p> : null}
      {state.status === 'loading' ? <LoadingState label={t('coaching.loading')} /> : null}
      {state.status === 'error' ? <ErrorState error={state.error} onRetry={retry} /> : null}
      {state.status === 'ready' ? <Editor api={api} initial={state.data} /> : null}
    </Section>
  );
}
