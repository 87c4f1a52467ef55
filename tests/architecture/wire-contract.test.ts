/**
 * One wire contract: the shapes the API answers are declared once, in `bot/src/contract/`, over the domain. The
 * tabs import them (and the domain's constants) at build time instead of typing the API again, so a field the
 * service renames or drops fails the tabs' typecheck. These checks keep it that way.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const CONTRACT = join(ROOT, 'bot', 'src', 'contract');
const TABS = join(ROOT, 'tabs', 'src');

function sources(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The names a file declares itself (interfaces, type aliases and constants), not what it re-exports. */
function declaredNames(text: string): string[] {
  const pattern = /^export (?:interface|type|const) (\w+)/gm;
  return [...text.matchAll(pattern)].map((match) => match[1] ?? '');
}

describe('the wire contract between the API and the tabs', () => {
  const contractNames = sources(CONTRACT).flatMap((file) => declaredNames(readFileSync(file, 'utf8')));

  it('declares the answers of the personal, team, clock, HR and channel tabs', () => {
    expect(contractNames).toEqual(
      expect.arrayContaining([
        'Me',
        'MyCompetence',
        'TeamOverviewPage',
        'MeetingOutcome',
        'GroupDiscussionStart',
        'ClockEditorView',
        'DatedClock',
        'RoundProgress',
        'SendsPage',
        'PublishedSummaries',
        'LanguageChoiceView',
        'AuditLogPage',
        'RetentionPolicyView',
      ]),
    );
  });

  it('imports nothing but the domain', () => {
    for (const file of sources(CONTRACT)) {
      const specifiers = [...readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1] ?? '');
      const outside = specifiers.filter(
        (specifier) => !specifier.startsWith('../domain/') && !/^\.\/\w/.test(specifier),
      );
      expect({ file: relative(ROOT, file), outside }).toEqual({ file: relative(ROOT, file), outside: [] });
    }
  });

  it('is not typed again in the tabs: no tab module declares a shape the contract declares', () => {
    const retyped = sources(TABS).flatMap((file) =>
      declaredNames(readFileSync(file, 'utf8'))
        .filter((name) => contractNames.includes(name))
        .map((name) => `${relative(ROOT, file)}: ${name}`),
    );
    expect(retyped).toEqual([]);
  });

  it('is what the tabs read: their API modules import the contract of every area', () => {
    const api = sources(join(TABS, 'api'))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n');
    for (const file of sources(CONTRACT)) {
      const area = relative(CONTRACT, file).replace(/\.ts$/, '');
      expect({ area, imported: api.includes(`'../../../bot/src/contract/${area}'`) }).toEqual({
        area,
        imported: true,
      });
    }
  });
});
