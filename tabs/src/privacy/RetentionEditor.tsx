import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiClient } from '../api/client';
import { asApiError } from '../api/http';
import {
  fetchRetention,
  RETENTION_KINDS,
  saveRetention,
  type RetentionKind,
  type RetentionPolicyView,
} from '../api/privacy';
import { useResource } from '../api/useResource';
import { errorMessage, ErrorState } from '../components/ErrorState';
import { LoadingState } from '../components/LoadingState';
import { Section } from '../components/Section';
import { useI18n } from '../i18n/I18nContext';
import { LiveMessage, type ActionMessage } from '../components/LiveMessage';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '40rem' },
});

type Drafts = Record<RetentionKind, string>;

const draftsOf = (policy: RetentionPolicyView): Drafts =>
  Object.fromEntries(RETENTION_KINDS.map((kind) => [kind, String(policy.years[kind])])) as Drafts;

function Editor({ api, initial }: { api: ApiClient; initial: RetentionPolicyView }) {
  const styles = useStyles();
  const { t, formatDateTime } = useI18n();
  const [policy, setPolicy] = useState(initial);
  const [drafts, setDrafts] = useState<Drafts>(() => draftsOf(initial));
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<ActionMessage | null>(null);
  const { min, max } = policy.limits;
  const valueOf = (kind: RetentionKind): number | null => {
    const text = drafts[kind].trim();
    const value = /^\d+$/.test(text) ? Number(text) : NaN;
    return value >= min && value <= max ? value : null;
  };
  const invalid = RETENTION_KINDS.filter((kind) => valueOf(kind) === null);

  const save = async () => {
    if (invalid.length > 0) {
      setMessage({ intent: 'error', text: t('privacy.retention.invalid', { min, max }) });
      return;
    }
    const years = Object.fromEntries(RETENTION_KINDS.map((kind) => [kind, valueOf(kind)])) as Record<
      RetentionKind,
      number
    >;
    setSaving(true);
    setMessage(null);
    try {
      const saved = await saveRetention(api, years, policy.etag);
      setPolicy(saved);
      setDrafts(draftsOf(saved));
      setMessage({ intent: 'success', text: t('privacy.retention.saved') });
    } catch (error) {
      const apiError = asApiError(error);
      const latest = apiError.service?.details?.latest as RetentionPolicyView | undefined;
      if (apiError.kind === 'conflict' && latest) {
        setPolicy(latest);
        setDrafts(draftsOf(latest));
        setMessage({ intent: 'warning', text: t('privacy.retention.conflict') });
      } else setMessage({ intent: 'error', text: errorMessage(apiError, t) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <p>
        {policy.stored && policy.updatedAt
          ? t('privacy.retention.storedAt', { time: formatDateTime(policy.updatedAt) })
          : t('privacy.retention.notStored')}
      </p>
      {RETENTION_KINDS.map((kind) => (
        <Field
          key={kind}
          label={t(`privacy.retention.field.${kind}`)}
          hint={t('privacy.retention.hint', { min, max })}
          validationState={valueOf(kind) === null ? 'error' : 'none'}
          validationMessage={
            valueOf(kind) === null ? t('privacy.retention.invalid', { min, max }) : undefined
          }
        >
          <Input
            type="number"
            inputMode="numeric"
            min={min}
            max={max}
            step={1}
            value={drafts[kind]}
            onChange={(_event, data) => setDrafts((current) => ({ ...current, [kind]: data.value }))}
          />
        </Field>
      ))}
      <div>
        <Button type="submit" appearance="primary" disabled={saving}>
          {t('privacy.retention.save')}
        </Button>
      </div>
      <LiveMessage message={message} role="status" />
    </form>
  );
}

/** HR's retention times per kind of record (säilytysajat); the daily purge deletes what is older. */
export function RetentionEditor({ api }: { api: ApiClient }) {
  const { t } = useI18n();
  const { state, retry } = useResource((signal) => fetchRetention(api, signal), 'retention');
  return (
    <Section title={t('privacy.retention.heading')}>
      <p>{t('privacy.retention.intro')}</p>
      {state.status === 'loading' ? <LoadingState label={t('privacy.retention.loading')} /> : null}
      {state.status === 'error' ? <ErrorState error={state.error} onRetry={retry} /> : null}
      {state.status === 'ready' ? <Editor api={api} initial={state.data} /> : null}
    </Section>
  );
}
