/**
 * `npm test` sets up the browser it needs (tests/support/ensure-chromium.js, the pretest): with Chromium
 * present it does nothing; missing and root with apt-get, it installs Debian's chromium; otherwise it stops
 * at once with the exact command, before building anything.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decide, ensureChromium, MANUAL_COMMAND, type MachineFacts } from '../support/ensure-chromium';

const ROOT = join(__dirname, '..', '..');

/** A machine whose Chromium appears once `apt-get install` has succeeded. */
function machine(facts: MachineFacts, aptStatus: { update?: number; install?: number } = {}) {
  const state = { ...facts };
  const ran: string[] = [];
  const logged: string[] = [];
  const code = ensureChromium({
    probe: () => ({ ...state }),
    exec: (argv) => {
      ran.push(argv.join(' '));
      const status = (argv[1] === 'update' ? aptStatus.update : aptStatus.install) ?? 0;
      if (argv[1] === 'install' && status === 0) state.chromiumPresent = true;
      return status;
    },
    log: (line) => logged.push(line),
  });
  return { code, ran, output: logged.join('\n') };
}

describe('deciding what the test command needs', () => {
  it.each([
    [{ chromiumPresent: true, isRoot: false, hasAptGet: false }, 'ready'],
    [{ chromiumPresent: true, isRoot: true, hasAptGet: true }, 'ready'],
    [{ chromiumPresent: false, isRoot: true, hasAptGet: true }, 'install'],
    [{ chromiumPresent: false, isRoot: false, hasAptGet: true }, 'stop'],
    [{ chromiumPresent: false, isRoot: true, hasAptGet: false }, 'stop'],
    [{ chromiumPresent: false, isRoot: false, hasAptGet: false }, 'stop'],
  ])('%o → %s', (facts, action) => {
    expect(decide(facts).action).toBe(action);
  });
});

describe('carrying it out', () => {
  it('does nothing and says nothing when /usr/bin/chromium is there', () => {
    const run = machine({ chromiumPresent: true, isRoot: true, hasAptGet: true });
    expect(run).toEqual({ code: 0, ran: [], output: '' });
  });

  it("installs Debian's chromium with apt-get when missing and running as root", () => {
    const run = machine({ chromiumPresent: false, isRoot: true, hasAptGet: true });
    expect(run.ran).toEqual(['apt-get update -qq', 'apt-get install -y -qq chromium']);
    expect(run.code).toBe(0);
  });

  it('stops at once with the exact command when not root, running nothing', () => {
    const run = machine({ chromiumPresent: false, isRoot: false, hasAptGet: true });
    expect(run.code).toBe(1);
    expect(run.ran).toEqual([]);
    expect(run.output).toContain('/usr/bin/chromium');
    expect(run.output).toContain(`Run:  ${MANUAL_COMMAND}`);
    expect(MANUAL_COMMAND).toBe('sudo apt-get update && sudo apt-get install -y chromium');
  });

  it('stops with the command when the installation fails, naming the step that failed', () => {
    const run = machine({ chromiumPresent: false, isRoot: true, hasAptGet: true }, { install: 100 });
    expect(run.code).toBe(1);
    expect(run.output).toContain('"apt-get install -y -qq chromium" failed');
    expect(run.output).toContain(MANUAL_COMMAND);
  });

  it("says it is Debian's package when the machine has no apt-get", () => {
    const run = machine({ chromiumPresent: false, isRoot: true, hasAptGet: false });
    expect(run.code).toBe(1);
    expect(run.ran).toEqual([]);
    expect(run.output).toContain('Debian\'s "chromium" package');
  });
});

describe('wiring', () => {
  it("runs as npm test's pretest, before the build", () => {
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts;
    expect(scripts.pretest).toBe('node tests/support/ensure-chromium.js');
  });

  it('passes silently on this machine, which has Chromium', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'tests', 'support', 'ensure-chromium.js')], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
  });
});
