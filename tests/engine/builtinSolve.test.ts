// `faultline solve` holds for every built-in scenario at its file's seed and another (the first
// seed the signature tests use): every rung of the ladder can be seen at that seed and no false
// lead outweighs the fault where the scope is found (nothing broken: the alarm moves and every
// segment is flat) — and the grading rules hold over transcripts derived from the case
// (derivedPaths.ts): expert ≥ 90, expert > wandering > premature, a guess below every transcript
// that saw the scope, a misled one between the guess and the wanderer. One world pair per
// scenario and seed, dropped after its test.
import { describe, expect, it } from 'vitest';
import { scenarioWorld } from '../../src/cli/scenarioArg.ts';
import { simulatePair } from '../../src/sim/simulate.ts';
import { openCase } from '../../src/engine/case.ts';
import { grade } from '../../src/engine/grade.ts';
import { solvability } from '../../src/engine/solvability.ts';
import { BUILTIN_SIGNATURES } from '../scenario/builtinSignatures.ts';
import { derivedPaths, ruleFailures, type PathName } from './derivedPaths.ts';

describe('every built-in scenario is solvable and grades by the rules', () => {
  for (const { id, seeds } of BUILTIN_SIGNATURES) {
    for (const seed of [undefined, seeds[0]]) {
      it(`${id} at ${seed === undefined ? 'the file’s seed' : `seed ${seed}`}`, () => {
        const w = scenarioWorld(id, { config: {}, faults: [], distractors: [] });
        const pair = simulatePair(seed === undefined ? w.config : { ...w.config, seed }, { faults: w.faults, distractors: w.distractors });
        const c = openCase(pair, w.scenario!);
        const report = solvability(c);
        expect(report.problems).toEqual([]);
        expect(report.ok).toBe(true);
        expect(report.steps.length).toBeGreaterThan(0);
        if (c.truth.cause === 'no-regression') {
          // Nothing broke: the evidence is the alarm in the aggregate and every segment flat in the expert's slice.
          expect(report.steps.map((s) => [s.rung, s.ok])).toEqual([['alarm', true], ['flat', true]]);
          return;
        }
        const scores = Object.fromEntries(Object.entries(derivedPaths(c)).map(([k, actions]) => [k, grade(c, actions).score])) as Partial<Record<PathName, number>>;
        expect(ruleFailures(scores, 90)).toEqual([]);
      }, 240_000);
    }
  }
});
