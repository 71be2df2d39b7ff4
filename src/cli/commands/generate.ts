// `faultline generate [--seed N] [--difficulty intro|medium|hard] [--kind K]… [--out FILE]`:
// a new incident as a scenario file, the same for the same flags — kept only once `solve`
// passes on its world and its measured difficulty is the one asked for.
import type { ParseArgsConfig } from 'node:util';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { integerFlag, parse } from '../args.ts';
import { UsageError } from '../errors.ts';
import { loadPair } from '../world.ts';
import { generateIncident } from '../../engine/generate/generate.ts';
import type { Difficulty } from '../../engine/generate/plan.ts';
import { DIFFICULTIES } from '../../scenario/schema.ts';
import { FAULT_KINDS, type FaultKind } from '../../sim/vocabulary.ts';

export const generateHelp = `faultline generate [--seed N] [--difficulty intro|medium|hard] [--kind K]… [--out FILE]
  Writes a new incident as a scenario file (to standard output, or --out, never over a file):
  a fault of one of the kinds (every kind by default; --kind again for more), distractors near
  its onset, a changelog, a briefing whose numbers are the world's (as claims), hints, findings
  and a debrief from the expert path. It is kept only when faultline solve passes on its world;
  its difficulty is the one measured there (the figures open the file) — with --difficulty, the
  one asked for (other kinds and worlds are tried until one measures it). Seeds 1–14 go round
  every fault kind. The same flags give the same file.`;

/** The flags `faultline generate` takes (its --help lists them all). */
export const generateOptions = {
  seed: { type: 'string' },
  difficulty: { type: 'string' },
  kind: { type: 'string', multiple: true },
  out: { type: 'string', short: 'o' },
  quiet: { type: 'boolean', short: 'q' },
  'no-cache': { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

export async function generateCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parse(argv, generateOptions);
  if (positionals.length) throw new UsageError(`faultline generate takes no file; unexpected ${positionals.map((p) => `"${p}"`).join(', ')}`);
  const seed = integerFlag('seed', values.seed) ?? 1;
  const difficulty = values.difficulty as Difficulty | undefined;
  if (difficulty !== undefined && !(DIFFICULTIES as readonly string[]).includes(difficulty)) {
    throw new UsageError(`--difficulty must be one of ${DIFFICULTIES.join(', ')}, got "${difficulty}"`);
  }
  const kinds = (values.kind ?? []) as FaultKind[];
  for (const k of kinds) if (!(FAULT_KINDS as readonly string[]).includes(k)) throw new UsageError(`--kind must be a fault kind (${FAULT_KINDS.join(', ')}), got "${k}"`);
  if (values.out && existsSync(values.out)) throw new UsageError(`${values.out} already exists; choose another --out path (nothing was written)`);
  // Written to a file, the scenario's id is the file's name (as validate asks), when it can be one.
  const stem = values.out ? basename(values.out).replace(/\.ya?ml$/, '') : null;
  const id = stem && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(stem) ? stem : undefined;
  const say = (line: string) => values.quiet || console.error(line);
  const incident = await generateIncident({ seed, difficulty, kinds, id }, (config, changes) => loadPair(config, { quiet: true, 'no-cache': values['no-cache'] }, changes), (attempt, plan) =>
    say(`attempt ${attempt + 1}: ${plan.kind} (${plan.difficulty}), world seed ${plan.worldSeed}…`),
  );
  for (const r of incident.rejected) say(`  set aside: ${r}`);
  if (values.out) {
    mkdirSync(dirname(values.out), { recursive: true });
    writeFileSync(values.out, incident.text, { flag: 'wx' });
    say(`wrote ${values.out} (${incident.plan.kind}, ${incident.figures.difficulty}); play it in the app (Open scenario…) or check it: npx faultline solve ${values.out}`);
  } else process.stdout.write(incident.text);
}
