import { z } from 'zod';
import { CorruptRecordError, InvalidRecordError, RecordTooLargeError } from '../../bot/src/storage/errors';
import { MAX_STRING_PROPERTY_CHARS, RecordCodec } from '../../bot/src/storage/record-codec';

interface Note {
  id: string;
  text: string;
  tags: string[];
  pinned: boolean;
  due: string | null;
}

const schema = z.object({
  id: z.string().min(1),
  text: z.string(),
  tags: z.array(z.string()),
  pinned: z.boolean(),
  due: z.string().nullable(),
});
const codec = new RecordCodec<Note>('Notes', schema, ['tags']);
const key = { partitionKey: 'p', rowKey: 'r' };
const note: Note = { id: 'n1', text: 'Muistiinpano', tags: ['a'], pinned: false, due: null };

describe('RecordCodec', () => {
  it('splits long JSON over properties of at most 64 KiB, never between the halves of a character', () => {
    // The emoji's two UTF-16 halves straddle the first property boundary.
    const first = 'x'.repeat(MAX_STRING_PROPERTY_CHARS - 3);
    const value = { ...note, tags: [first + '🙂', 'y'.repeat(70_000)] };
    const row = codec.row(key, value);

    const parts = Object.entries(row).filter(([name]) => name.startsWith('tags'));
    expect(parts.length).toBeGreaterThan(2);
    for (const [, part] of parts) {
      expect(typeof part === 'string' && part.length <= MAX_STRING_PROPERTY_CHARS).toBe(true);
      expect(() => encodeURIComponent(part as string)).not.toThrow();
    }
    expect(codec.decode(row)).toEqual(value);
  });

  it('gives a writer the value exactly as a read of the written row gives it', () => {
    // Absent, null, defaulted and transformed fields: what a writer keeps must compare equal, as text too, to
    // what the next read returns (a card compares them to tell a real change from paging through the form).
    const loose = z.object({
      id: z.string().min(1),
      maybe: z.enum(['a', 'b']).nullable().optional(),
      gone: z
        .string()
        .nullish()
        .transform((value) => value ?? undefined),
      list: z.array(z.string()).default([]),
      extra: z.array(z.string()).optional(),
      due: z.string().nullable(),
    });
    const looseCodec = new RecordCodec('Loose', loose, ['list', 'extra']);
    for (const value of [
      { id: 'x', due: null },
      { id: 'x', maybe: null, gone: null, list: ['k'], due: '2026-12-07' },
      { id: 'x', maybe: 'b' as const, gone: 'g', extra: ['e'], due: null },
    ]) {
      const { row, value: written } = looseCodec.encode(key, value as z.input<typeof loose> as never);
      const read = looseCodec.decode(row);
      expect(written).toEqual(read);
      expect(JSON.stringify(written)).toBe(JSON.stringify(read));
    }
  });

  it('stores null as an absent property and reads it back as null', () => {
    const row = codec.row(key, note);
    expect('due' in row).toBe(false);
    expect(codec.decode(row)).toEqual(note);
  });

  it('refuses to write an invalid value or an over-long plain string', () => {
    expect(() => codec.row(key, { ...note, id: '' })).toThrow(InvalidRecordError);
    expect(() => codec.row(key, { ...note, text: 'x'.repeat(MAX_STRING_PROPERTY_CHARS + 1) })).toThrow(
      RecordTooLargeError,
    );
  });

  it('refuses a row with a missing or mistyped value, naming the field but not its content', () => {
    const row = codec.row(key, note);
    expect(() => codec.decode({ ...row, pinned: 'yes' })).toThrow(CorruptRecordError);
    expect(() => codec.decode({ ...row, tags: '{"secret": "Aino' })).toThrow(/tags: not valid JSON$/);
    const withoutText = { ...row };
    delete withoutText.text;
    expect(() => codec.decode(withoutText)).toThrow(/text:/);
  });
});
