// `faultline solve` holds for every built-in scenario at its file's seed and two others (the seeds
// the signature tests use): every rung of the ladder can be seen at that seed and no false lead
// outweighs the fault where the scope is found. One world pair per scenario and seed, dropped
// after its test.
import { describe, expect, it } from 'vitest';
import { scenarioWorld } from '../../src/cli/scenarioArg.ts';
import { simulatePair } from '../../src/sim/simulate.ts';
import { openCase } from '../../src/engine/case.ts';
import { solvability } from '../../src/engine/solvability.ts';
import { BUILTIN_SIGNATURES } from '../scenario/builtinSignatures.ts';

describe('every built-in scenario is solvable', () => {
  for (const { id, seeds } of BUILTIN_SIGNATURES) {
    for (const seed of [undefined, ...seeds]) {
      it(`${id} at ${seed === undefined ? 'the file’s seed' : `seed ${seed}`}`, () => {
        const w = scenarioWorld(id, { config: {}, faults: [], distractors: [] });
        const pair = simulatePair(seed === undefined ? w.config : { ...w.config, seed }, { faults: w.faults, distractors: w.distractors });
        const report = solvability(openCase(pair, w.scenario!));
        expect(report.problems).toEqual([]);
        expect(report.ok).toBe(true);
      }, 240_000);
    }
  }
});
