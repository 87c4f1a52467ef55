/**
 * Characters no free text of a person may hold, wherever it comes in (card submissions, API bodies, imports):
 * control characters other than tab and line breaks (NUL breaks exports and other programs), the
 * bidirectional embeddings, overrides and isolates that make text read differently from how it is stored
 * (U+202A–U+202E, U+2066–U+2069, "Trojan Source"), and U+FFFD, the mark of text decoded wrongly.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFD]/;

export function hasForbiddenCharacters(text: string): boolean {
  return FORBIDDEN.test(text);
}

/** How deep a JSON value is searched; request bodies here are shallow. */
const MAX_DEPTH = 8;

/** The paths ("items.2.need") of the strings in `value` that hold a forbidden character. */
export function fieldsWithForbiddenCharacters(
  value: unknown,
  path: string[] = [],
  found: string[] = [],
): string[] {
  if (typeof value === 'string') {
    if (hasForbiddenCharacters(value)) found.push(path.join('.'));
  } else if (value !== null && typeof value === 'object' && path.length < MAX_DEPTH) {
    for (const [key, inner] of Object.entries(value)) {
      if (hasForbiddenCharacters(key)) found.push([...path, '?'].join('.'));
      else fieldsWithForbiddenCharacters(inner, [...path, key], found);
    }
  }
  return found;
}
