/**
 * A person's own text shown to someone else on a card is data, never markup. Adaptive Cards render a TextBlock's
 * (and a Fact's) text as Markdown ("Format cards in Teams", learn.microsoft.com/microsoftteams/platform/
 * task-modules-and-cards/cards/cards-format): without this, a contribution `[Kirjaudu](https://evil.example/login)
 * **kiireellinen**` would show as a link and bold text in the team's channel card.
 *
 * `cardText` escapes every CommonMark construct (emphasis, links, images, code, lists, headings, quotes, tables,
 * entities, HTML and autolinks) with backslash escapes, keeps bare addresses from becoming links (see DOMAIN_DOT),
 * and lets very long words wrap. Use it for text in a TextBlock or a Fact, never for
 * an input's value: inputs show text as it is.
 */
import { LONGEST_UNBROKEN } from '../tunables';

/** U+2060 WORD JOINER: invisible, and no link pattern matches across it. */
const WORD_JOINER = '\u2060';
/** U+200B ZERO WIDTH SPACE: invisible, and a line may break at it. */
const BREAK_OPPORTUNITY = '\u200b';

/** ASCII punctuation that starts or ends Markdown anywhere in a line (CommonMark "backslash escapes"). */
const INLINE_SPECIAL = /[\\`*_{}[\]()<>#~|&!]/g;
/** At a line's start: list markers, headings, quotes, thematic breaks and setext underlines. */
const LINE_START_SPECIAL = /^(\s*)([-+=>]|\d+[.)])/;
/**
 * A dot between letters or digits (a domain, an e-mail address, "www.") is escaped, and a scheme's "://" gets a word
 * joiner: a renderer's autolinker then finds no address (it never matches across an escape).
 */
const DOMAIN_DOT = /([\p{L}\p{N}])\.(?=[\p{L}\p{N}])/gu;
const SCHEME = /:\/\//g;

function breakLongWords(text: string): string {
  return text.replace(new RegExp(`\\S{${LONGEST_UNBROKEN + 1},}`, 'gu'), (word) => {
    const parts = Array.from(word);
    const chunks: string[] = [];
    for (let index = 0; index < parts.length; index += LONGEST_UNBROKEN) {
      chunks.push(parts.slice(index, index + LONGEST_UNBROKEN).join(''));
    }
    return chunks.join(BREAK_OPPORTUNITY);
  });
}

/** Indentation would make a code block: it is kept as no-break spaces, which CommonMark does not count as indent. */
const INDENT = /^[ \t]+/;
const NO_BREAK_SPACE = '\u00a0';

function escapeLine(line: string): string {
  const escaped = line
    .replace(INDENT, (indent) => NO_BREAK_SPACE.repeat(indent.length))
    .replace(INLINE_SPECIAL, (char) => `\\${char}`)
    .replace(DOMAIN_DOT, '$1\\.');
  return escaped.replace(LINE_START_SPECIAL, (_, indent: string, marker: string) =>
    /^\d/.test(marker) ? `${indent}${marker.slice(0, -1)}\\${marker.slice(-1)}` : `${indent}\\${marker}`,
  );
}

/** A person's text, shown as exactly what they wrote. */
export function cardText(text: string): string {
  const unlinked = text.replace(SCHEME, `:${WORD_JOINER}//`);
  return breakLongWords(unlinked).split('\n').map(escapeLine).join('\n');
}
