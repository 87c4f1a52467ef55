import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18nContext';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalM },
});

/** The one field HR's privacy tools start from: a person's HR-system id, and the button that acts on it. */
export function PersonIdForm({
  value,
  onChange,
  onSubmit,
  submitLabel,
  submitDisabled,
  problem,
}: {
  value: string;
  onChange: (value: string) => void;
  onSubmit: () => void;
  submitLabel: string;
  submitDisabled?: boolean;
  /** Why the id cannot be used, under the field. */
  problem?: string;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <form
      className={styles.row}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <Field
        label={t('privacy.lookup.personId')}
        validationState={problem ? 'error' : 'none'}
        validationMessage={problem}
      >
        <Input value={value} onChange={(_event, data) => onChange(data.value)} />
      </Field>
      <Button type="submit" disabled={submitDisabled}>
        {submitLabel}
      </Button>
    </form>
  );
}
