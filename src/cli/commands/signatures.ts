// `faultline signatures [KIND…]`: holds fault kinds (and distractors) to the Signatures of the
// authoring guide — each kind injected at its default parameters, at several seeds and for every
// value its variants can pick, against its fault-free twin. Exit 1 when a check fails.
import type { ParseArgsConfig } from 'node:util';
import { parse, WORLD_OPTIONS, integerFlag, worldFlags } from '../args.ts';
import { UsageError } from '../errors.ts';
import { loadPair, loadWorld } from '../world.ts';
import { DISTRACTOR_KINDS, FAULT_KINDS } from '../../sim/vocabulary.ts';
import { checkSignature, signatureRuns, zBar, type CheckResult } from '../../sim/faults/signatureCheck.ts';
import { worldConfig } from '../../sim/config.ts';
import { formatChange, formatSigned } from '../../sim/query/format.ts';
import type { WorldPair } from '../../sim/simulate.ts';

export const SIGNATURE_SEEDS = [101, 202, 303];

export const signaturesHelp = `faultline signatures [KIND…] [--seed N]… [--onset DAY] [--users N --items N --days N]
                     [--verbose] [--json]
  Injects each fault kind (or distractor kind) named — all fault kinds when none is — at its
  default parameters and checks the footprint against the guide's Signatures: every "moves" at
  |z| ≥ 4 in the default world (scaled with the world's size), every "stays flat" within the
  noise. Runs cover every value the kind's variants can pick, spread over the seeds
  (default ${SIGNATURE_SEEDS.join(', ')}). --verbose prints the cells and the \`faultline query … --twin\`
  command of each check. Exit 1 when a check fails.`;

/** The flags `faultline signatures` takes (its --help lists them all). */
export const signaturesOptions = {
    ...WORLD_OPTIONS,
    seed: { type: 'string', multiple: true },
    onset: { type: 'string' },
    verbose: { type: 'boolean', short: 'v' },
    json: { type: 'boolean' },
  } as const satisfies ParseArgsConfig['options'];

export async function signaturesCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parse(argv, signaturesOptions);
  const known = [...FAULT_KINDS, ...DISTRACTOR_KINDS] as string[];
  for (const k of positionals) {
    if (!known.includes(k)) throw new UsageError(`unknown kind "${k}". Kinds: ${known.join(', ')}`);
  }
  const kinds = positionals.length ? positionals : [...FAULT_KINDS];
  const seeds = values.seed?.map((s) => integerFlag('seed', s)!) ?? SIGNATURE_SEEDS;
  const config = worldConfig({ ...worldFlags({ ...values, seed: undefined }) });
  const onsetDay = integerFlag('onset', values.onset) ?? Math.floor(config.days / 2) + 1;
  const report: { kind: string; seed: number; params: Record<string, unknown>; results: CheckResult[] }[] = [];
  let failed = 0;
  for (const kind of kinds) {
    const distractor = (DISTRACTOR_KINDS as readonly string[]).includes(kind);
    for (const run of signatureRuns(kind, seeds, distractor)) {
      const sized = { ...config, seed: run.seed };
      const change = { kind: kind as never, onsetDay, params: run.params };
      const pair: WorldPair = distractor
        ? { factual: await loadWorld(sized, values, { distractors: [change] }), twin: await loadWorld(sized, values) }
        : await loadPair(sized, values, { faults: [change] });
      const resolved = (distractor ? pair.factual.distractors : pair.factual.faults)[0];
      const results = checkSignature(pair, { kind, onsetDay, params: resolved.params, distractor });
      failed += results.filter((r) => !r.pass).length;
      report.push({ kind, seed: run.seed, params: resolved.params, results });
      if (!values.json) printRun(kind, run.seed, resolved.params, results, values.verbose ?? false);
    }
  }
  const checks = report.reduce((n, r) => n + r.results.length, 0);
  if (values.json) {
    console.log(JSON.stringify({ zBar: zBar(config, onsetDay), onsetDay, runs: report.map((r) => ({ ...r, results: r.results.map(({ check, ...rest }) => ({ expect: check.expect, ...rest })) })) }, null, 2));
  } else {
    console.log(`\n${checks - failed} of ${checks} checks hold (|z| ≥ ${zBar(config, onsetDay).toFixed(1)} for a move, onset day ${onsetDay} of ${config.days})`);
  }
  if (failed) throw new UsageError(`${failed} signature check(s) failed`, 1);
}

function printRun(kind: string, seed: number, params: Record<string, unknown>, results: CheckResult[], verbose: boolean): void {
  console.log(`\n${kind} · seed ${seed} · ${JSON.stringify(params)}`);
  for (const r of results) {
    const shown = verbose || r.cells.length <= 3 ? r.cells : [...r.cells.filter((c) => !c.pass), ...r.cells.filter((c) => c.pass)].slice(0, 3);
    const cells = shown
      .map((c) => `${c.pass ? '' : '✗'}${c.group} ${formatChange(c.relative)}${c.z !== null ? ` z ${formatSigned(c.z)}` : ''}`)
      .join('; ');
    const more = shown.length < r.cells.length ? ` (+${r.cells.length - shown.length} more)` : '';
    console.log(`  ${r.pass ? '✓' : '✗'} ${r.label}: ${cells || 'no cells'}${more}`);
    if (verbose) console.log(`      ${r.command}`);
  }
}
