/**
 * `npm test`'s pretest: the browser tests drive Debian's Chromium at /usr/bin/chromium (never a downloaded
 * browser). When it is missing, install Debian's `chromium` if this process may (root with apt-get); otherwise
 * stop at once with the exact command to run, before the build and long before a wall of failed browser tests.
 */
'use strict';

const { accessSync, constants } = require('node:fs');
const { spawnSync } = require('node:child_process');

const CHROMIUM = '/usr/bin/chromium';
const APT_STEPS = [
  ['apt-get', 'update', '-qq'],
  ['apt-get', 'install', '-y', '-qq', 'chromium'],
];
const MANUAL_COMMAND = 'sudo apt-get update && sudo apt-get install -y chromium';

/** What to do, from three facts about the machine. */
function decide({ chromiumPresent, isRoot, hasAptGet }) {
  if (chromiumPresent) return { action: 'ready' };
  if (isRoot && hasAptGet) return { action: 'install' };
  return { action: 'stop' };
}

function stopMessage(hasAptGet, reason) {
  const lines = [`npm test: the browser tests need Chromium at ${CHROMIUM}, which is missing${reason}.`];
  lines.push(`Run:  ${MANUAL_COMMAND}`);
  if (!hasAptGet) lines.push('(That is Debian\'s "chromium" package; this machine has no apt-get.)');
  lines.push('Then run npm test again.');
  return lines.join('\n');
}

/**
 * Carries the decision out. `probe` reads the machine, `exec(argv)` runs a command and returns its exit
 * status, `log` prints; the result is the process's exit code.
 */
function ensureChromium({ probe, exec, log }) {
  const facts = probe();
  const { action } = decide(facts);
  if (action === 'ready') return 0;
  if (action === 'stop') {
    log(stopMessage(facts.hasAptGet, ''));
    return 1;
  }
  log(`npm test: ${CHROMIUM} is missing; installing Debian's chromium (apt-get, as root).`);
  for (const step of APT_STEPS) {
    if (exec(step) !== 0) {
      log(stopMessage(facts.hasAptGet, ` and "${step.join(' ')}" failed`));
      return 1;
    }
  }
  if (!probe().chromiumPresent) {
    log(stopMessage(facts.hasAptGet, ' even after installing the chromium package'));
    return 1;
  }
  return 0;
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function machineProbe() {
  let chromiumPresent = true;
  try {
    accessSync(CHROMIUM, constants.X_OK);
  } catch {
    chromiumPresent = false;
  }
  return {
    chromiumPresent,
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    hasAptGet: onPath('apt-get'),
  };
}

function machineExec([command, ...args]) {
  const result = spawnSync(command, args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return result.status ?? 1;
}

module.exports = { decide, ensureChromium, CHROMIUM, MANUAL_COMMAND };

if (require.main === module) {
  process.exitCode = ensureChromium({
    probe: machineProbe,
    exec: machineExec,
    log: (line) => console.error(line),
  });
}
