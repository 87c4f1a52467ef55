/**
 * Fills `{name}` placeholders of a text with their values: the one rule for every catalogue of the bot and the
 * tabs. A name without a value (missing, null) stays visible as `{name}`, so a missing value is noticed.
 */
export type InterpolationValues = Readonly<Record<string, string | number | null | undefined>>;

export function interpolate(text: string, values: InterpolationValues = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    return value === null || value === undefined ? whole : String(value);
  });
}
