/**
 * The import direction of docs/architecture.md, checked on every `npm test`: the folders of bot/src form layers,
 * and a module imports only from its own folder and from lower layers. The domain imports nothing of ours but
 * itself, storage only the domain, and only bot/src/teams touches the Bot Framework SDK. Imports that go the
 * wrong way would be listed below as debt (none are): a new one fails this test, and so does one that has been
 * removed but is still listed (the list only shrinks).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const SOURCE = join(__dirname, '..', '..', 'bot', 'src');

/** Layers, lowest first; a folder may import its own layer's folders only where the table says so. */
const LAYERS: Record<string, number> = {
  domain: 0,
  // Every tunable (rates, page sizes, caches, bounds): plain values any layer may read, importing nothing.
  tunables: 0,
  // The wire contract of /api/v1: the JSON the API answers, pure types over the domain, shared with the tabs.
  contract: 0.5,
  // The catalogues, and each person's language (their stored choice, read through storage).
  i18n: 1.5,
  storage: 1,
  logging: 1,
  config: 1,
  'organisation-data': 2,
  fanout: 2,
  calendar: 2,
  // What every HTTP route builds on: the route kit, the API's error answers and refusals, the signed-in caller,
  // the rate limits, an editor's save with If-Match. The features' routes, the API and the bot endpoint use it.
  'http-kit': 2.5,
  cards: 3,
  // The chat's commands and replies: what every feature's chat command is built on.
  chat: 3.5,
  // The summaries: their figures (compilation, anonymous figures, aggregates) are what other features read, and
  // they import no other feature, so they sit just below the features.
  summaries: 3.8,
  clock: 4,
  coaching: 4,
  'development-actions': 4,
  'group-discussions': 4,
  privacy: 4,
  'training-plans': 4,
  // The strategic discussion brings the year's figures and the central training plan together: it reads
  // training-plans/, which imports nothing of it.
  strategy: 4.5,
  teams: 5,
  api: 5,
  http: 5.5,
  features: 6,
  // The composition: what starts the app wires everything, locally (devstack, cli) or in Azure (index).
  app: 7,
  index: 7,
  devstack: 7,
  cli: 7,
};
const COMPOSITION = 7;

/**
 * Imports against the direction that are still there (folder → folder: how many files). Issue 16 paid the last of
 * them; an entry here is a known exception to remove, and the test below fails both on a new upward import and on
 * an entry that is no longer needed.
 */
const DEBT: Record<string, number> = {};

interface Import {
  file: string;
  from: string;
  to: string;
  specifier: string;
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** The top folder of a path inside bot/src ("cards"), or the file's name for a file at the top ("app"). */
function folderOf(path: string): string {
  const parts = relative(SOURCE, path).split(sep);
  return (parts.length > 1 ? parts[0] : parts[0]?.replace(/\.(ts|json)$/, '')) as string;
}

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((match) => {
    const specifier = match[1] as string;
    const to = specifier.startsWith('.')
      ? folderOf(resolve(dirname(file), specifier))
      : `package:${specifier}`;
    return { file: relative(SOURCE, file), from: folderOf(file), to, specifier };
  });
}

const imports = sourceFiles(SOURCE).flatMap(importsOf);
const ours = imports.filter((i) => !i.to.startsWith('package:') && i.to !== i.from);

test('every folder of bot/src has its place in a layer', () => {
  const unplaced = [...new Set(imports.flatMap((i) => [i.from, i.to]))].filter(
    (folder) => !folder.startsWith('package:') && !(folder in LAYERS),
  );
  expect(unplaced).toEqual([]);
});

test('the domain and the tunables import nothing of ours, and storage only the domain and the tunables', () => {
  const outside = ours.filter(
    (i) =>
      (i.from === 'domain' && i.to !== 'domain') ||
      i.from === 'tunables' ||
      (i.from === 'storage' && i.to !== 'domain' && i.to !== 'tunables'),
  );
  expect(outside.map((i) => `${i.file} imports ${i.specifier}`)).toEqual([]);
});

test('only bot/src/teams touches the Bot Framework SDK', () => {
  const sdk = imports.filter((i) => /^package:(botbuilder|botframework-)/.test(i.to) && i.from !== 'teams');
  expect(sdk.map((i) => `${i.file} imports ${i.specifier}`)).toEqual([]);
});

test('imports go down the layers; those still going up are the listed debt, and the list only shrinks', () => {
  const upward = new Map<string, Set<string>>();
  for (const i of ours) {
    const [from, to] = [LAYERS[i.from] as number, LAYERS[i.to] as number];
    if (from > to || (from === COMPOSITION && to === COMPOSITION)) continue;
    const edge = `${i.from} -> ${i.to}`;
    upward.set(edge, (upward.get(edge) ?? new Set()).add(i.file));
  }
  const found = Object.fromEntries([...upward].map(([edge, files]) => [edge, files.size]));
  const added = Object.keys(found).filter(
    (edge) => !(edge in DEBT) || (found[edge] as number) > (DEBT[edge] as number),
  );
  const repaid = Object.keys(DEBT).filter((edge) => (found[edge] ?? 0) < (DEBT[edge] as number));
  expect({ added: added.map((edge) => `${edge}: ${[...(upward.get(edge) ?? [])].join(', ')}`) }).toEqual({
    added: [],
  });
  // Lower the count (or remove the line) in DEBT when an import against the direction is gone.
  expect({ repaid }).toEqual({ repaid: [] });
});
