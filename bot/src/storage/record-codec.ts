/**
 * Maps a record to table properties and back, validating both ways with the record's zod schema:
 * nothing invalid is written, and a corrupt row raises CorruptRecordError instead of returning garbage.
 * Scalars (strings, numbers, booleans) are plain properties, so they can be filtered and selected; nested
 * values are JSON strings. A null is stored as an absent property.
 */
import { z } from 'zod';
import type { Row } from './table-store';
import type { EntityKey } from './keys';
import { CorruptRecordError, InvalidRecordError, RecordTooLargeError } from './errors';

/** A string property holds at most 64 KiB: 32,768 UTF-16 code units (a fact: https://learn.microsoft.com/rest/api/storageservices/understanding-the-table-service-data-model). */
export const MAX_STRING_PROPERTY_CHARS = 32 * 1024;

/**
 * An entity holds at most 1 MiB, counted as the service counts it (see `entityBytes`; a fact:
 * https://learn.microsoft.com/rest/api/storageservices/understanding-the-table-service-data-model).
 */
export const MAX_ENTITY_BYTES = 1024 * 1024;

/**
 * A JSON value longer than one string property is split over numbered properties (`goals`, `goals_2`, …),
 * so the entity's 1 MiB, not one property's 64 KiB, bounds a discussion's text.
 */
const MAX_JSON_PARTS = MAX_ENTITY_BYTES / (MAX_STRING_PROPERTY_CHARS * 2);

const partName = (field: string, part: number): string => (part === 1 ? field : `${field}_${part}`);

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

/** The entity's size by the service's rule: 4 bytes, the keys, and per property 8 bytes, its name and value. */
function entityBytes(row: Row): number {
  let bytes = 4 + (row.partitionKey.length + row.rowKey.length) * 2;
  for (const [name, value] of Object.entries(row)) {
    if (name === 'partitionKey' || name === 'rowKey') continue;
    bytes += 8 + name.length * 2;
    bytes += typeof value === 'string' ? 4 + value.length * 2 : typeof value === 'boolean' ? 1 : 8;
  }
  return bytes;
}

function describe(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(record)'}: ${issue.message}`).join('; ');
}

export class RecordCodec<T> {
  private readonly fields: string[];
  private readonly jsonFields: ReadonlySet<string>;
  /** What `decode` makes of each field when its property is absent (null, undefined or a default). */
  private readonly absentValues = new Map<string, unknown>();
  /** Picked schemas by their fields (a codec is asked for a few lists of fields, fixed in the code). */
  private readonly picked = new Map<string, z.ZodType>();

  /** `schema` describes the record (checked against T); `json` names the fields stored as JSON. */
  constructor(
    readonly table: string,
    private readonly schema: z.ZodObject & z.ZodType<T>,
    json: readonly (keyof T & string)[],
  ) {
    this.fields = Object.keys(schema.shape);
    this.jsonFields = new Set(json);
  }

  /** The row for a value under `key`; InvalidRecordError or RecordTooLargeError instead of a bad write. */
  row(key: EntityKey, value: T): Row {
    return this.encode(key, value).row;
  }

  /**
   * The row for a value under `key`, and the value as `decode` reads that row back: the checked value itself
   * (its defaults and transforms applied), each field a null or absent value left unwritten given as a read of
   * the missing property gives it, so a writer need not parse what it has just checked. It differs from a read
   * only where JSON does not keep a difference (an undefined property inside a JSON field, -0).
   */
  encode(key: EntityKey, value: T): { row: Row; value: T } {
    const parsed = this.schema.safeParse(value);
    if (!parsed.success) throw new InvalidRecordError(this.table, describe(parsed.error));
    const row: Row = { ...key };
    for (const [field, fieldValue] of Object.entries(parsed.data as Record<string, unknown>)) {
      if (this.jsonFields.has(field)) {
        // An optional JSON field that is absent is not written (it reads back as absent).
        if (fieldValue !== undefined) this.writeJson(row, field, JSON.stringify(fieldValue));
      } else if (fieldValue !== null && fieldValue !== undefined) this.writeScalar(row, field, fieldValue);
    }
    if (entityBytes(row) > MAX_ENTITY_BYTES) throw new RecordTooLargeError(this.table, null);
    const data = parsed.data as Record<string, unknown>;
    const read: Record<string, unknown> = {};
    for (const field of this.fields) {
      const fieldValue = data[field];
      const written = this.jsonFields.has(field)
        ? fieldValue !== undefined
        : fieldValue !== null && fieldValue !== undefined;
      read[field] = written ? fieldValue : this.absentValue(field);
    }
    return { row, value: read as T };
  }

  /** The field's schema applied to a missing property, as `decode` applies it (computed once per field). */
  private absentValue(field: string): unknown {
    if (!this.absentValues.has(field)) {
      const missing = this.jsonFields.has(field) ? undefined : null;
      const parsed = (this.schema.shape as Record<string, z.ZodType>)[field]?.safeParse(missing);
      this.absentValues.set(field, parsed?.success ? parsed.data : missing);
    }
    return this.absentValues.get(field);
  }

  decode(row: Row): T {
    return this.parse(this.schema, row, this.fields);
  }

  /** Only `fields` of a row read with `columns(fields)`. */
  decodeFields<K extends keyof T & string>(row: Row, fields: readonly K[]): Pick<T, K> {
    return this.parse(this.pickedSchema(fields), row, fields) as Pick<T, K>;
  }

  /**
   * The schema of `fields` only, built once per list of fields: zod compiles a schema on its first parse, and
   * building it for every row of a page cost more than the rows' parsing (a demand scan of thousands of rows).
   */
  private pickedSchema(fields: readonly string[]): z.ZodType {
    const key = fields.join('\n');
    let schema = this.picked.get(key);
    if (!schema) {
      const mask = Object.fromEntries(fields.map((field) => [field, true])) as Record<string, true>;
      schema = this.schema.pick(mask);
      this.picked.set(key, schema);
    }
    return schema;
  }

  /** The table properties holding `fields`, for a query's select. */
  columns(fields: readonly (keyof T & string)[]): string[] {
    return fields.flatMap((field) =>
      this.jsonFields.has(field)
        ? Array.from({ length: MAX_JSON_PARTS }, (_, index) => partName(field, index + 1))
        : [field],
    );
  }

  /** Whether two values would be stored identically (an import leaves such rows alone). */
  same(a: T, b: T): boolean {
    const key = { partitionKey: '', rowKey: '' };
    const left = this.row(key, a);
    const right = this.row(key, b);
    const names = Object.keys(left);
    return names.length === Object.keys(right).length && names.every((name) => left[name] === right[name]);
  }

  private parse(schema: z.ZodType, row: Row, fields: readonly string[]): T {
    const raw: Record<string, unknown> = {};
    for (const field of fields) {
      raw[field] = this.jsonFields.has(field) ? this.readJson(row, field) : (row[field] ?? null);
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw new CorruptRecordError(this.table, describe(parsed.error));
    return parsed.data as T;
  }

  private writeScalar(row: Row, field: string, value: unknown): void {
    if (typeof value === 'string' && value.length > MAX_STRING_PROPERTY_CHARS) {
      throw new RecordTooLargeError(this.table, field);
    }
    if (typeof value === 'object') {
      throw new InvalidRecordError(this.table, `${field}: nested values need JSON`);
    }
    row[field] = value;
  }

  private writeJson(row: Row, field: string, json: string): void {
    let part = 0;
    for (let start = 0; start < json.length; part++) {
      if (part === MAX_JSON_PARTS) throw new RecordTooLargeError(this.table, field);
      let end = Math.min(start + MAX_STRING_PROPERTY_CHARS, json.length);
      // Each part must be valid UTF-16 on its own: never cut between the halves of a surrogate pair.
      if (end < json.length && isHighSurrogate(json.charCodeAt(end - 1))) end -= 1;
      row[partName(field, part + 1)] = json.slice(start, end);
      start = end;
    }
  }

  /** The parsed JSON, or undefined when the property is missing (the schema then reports it). */
  private readJson(row: Row, field: string): unknown {
    let json = '';
    for (let part = 1; part <= MAX_JSON_PARTS; part++) {
      const piece = row[partName(field, part)];
      if (piece === undefined || piece === null) break;
      if (typeof piece !== 'string') throw new CorruptRecordError(this.table, `${field}: not a JSON string`);
      json += piece;
    }
    if (json === '') return undefined;
    try {
      return JSON.parse(json);
    } catch {
      // The parser's message quotes the text, which may be personal: say only which field.
      throw new CorruptRecordError(this.table, `${field}: not valid JSON`);
    }
  }
}
