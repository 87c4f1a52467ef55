/**
 * Every package the bot's and the tabs' sources import is declared in that workspace's package.json (or the root's),
 * and every package the tests and benchmarks import in one of the package.json files,
 * so `npm ci` installs it on purpose and not only because another package happens to depend on it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(path) ? [path] : [];
  });
}

function declared(packageJson: string): Set<string> {
  const json = JSON.parse(readFileSync(packageJson, 'utf8')) as Record<
    string,
    Record<string, string> | undefined
  >;
  return new Set(
    ['dependencies', 'devDependencies', 'peerDependencies'].flatMap((field) =>
      Object.keys(json[field] ?? {}),
    ),
  );
}

/** The package a bare specifier names: `@scope/name` or `name`, without a sub-path. */
const packageOf = (specifier: string): string =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

function undeclaredImports(folder: string, manifests: string[]): string[] {
  const known = new Set(manifests.flatMap((manifest) => [...declared(join(ROOT, manifest))]));
  return sourceFiles(join(ROOT, folder)).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return [
      ...text.matchAll(
        /^\s*(?:import|export)\b[^'";]*?from\s*'([^'.][^']*)'|import\(\s*'([^'.][^']*)'\s*\)/gm,
      ),
    ]
      .map((match) => (match[1] ?? match[2]) as string)
      .filter((specifier) => !specifier.startsWith('node:') && !builtinModules.includes(specifier))
      .map(packageOf)
      .filter((name) => !known.has(name))
      .map((name) => `${file.slice(ROOT.length + 1)} imports ${name}`);
  });
}

test.each(['bot', 'tabs'])('every package %s/src imports is declared', (workspace) => {
  expect(
    undeclaredImports(join(workspace, 'src'), ['package.json', join(workspace, 'package.json')]),
  ).toEqual([]);
});

test.each(['tests', 'bench'])('every package %s/ imports is declared in one of the workspaces', (folder) => {
  const manifests = ['package.json', join('bot', 'package.json'), join('tabs', 'package.json')];
  expect(undeclaredImports(folder, manifests)).toEqual([]);
});
