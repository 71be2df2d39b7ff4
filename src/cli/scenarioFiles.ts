// Which files a `faultline validate` argument names: a file itself, or every *.yaml / *.yml in
// a folder (and its subfolders), in a stable order.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface Expanded {
  files: string[];
  /** Arguments that name nothing usable, with why. */
  problems: string[];
}

const SCENARIO_FILE = /\.ya?ml$/i;

export function scenarioFiles(args: readonly string[]): Expanded {
  const files: string[] = [];
  const problems: string[] = [];
  for (const arg of args) {
    const stat = statSync(arg, { throwIfNoEntry: false });
    if (!stat) problems.push(`${arg}: no such file or folder`);
    else if (stat.isDirectory()) {
      const found = walk(arg);
      if (found.length) files.push(...found);
      else problems.push(`${arg}: no .yaml or .yml files in this folder`);
    } else files.push(arg);
  }
  return { files, problems };
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(path));
    else if (entry.isFile() && SCENARIO_FILE.test(entry.name)) out.push(path);
  }
  return out;
}
