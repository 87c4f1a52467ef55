import {
  Field,
  makeStyles,
  mergeClasses,
  Textarea,
  tokens,
  type TextareaProps,
} from '@fluentui/react-components';
import type { ReactNode, Ref } from 'react';
import { useI18n } from '../i18n/I18nContext';

const useStyles = makeStyles({
  hint: {
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
  count: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', marginLeft: 'auto' },
  over: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/**
 * How a text is measured against its limit: as a whole, or line by line where each line is one item (a summary's
 * conclusions: one per line, each within the limit).
 */
export type TextMeasure = 'whole' | 'perLine';

export function measuredLength(text: string, measure: TextMeasure): number {
  return measure === 'whole'
    ? text.length
    : Math.max(0, ...text.split('\n').map((line) => line.trim().length));
}

/** True when any of the texts is over its limit: a save is refused in the tab, and what was typed stays. */
export function anyTooLong(
  texts: ReadonlyArray<{ text: string; max: number; measure?: TextMeasure }>,
): boolean {
  return texts.some(({ text, max, measure = 'whole' }) => measuredLength(text, measure) > max);
}

/** "123 / 800 characters", red when over the limit; the field's description, so screen readers read it too. */
export function CharacterCount({
  length,
  max,
  measure = 'whole',
}: {
  length: number;
  max: number;
  measure?: TextMeasure;
}) {
  const styles = useStyles();
  const { t, formatNumber } = useI18n();
  const values = { count: formatNumber(length), max: formatNumber(max) };
  return (
    <span className={mergeClasses(styles.count, length > max && styles.over)} data-testid="character-count">
      {measure === 'perLine' ? t('counter.longestLine', values) : t('counter.characters', values)}
    </span>
  );
}

/**
 * A free-text field with its limit in view: a counter under it, and an error under it as soon as the text is too
 * long. The textarea has no `maxLength`, so nothing typed or pasted is ever cut: the person shortens it
 * themselves, and the page refuses to save until they have (see `anyTooLong`).
 */
export function LimitedTextarea({
  label,
  hint,
  value,
  onChange,
  max,
  measure = 'whole',
  problem,
  textareaRef,
  textarea,
}: {
  label: NonNullable<Parameters<typeof Field>[0]['label']>;
  hint?: ReactNode;
  value: string;
  onChange: (value: string) => void;
  max: number;
  measure?: TextMeasure;
  /** Another problem of this field (the page's own validation or the service's refusal); shown first. */
  problem?: string;
  textareaRef?: Ref<HTMLTextAreaElement>;
  textarea?: Omit<TextareaProps, 'value' | 'onChange'>;
}) {
  const styles = useStyles();
  const { t, formatNumber } = useI18n();
  const length = measuredLength(value, measure);
  const tooLong =
    length > max
      ? t(measure === 'perLine' ? 'counter.lineTooLong' : 'counter.tooLong', {
          over: formatNumber(length - max),
          max: formatNumber(max),
        })
      : undefined;
  const message = problem ?? tooLong;
  return (
    <Field
      label={label}
      hint={
        <span className={styles.hint}>
          {hint ? <span>{hint}</span> : null}
          <CharacterCount length={length} max={max} measure={measure} />
        </span>
      }
      validationState={message ? 'error' : 'none'}
      validationMessage={message}
    >
      <Textarea
        resize="vertical"
        {...textarea}
        ref={textareaRef}
        value={value}
        onChange={(_event, data) => onChange(data.value)}
      />
    </Field>
  );
}
