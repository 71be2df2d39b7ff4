// `faultline new <id>`: a commented starter scenario that validates as written.
import type { ParseArgsConfig } from 'node:util';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parse } from '../args.ts';
import { UsageError } from '../errors.ts';
import { REPO_ROOT } from '../paths.ts';
import { kebabId } from '../../scenario/ids.ts';
import { starterScenario } from '../../scenario/starter.ts';

export const newHelp = `faultline new <id> [--out path]
  Writes a commented starter scenario that validates, to scenarios/<id>.yaml (or --out).
  Never overwrites an existing file.`;

const SCHEMA = join(REPO_ROOT, 'scenarios', 'scenario.schema.json');

/** The flags `faultline new` takes (its --help lists them all). */
export const newOptions = { out: { type: 'string', short: 'o' } } as const satisfies ParseArgsConfig['options'];

export function newCommand(argv: string[]): void {
  const { values, positionals } = parse(argv, newOptions);
  const [id, ...extra] = positionals;
  if (!id) throw new UsageError('name the new scenario, e.g. faultline new cold-start-niche-aesthetics');
  if (extra.length) throw new UsageError(`one id at a time; unexpected ${extra.map((e) => `"${e}"`).join(', ')}`);
  const checked = kebabId('id').safeParse(id);
  if (!checked.success) throw new UsageError(`the id ${checked.error.issues[0].message}`);
  const out = values.out ?? `scenarios/${id}.yaml`;
  if (existsSync(out)) throw new UsageError(`${out} already exists; choose another id or --out path (nothing was written)`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, starterScenario(id, schemaPath(out)), { flag: 'wx' });
  console.log(`wrote ${out}\nedit it, then check it with: npx faultline validate ${out}`);
}

/** The JSON Schema's path relative to the new file, for the editor-completion comment. */
function schemaPath(out: string): string {
  const rel = relative(dirname(resolve(out)), SCHEMA).split(sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}
