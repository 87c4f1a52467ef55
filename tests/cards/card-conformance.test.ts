/**
 * Every card the bot can send conforms to Microsoft's references (see card-conformance.ts), in Finnish, Swedish
 * and English; and every exported card builder is in the catalogue, so a new card cannot skip the checks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { CARD_CATALOGUE, LOCALES } from './card-catalogue';
import { conformanceProblems, contrast, MIN_TEXT_CONTRAST, teamsThemes } from './card-conformance';

const SOURCE = join(__dirname, '../../bot/src');

describe.each(LOCALES)('cards in %s', (locale) => {
  const cases = CARD_CATALOGUE.flatMap((entry) =>
    (entry.cases?.(locale) ?? []).map((card) => [`${entry.builder}: ${card.name}`, card.card] as const),
  );

  test.each(cases)('%s conforms', (_name, card) => {
    expect(conformanceProblems(card)).toEqual([]);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'devstack' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const CARD_RETURN = /\bAdaptiveCard\b|\bOutgoingActivity\b|Partial<Activity>/;

/**
 * Exported functions (and consts) that build a card or a message carrying one: a declared return type naming
 * `AdaptiveCard`, `OutgoingActivity` or a bot `Activity`, or a template renderer made with `cardTemplate`.
 */
function exportedCardBuilders(): Array<{ builder: string; module: string }> {
  const found: Array<{ builder: string; module: string }> = [];
  for (const file of sourceFiles(SOURCE)) {
    const text = readFileSync(file, 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const module = relative(SOURCE, file);
    const exported = (node: ts.Node) =>
      ts.canHaveModifiers(node) &&
      (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
    for (const statement of source.statements) {
      if (!exported(statement)) continue;
      if (ts.isFunctionDeclaration(statement) && statement.name && statement.type) {
        if (CARD_RETURN.test(statement.type.getText(source)))
          found.push({ builder: statement.name.text, module });
      }
      if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          const init = declaration.initializer;
          if (!init || !ts.isIdentifier(declaration.name)) continue;
          const returnsCard =
            (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) &&
            init.type !== undefined &&
            CARD_RETURN.test(init.type.getText(source));
          const isTemplate =
            ts.isCallExpression(init) &&
            ts.isIdentifier(init.expression) &&
            init.expression.text === 'cardTemplate';
          if (returnsCard || isTemplate) found.push({ builder: declaration.name.text, module });
        }
      }
    }
  }
  return found;
}

test('every exported card builder is in the card catalogue', () => {
  const listed = new Set(CARD_CATALOGUE.map((entry) => `${entry.module}#${entry.builder}`));
  const missing = exportedCardBuilders()
    .map(({ builder, module }) => `${module}#${builder}`)
    .filter((key) => !listed.has(key));
  expect(missing).toEqual([]);
});

/** Every JSON template under bot/src (the kit's cards/templates and a feature's own) with the modules importing it. */
function templateImporters(): Map<string, string[]> {
  const importers = new Map<string, string[]>();
  const templates = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return templates(path);
      return entry.name.endsWith('.json') && dir.endsWith(`${sep}templates`) ? [relative(SOURCE, path)] : [];
    });
  for (const template of templates(SOURCE)) importers.set(template, []);
  for (const file of sourceFiles(SOURCE)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+\.json)'/g)) {
      const template = relative(SOURCE, resolve(dirname(file), match[1] as string));
      importers.get(template)?.push(relative(SOURCE, file));
    }
  }
  return importers;
}

test('every card template is expanded by a builder of the catalogue, so the checks see it', () => {
  const catalogued = new Set(CARD_CATALOGUE.map((entry) => entry.module));
  const unchecked = [...templateImporters()]
    .filter(([, modules]) => !modules.some((module) => catalogued.has(module)))
    .map(([template]) => template);
  expect(unchecked).toEqual([]);
  expect(templateImporters().get(join('cards', 'templates', 'reminder.json'))).toEqual([
    join('cards', 'card-templates.ts'),
  ]);
});

test('each catalogue entry has cases or names builders with cases that cover it', () => {
  const withCases = new Set(CARD_CATALOGUE.filter((entry) => entry.cases).map((entry) => entry.builder));
  const uncovered = CARD_CATALOGUE.filter(
    (entry) => !entry.cases && !(entry.coveredBy ?? []).some((builder) => withCases.has(builder)),
  ).map((entry) => entry.builder);
  expect(uncovered).toEqual([]);
});

describe('the conformance checks catch what Teams would show wrongly', () => {
  const card = (body: unknown[], extra: Record<string, unknown> = {}) => ({
    type: 'AdaptiveCard',
    version: '1.5',
    body,
    ...extra,
  });

  test('"refresh": null is refused by the 1.5 schema', () => {
    expect(conformanceProblems(card([], { refresh: null })).join('\n')).toMatch(/refresh/);
  });

  test('an input without a label is refused', () => {
    expect(conformanceProblems(card([{ type: 'Input.Text', id: 'x' }])).join('\n')).toMatch(
      /without a label/,
    );
  });

  test('a blank choice is refused', () => {
    const choices = [
      { type: 'Input.ChoiceSet', id: 'c', label: 'Valinta', choices: [{ title: '', value: '' }] },
    ];
    expect(conformanceProblems(card(choices)).join('\n')).toMatch(/blank choice/);
  });

  test('a positive or destructive action is refused', () => {
    const actions = [{ type: 'Action.Execute', title: 'Tallenna', verb: 'save', style: 'positive' }];
    expect(conformanceProblems(card([], { actions })).join('\n')).toMatch(/action style "positive"/);
  });

  test('yellow and green text is unreadable in the light theme', () => {
    const body = [
      { type: 'TextBlock', text: 'Arviot eroavat', color: 'Warning' },
      { type: 'TextBlock', text: 'Johtopäätös', color: 'Good' },
    ];
    const problems = conformanceProblems(card(body));
    expect(problems.filter((problem) => problem.includes("Teams' light theme"))).toHaveLength(2);
  });

  test('a card over 28 KB as Teams counts it (UTF-16) is refused', () => {
    expect(
      conformanceProblems(card([{ type: 'TextBlock', text: 'ä'.repeat(15_000), wrap: true }])).join('\n'),
    ).toMatch(/UTF-16/);
  });

  test('default text is readable in all three Teams themes', () => {
    for (const theme of teamsThemes()) {
      const style = theme.styles.default!;
      expect(contrast(style.foregroundColors.default!.default, style.backgroundColor)).toBeGreaterThanOrEqual(
        MIN_TEXT_CONTRAST,
      );
    }
  });
});
