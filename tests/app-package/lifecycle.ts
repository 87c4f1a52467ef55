/**
 * Reads the toolkit's lifecycle files (teamsapp*.yml, env/.env.*, infra/*) closely enough to check that
 * every `${{NAME}}` is set before the action that needs it. Line-based on purpose: the files follow the
 * toolkit's fixed layout, and a YAML parser is not among the project's dependencies.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { placeholdersIn, readText, REPO_ROOT } from './app-package';

export interface LifecycleAction {
  stage: string;
  uses: string;
  /** The action's lines, comments removed. */
  text: string;
}

export function parseLifecycle(yaml: string): LifecycleAction[] {
  const actions: LifecycleAction[] = [];
  let stage = '';
  for (const rawLine of yaml.split('\n')) {
    const line = rawLine.replace(/(^|\s)#.*$/, '');
    const stageMatch = /^(provision|deploy|publish):/.exec(line);
    if (stageMatch) {
      stage = stageMatch[1] as string;
      continue;
    }
    const actionMatch = /^\s*- uses: (\S+)/.exec(line);
    if (actionMatch && stage) {
      actions.push({ stage, uses: actionMatch[1] as string, text: line + '\n' });
    } else if (actions.length > 0 && /^\s/.test(line)) {
      (actions[actions.length - 1] as LifecycleAction).text += line + '\n';
    }
  }
  return actions;
}

/** `writeToEnvironmentFile` targets and `::set-teamsfx-env NAME=` from a script. */
function declaredOutputs(action: LifecycleAction): string[] {
  const names: string[] = [];
  const lines = action.text.split('\n');
  const start = lines.findIndex((line) => /^\s*writeToEnvironmentFile:\s*$/.test(line));
  if (start >= 0) {
    const indent = (lines[start] as string).search(/\S/);
    for (const line of lines.slice(start + 1)) {
      if (line.trim() === '' || line.search(/\S/) <= indent) break;
      const match = /^\s*\w+:\s*([A-Z][A-Z0-9_]*)\s*$/.exec(line);
      if (match) names.push(match[1] as string);
    }
  }
  for (const match of action.text.matchAll(/::set-teamsfx-env ([A-Z][A-Z0-9_]*)=/g))
    names.push(match[1] as string);
  return names;
}

export function bicepOutputs(bicep: string): string[] {
  return [...bicep.matchAll(/^output (\w+) /gm)].map((match) => match[1] as string);
}

export function bicepParams(bicep: string): { name: string; hasDefault: boolean }[] {
  return [...bicep.matchAll(/^param (\w+) \w+( = .+)?$/gm)].map((match) => ({
    name: match[1] as string,
    hasDefault: match[2] !== undefined,
  }));
}

export function envFileKeys(text: string): string[] {
  return [...text.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1] as string);
}

/** Files an action reads: the manifests it validates or applies and the ARM parameters it fills. */
export function referencedFiles(action: LifecycleAction): string[] {
  return [
    ...action.text.matchAll(/^\s*(?:-\s+)?(manifestPath|parameters|path|ignoreFile):\s*(\S+)\s*$/gm),
  ].map((match) => (match[2] as string).replace(/^\.\//, ''));
}

/** What an action writes to the environment, including what the toolkit's actions write implicitly. */
export function outputsOf(action: LifecycleAction): string[] {
  const outputs = declaredOutputs(action);
  if (action.uses === 'arm/deploy') {
    for (const file of referencedFiles(action).filter((path) => path.endsWith('.bicep'))) {
      outputs.push(...bicepOutputs(readText(file)));
    }
  }
  // aadApp/update generates the access_as_user scope id when it is empty and writes it back.
  if (action.uses === 'aadApp/update') outputs.push('AAD_APP_ACCESS_AS_USER_PERMISSION_ID');
  return outputs;
}

export function inputsOf(action: LifecycleAction): string[] {
  const names = new Set(placeholdersIn(action.text));
  for (const file of referencedFiles(action)) {
    if (existsSync(join(REPO_ROOT, file)) && !file.endsWith('.bicep')) {
      for (const name of placeholdersIn(readText(file))) names.add(name);
    }
  }
  return [...names].sort();
}

/**
 * Walks the actions in order, as provision, deploy and publish run one after another on one env file.
 * Returns "action: NAME" for each placeholder used before anything sets it.
 */
export function unsetPlaceholders(actions: LifecycleAction[], initiallySet: Iterable<string>): string[] {
  const set = new Set(initiallySet);
  const missing: string[] = [];
  for (const action of actions) {
    // An action may fill a placeholder of its own input (aadApp/update and the scope id).
    const outputs = outputsOf(action);
    for (const name of inputsOf(action)) {
      if (!set.has(name) && !outputs.includes(name)) missing.push(`${action.uses}: ${name}`);
    }
    for (const name of outputs) set.add(name);
  }
  return missing;
}
