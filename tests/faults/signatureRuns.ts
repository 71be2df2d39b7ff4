// The Signatures as tests: every kind injected at its default parameters, at three seeds and for
// every value its variants can pick (signatureRuns), in a world small enough for CI, each check
// of its row (src/sim/faults/signatures.ts) held against the fault-free twin — or, for a
// distractor, against the same world without it. The bar for a move scales with the world's size.
import { describe, expect, it } from 'vitest';
import type { WorldPair } from '../../src/sim/simulate.ts';
import { generatePair, generateWorld } from '../../src/cli/world.ts';
import { checkSignature, signatureRuns, type CheckResult, type SignatureRun } from '../../src/sim/faults/signatureCheck.ts';
import type { World } from '../../src/sim/world/world.ts';

export const SPEC_WORLD = { users: 7000, items: 14000, days: 12 } as const;
/** Six days of logs before the onset: enough for a ranker fitted on them (rare-class-regression's v13) to be the upgrade it is in the default world. */
export const SPEC_ONSET = 7;
/** Not the CLI's default seeds (101, 202, 303): `faultline signatures` checks other worlds. */
export const SPEC_SEEDS = [7, 19, 31];

const pairs = new Map<string, WorldPair>();
const healthy = new Map<number, World>();

/** The world pair of one run (cached: extra tests of a kind reuse its first run's worlds). */
export function runPair(kind: string, run: SignatureRun, distractor = false): WorldPair {
  const key = JSON.stringify([kind, run, distractor]);
  let pair = pairs.get(key);
  if (!pair) {
    const config = { ...SPEC_WORLD, seed: run.seed };
    const change = { kind: kind as never, onsetDay: SPEC_ONSET, params: run.params };
    if (distractor) {
      if (!healthy.has(run.seed)) healthy.set(run.seed, generateWorld(config, { quiet: true }));
      pair = { factual: generateWorld(config, { quiet: true }, { distractors: [change] }), twin: healthy.get(run.seed)! };
    } else {
      pair = generatePair(config, { quiet: true }, { faults: [change] });
    }
    pairs.set(key, pair);
  }
  return pair;
}

const describeFailure = (r: CheckResult) =>
  `${r.label}: ${r.cells.map((c) => `${c.pass ? '' : '✗'}${c.group} ${((c.relative ?? NaN) * 100).toFixed(1)}% z ${c.z?.toFixed(1)}`).join('; ')}\n    ${r.command}`;

/** A describe block holding `kind` to its Signatures row at every run. */
export function describeSignature(kind: string, distractor = false): void {
  describe(`${kind} holds its Signatures row`, () => {
    it.each(signatureRuns(kind, SPEC_SEEDS, distractor).map((run) => [`seed ${run.seed} ${JSON.stringify(run.params)}`, run] as const))(
      '%s',
      (_, run) => {
        const pair = runPair(kind, run, distractor);
        const resolved = (distractor ? pair.factual.distractors : pair.factual.faults)[0];
        const results = checkSignature(pair, { kind, onsetDay: SPEC_ONSET, params: resolved.params, distractor });
        expect(results.length).toBeGreaterThan(0);
        const failed = results.filter((r) => !r.pass);
        expect(failed.map(describeFailure), 'checks that failed').toEqual([]);
      },
    );
  });
}
