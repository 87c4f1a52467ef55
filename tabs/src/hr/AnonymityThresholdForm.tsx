import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { ApiClient } from '../api/client';
import { raiseAnonymityThreshold } from '../api/hr';
import { asApiError } from '../api/http';
import { errorMessage } from '../components/ErrorState';
import { useI18n } from '../i18n/I18nContext';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
  },
  input: { maxWidth: '8rem' },
});

/**
 * The organisation's anonymity threshold (at least 5): HR can raise it, never lower it, so what a summary once
 * hid stays hidden. The service checks the same; its reason is shown when it refuses. After a raise the view
 * reloads (its figures follow the new threshold), so the confirmation is the caller's.
 */
export function AnonymityThresholdForm({
  api,
  current,
  onRaised,
}: {
  api: ApiClient;
  current: number;
  onRaised: (threshold: number) => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const [value, setValue] = useState(String(current));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onRaised(await raiseAnonymityThreshold(api, Number(value)));
    } catch (caught) {
      const apiError = asApiError(caught);
      setError(errorMessage(apiError, t));
      setBusy(false);
    }
  };

  return (
    <>
      {/* The service's refusal says why in the reader's language; the browser's own bubble would not. */}
      <form className={styles.form} noValidate onSubmit={(event) => void submit(event)}>
        <Field label={t('threshold.label')} hint={t('threshold.hint', { current })}>
          <Input
            className={styles.input}
            type="number"
            min={current}
            step={1}
            value={value}
            onChange={(_, data) => setValue(data.value)}
          />
        </Field>
        <Button type="submit" appearance="secondary" disabled={busy || Number(value) === current}>
          {t('threshold.raise')}
        </Button>
      </form>
      {error ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      ) : null}
    </>
  );
}
