/**
 * The bytes of HR's CSV as text. UTF-8 (with or without a byte order mark) is the default; many HR systems
 * still export Windows-1252 or ISO-8859-1, which are not valid UTF-8 wherever they hold ä, ö or å. Such a file
 * is decoded as Windows-1252 (a superset of ISO-8859-1's printable characters) and the import says so; the
 * caller may also name the encoding (`--encoding`). Text that still holds U+FFFD (bytes no encoding gives a
 * character, or a file garbled before it got here) is refused rather than stored as "J�rvinen".
 */
import iconv from 'iconv-lite';

export const CSV_ENCODINGS = ['utf-8', 'windows-1252', 'iso-8859-1'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

export type DecodedCsv =
  | { ok: true; text: string; encoding: CsvEncoding; detected: boolean }
  | { ok: false; problem: 'invalidUtf8' | 'replacementCharacter'; encoding: CsvEncoding; line: number };

/** Accepts the usual spellings: utf8, cp1252, latin1, iso8859-1 … */
export function parseCsvEncoding(name: string): CsvEncoding | null {
  const key = name.trim().toLowerCase().replace(/[\s_]/g, '-');
  if (key === 'utf-8' || key === 'utf8') return 'utf-8';
  if (['windows-1252', 'cp1252', 'win1252', 'windows1252'].includes(key)) return 'windows-1252';
  if (['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'l1', 'iso-8859-1:1987'].includes(key))
    return 'iso-8859-1';
  return null;
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** 1-based line of the first replacement character, or 0. */
function replacementLine(text: string): number {
  const at = text.indexOf('\uFFFD');
  return at < 0 ? 0 : text.slice(0, at).split('\n').length;
}

export function decodeCsv(bytes: Uint8Array, asked: CsvEncoding | null = null): DecodedCsv {
  let text: string;
  let encoding: CsvEncoding;
  let detected = false;
  if (asked === null || asked === 'utf-8') {
    const utf8 = strictUtf8(bytes);
    if (utf8 !== null) {
      text = utf8;
      encoding = 'utf-8';
    } else if (asked === 'utf-8') {
      const lossy = Buffer.from(bytes).toString('utf8');
      return { ok: false, problem: 'invalidUtf8', encoding: 'utf-8', line: replacementLine(lossy) };
    } else {
      text = iconv.decode(Buffer.from(bytes), 'windows-1252');
      encoding = 'windows-1252';
      detected = true;
    }
  } else {
    text = iconv.decode(Buffer.from(bytes), asked);
    encoding = asked;
  }
  const line = replacementLine(text);
  if (line > 0) return { ok: false, problem: 'replacementCharacter', encoding, line };
  return { ok: true, text, encoding, detected };
}
