/**
 * Every text a person sees from the bot is kept one way: an entry `{ fi, sv, en }` in a catalogue (the shared
 * `bot/src/i18n/catalogue.ts` or a feature's `<feature>-texts.ts` / `*-messages.ts`). A Swedish or English reader
 * must never get an empty text, a Finnish fallback, or a text that lost (or gained) a `{placeholder}` the code
 * fills in. Two checks: every catalogue module is loaded and its entries walked; and every `{ fi, sv, en }`
 * literal anywhere in bot/src is read from the source, so a catalogue kept outside the list is checked too.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { LOCALES } from '../../bot/src/domain/locale';
import { MESSAGES } from '../../bot/src/i18n/catalogue';
import { API_MESSAGES } from '../../bot/src/http-kit/api-messages';
import { GROUP_CARD_TEXTS } from '../../bot/src/group-discussions/group-start-texts';
import { THEME_TEXTS } from '../../bot/src/i18n/group-themes';
import { INVITATION_TEXTS } from '../../bot/src/api/invitation-texts';
import { TABS_API_MESSAGES } from '../../bot/src/http-kit/tabs-api-messages';
import { COMMAND_MENU } from '../../bot/src/chat/command-menu';
import { PHASE_TITLES } from '../../bot/src/clock/reminder-messages';
import { DEVELOPMENT_ACTION_TEXTS } from '../../bot/src/development-actions/development-action-texts';
import { GROUP_DISCUSSION_TEXTS } from '../../bot/src/group-discussions/group-discussion-texts';
import { IMPORT_MESSAGES } from '../../bot/src/organisation-data/import-messages';
import { PRIVACY_MESSAGES } from '../../bot/src/privacy/privacy-messages';
import { STRATEGY_TEXTS } from '../../bot/src/strategy/strategy-texts';
import { SUMMARY_TEXTS } from '../../bot/src/summaries/summary-texts';
import { TRAINING_PLAN_TEXTS } from '../../bot/src/training-plans/training-plan-texts';

const CATALOGUES: Record<string, unknown> = {
  'i18n/catalogue': MESSAGES,
  'http-kit/api-messages': API_MESSAGES,
  'i18n/group-themes': THEME_TEXTS,
  'api/invitation-texts': INVITATION_TEXTS,
  'http-kit/tabs-api-messages': TABS_API_MESSAGES,
  'chat/command-menu': COMMAND_MENU,
  'clock/reminder-messages': PHASE_TITLES,
  'development-actions/development-action-texts': DEVELOPMENT_ACTION_TEXTS,
  'group-discussions/group-discussion-texts': GROUP_DISCUSSION_TEXTS,
  'group-discussions/group-start-texts': GROUP_CARD_TEXTS,
  'organisation-data/import-messages': IMPORT_MESSAGES,
  'privacy/privacy-messages': PRIVACY_MESSAGES,
  'strategy/strategy-texts': STRATEGY_TEXTS,
  'summaries/summary-texts': SUMMARY_TEXTS,
  'training-plans/training-plan-texts': TRAINING_PLAN_TEXTS,
};

const BOT_SOURCE = path.resolve(__dirname, '../../bot/src');

const placeholders = (text: string): string[] =>
  [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? ''))].sort();

const isEntry = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  LOCALES.every((locale) => Object.hasOwn(value, locale));

/** Every `{ fi, sv, en }` entry reachable from a catalogue, with the path that leads to it. */
function entries(value: unknown, at: string, found: [string, Record<string, unknown>][] = []) {
  if (isEntry(value)) found.push([at, value]);
  else if (Array.isArray(value)) value.forEach((item, index) => entries(item, `${at}[${index}]`, found));
  else if (typeof value === 'object' && value !== null)
    for (const [key, item] of Object.entries(value)) entries(item, `${at}.${key}`, found);
  return found;
}

/** What is wrong with one entry: languages missing or extra, empty texts, placeholders differing from Finnish. */
function problems(entry: Record<string, unknown>): string[] {
  const found: string[] = [];
  const keys = Object.keys(entry).sort();
  if (keys.join() !== [...LOCALES].sort().join()) found.push(`languages ${keys.join(', ')}`);
  const fiPlaceholders = placeholders(String(entry.fi ?? ''));
  for (const locale of LOCALES) {
    const text = entry[locale];
    if (typeof text !== 'string') {
      found.push(`${locale} is not a text`);
      continue;
    }
    if (text.trim() === '') found.push(`${locale} is empty`);
    const own = placeholders(text);
    if (own.join() !== fiPlaceholders.join())
      found.push(`${locale} has {${own.join('}, {')}} but fi has {${fiPlaceholders.join('}, {')}}`);
  }
  return found;
}

describe('the bot text catalogues', () => {
  it.each(Object.entries(CATALOGUES))(
    '%s gives every entry the same languages, placeholders and a non-empty text',
    (_name, catalogue) => {
      const found = entries(catalogue, '');
      expect(found.length).toBeGreaterThan(0);
      const wrong = found.flatMap(([at, entry]) => problems(entry).map((problem) => `${at}: ${problem}`));
      expect(wrong).toEqual([]);
    },
  );

  it('writes each text once: an entry repeated elsewhere is the same entry, not a copy', () => {
    expect(Object.keys(MESSAGES).length).toBeGreaterThan(100);
    // A text written twice drifts apart when one copy is corrected; a catalogue reuses a shared entry instead
    // (`localisedText(key)` or the other catalogue's entry), which is the very same object.
    const seen = new Map<string, [string, object]>();
    const copies: string[] = [];
    for (const [name, catalogue] of Object.entries(CATALOGUES))
      for (const [at, entry] of entries(catalogue, name)) {
        const whole = JSON.stringify(LOCALES.map((locale) => entry[locale]));
        const earlier = seen.get(whole);
        if (!earlier) seen.set(whole, [at, entry]);
        else if (earlier[1] !== entry) copies.push(`${earlier[0]} = ${at}`);
      }
    expect(copies).toEqual([]);
  });

  it('finds no { fi, sv, en } text in bot/src whose languages differ in placeholders or are empty', () => {
    const files = fs
      .readdirSync(BOT_SOURCE, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'));
    const wrong: string[] = [];
    let checked = 0;
    for (const file of files) {
      const source = ts.createSourceFile(
        file,
        fs.readFileSync(path.join(BOT_SOURCE, file), 'utf8'),
        ts.ScriptTarget.Latest,
        true,
      );
      const visit = (node: ts.Node): void => {
        if (ts.isObjectLiteralExpression(node)) {
          const texts = new Map<string, string>();
          for (const property of node.properties) {
            if (!ts.isPropertyAssignment(property)) continue;
            const name = property.name.getText(source).replace(/['"]/g, '');
            const value = property.initializer;
            if (ts.isStringLiteralLike(value)) texts.set(name, value.text);
            else if (ts.isTemplateExpression(value))
              // `${…}` parts are code, not placeholders; only the written text is compared.
              texts.set(
                name,
                [value.head.text, ...value.templateSpans.map((span) => span.literal.text)].join(' '),
              );
          }
          if (node.properties.length === LOCALES.length && LOCALES.every((locale) => texts.has(locale))) {
            checked += 1;
            const entry = Object.fromEntries(texts);
            const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
            for (const problem of problems(entry)) wrong.push(`${file}:${line}: ${problem}`);
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(checked).toBeGreaterThan(500);
    expect(wrong).toEqual([]);
  });
});
