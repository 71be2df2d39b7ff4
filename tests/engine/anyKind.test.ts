// The engine grades a scenario an instructor writes from the guide alone: for each of the 14
// fault kinds, a minimal scenario — the kind alone, onset day 7, in the world the Signatures are
// checked in (tests/faults/signatureRuns.ts: 7,000 users, 12 days) — is solvable, its derived
// expert transcript scores ≥ 90, and the grading rules hold over transcripts derived from it
// (derivedPaths.ts). Each kind takes one of its Signatures runs (seed and variant values) in
// turn, so the fourteen try all three seeds and many picks — and share their worlds with the
// Signatures tests through the run's world cache rather than generating their own.
import { describe, expect, it } from 'vitest';
import { generatePair } from '../../src/cli/world.ts';
import { signatureRuns } from '../../src/sim/faults/signatureCheck.ts';
import { SPEC_ONSET, SPEC_SEEDS, SPEC_WORLD } from '../faults/signatureRuns.ts';
import { FAULT_KINDS } from '../../src/sim/vocabulary.ts';
import { openCase } from '../../src/engine/case.ts';
import { grade } from '../../src/engine/grade.ts';
import { solvability } from '../../src/engine/solvability.ts';
import { OUTCOMES, targetsOf } from '../../src/engine/truth.ts';
import { footprint } from '../../src/sim/footprint.ts';
import { derivedPaths, ruleFailures, type PathName } from './derivedPaths.ts';

const ONSET = SPEC_ONSET;

describe('a minimal scenario of every fault kind', () => {
  const cases = FAULT_KINDS.map((kind, i) => {
    const runs = signatureRuns(kind, SPEC_SEEDS);
    const run = runs[i % runs.length];
    return [kind, run.seed, JSON.stringify(run.params), run.params] as const;
  });
  it.each(cases)('%s (seed %i, %s): solvable, expert ≥ 90, the rules hold', (kind, seed, _, params) => {
    const pair = generatePair({ ...SPEC_WORLD, seed }, { quiet: true }, { faults: [{ kind, onsetDay: ONSET, params: params as never }] });
    const c = openCase(pair, {});
    // The symptom is an alarm a person watches, never a pipeline internal.
    expect(OUTCOMES).toContain(c.truth.symptom);
    // A picked target (aesthetic, platform, app version, region) is left out of a segment slice
    // only when its own footprint on the symptom is not significant (a quiet fault reads its segment elsewhere).
    for (const [dim, picked] of Object.entries(targetsOf(pair.factual.faults[0].params))) {
      const named = c.truth.segment[dim];
      if (!named || c.truth.quiet) continue;
      const cells = footprint(pair, { metric: c.truth.symptom, window: [ONSET, SPEC_WORLD.days], groupBy: dim as never }).cells;
      for (const v of picked.filter((p) => !named.includes(p))) expect(Math.abs(cells.find((x) => x.group === v)?.z ?? 0), `${dim} ${v} left out`).toBeLessThan(3);
    }
    const report = solvability(c);
    expect(report.problems).toEqual([]);
    const scores = Object.fromEntries(Object.entries(derivedPaths(c)).map(([k, actions]) => [k, grade(c, actions).score])) as Partial<Record<PathName, number>>;
    expect(ruleFailures(scores, 90)).toEqual([]);
  }, 120_000);
});
