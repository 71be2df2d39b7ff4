// The engine grades a scenario an instructor writes from the guide alone: for each of the 14
// fault kinds, a minimal scenario — the kind at its default parameters, 8,000 users, 14 days,
// onset day 7, nothing else — is solvable, its derived expert transcript scores ≥ 90, and the
// grading rules hold over transcripts derived from it (derivedPaths.ts). Each kind runs at its
// own seed, so the fourteen together try fourteen worlds; `faultline solve` tries others.
import { describe, expect, it } from 'vitest';
import { generatePair } from '../../src/cli/world.ts';
import { FAULT_KINDS } from '../../src/sim/vocabulary.ts';
import { openCase } from '../../src/engine/case.ts';
import { grade } from '../../src/engine/grade.ts';
import { solvability } from '../../src/engine/solvability.ts';
import { OUTCOMES, targetsOf } from '../../src/engine/truth.ts';
import { footprint } from '../../src/sim/footprint.ts';
import { derivedPaths, ruleFailures, type PathName } from './derivedPaths.ts';

export const MINIMAL = { users: 8000, days: 14 } as const;
const ONSET = 7;

describe('a minimal scenario of every fault kind', () => {
  it.each(FAULT_KINDS.map((kind, i) => [kind, 1000 + 37 * i] as const))('%s (seed %i): solvable, expert ≥ 90, the rules hold', (kind, seed) => {
    const pair = generatePair({ ...MINIMAL, seed }, { quiet: true }, { faults: [{ kind, onsetDay: ONSET, params: {} }] });
    const c = openCase(pair, {});
    // The symptom is an alarm a person watches, never a pipeline internal.
    expect(OUTCOMES).toContain(c.truth.symptom);
    // A picked target (aesthetic, platform, app version, region) is left out of a segment slice
    // only when its own footprint on the symptom is not significant (a quiet fault reads its segment elsewhere).
    for (const [dim, picked] of Object.entries(targetsOf(pair.factual.faults[0].params))) {
      const named = c.truth.segment[dim];
      if (!named || c.truth.quiet) continue;
      const cells = footprint(pair, { metric: c.truth.symptom, window: [ONSET, MINIMAL.days], groupBy: dim as never }).cells;
      for (const v of picked.filter((p) => !named.includes(p))) expect(Math.abs(cells.find((x) => x.group === v)?.z ?? 0), `${dim} ${v} left out`).toBeLessThan(3);
    }
    const report = solvability(c);
    expect(report.problems).toEqual([]);
    const scores = Object.fromEntries(Object.entries(derivedPaths(c)).map(([k, actions]) => [k, grade(c, actions).score])) as Partial<Record<PathName, number>>;
    expect(ruleFailures(scores, 90)).toEqual([]);
  }, 120_000);
});
