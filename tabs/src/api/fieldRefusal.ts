import type { ApiError } from './http';
import type { Translate } from '../i18n/translate';

/**
 * A 400 that names the fields it refused (`details.fields`, paths into the body such as
 * `conclusions.futureNeeds.2`), with what to say next to each of them in the page's language: control and
 * bidirectional-override characters (`request.controlCharacters`) by name, anything else generally.
 */
export interface FieldRefusal {
  fields: string[];
  message: string;
}

export function fieldRefusal(error: ApiError, t: Translate): FieldRefusal | null {
  const fields = error.service?.details?.fields;
  if (error.kind !== 'refused' || !Array.isArray(fields) || fields.length === 0) return null;
  return {
    fields: fields.map(String),
    message:
      error.service?.code === 'request.controlCharacters' ? t('field.controlCharacters') : t('field.refused'),
  };
}

const covers = (path: string, field: string): boolean => field === path || field.startsWith(`${path}.`);

/** The message for the form field whose value is sent at `path` (it covers the paths below it), if refused. */
export function refusalAt(refusal: FieldRefusal | null, path: string): string | undefined {
  return refusal?.fields.some((field) => covers(path, field)) ? refusal.message : undefined;
}

/** The refusal once the field at `path` has been edited: its message goes, the others' stay. */
export function withoutField(refusal: FieldRefusal | null, path: string): FieldRefusal | null {
  if (!refusal) return null;
  const fields = refusal.fields.filter((field) => !covers(path, field));
  return fields.length > 0 ? { ...refusal, fields } : null;
}
