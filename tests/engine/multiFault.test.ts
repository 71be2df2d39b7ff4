// Two faults act: the truth lists both; the primary is the one the file's answer names (else the
// first); a diagnosis naming the other is graded against it for part of the credit, and the
// debrief says so.
import { beforeAll, describe, expect, it } from 'vitest';
import { simulatePair } from '../../src/sim/simulate.ts';
import { openCase, type Case } from '../../src/engine/case.ts';
import { expertSteps, grade } from '../../src/engine/grade.ts';
import { debriefText } from '../../src/engine/debrief.ts';
import { OTHER_FAULT_CREDIT } from '../../src/engine/score.ts';
import { PRIMARY_ONLY_CREDIT, WRONG_EXTRA_FACTOR } from '../../src/engine/grade.ts';
import type { Action, Diagnosis } from '../../src/scenario/actions.ts';
import type { WorldPair } from '../../src/sim/simulate.ts';

let pair: WorldPair;
let c: Case;
beforeAll(() => {
  pair = simulatePair({ seed: 6, users: 2500, items: 5000, days: 10 }, {
    faults: [
      { kind: 'source-outage', onsetDay: 4, params: { source: 'visual-similarity', rate: 0.9, regions: ['eu'] } },
      { kind: 'feature-null', onsetDay: 6, params: { feature: 'visual_sim', rate: 0.95, platform: 'android' } },
    ],
  });
  c = openCase(pair);
}, 120_000);

const submit = (diagnosis: Diagnosis): Action[] => [{ at: 30, type: 'submit', diagnosis }];

describe('two faults', () => {
  it('lists both: the first is the primary unless the answer names the other', () => {
    expect(c.truth).toMatchObject({ cause: 'source-outage', component: 'source:visual-similarity', onsetDay: 4 });
    expect(c.truth.others).toEqual([{ stage: 'ingestion', component: 'feature-pipeline', cause: 'feature-null', onsetDay: 6 }]);
    const o = openCase(pair, { answer: { stage: 'ingestion', component: 'feature-pipeline', cause: 'feature-null' } });
    expect(o.truth).toMatchObject({ cause: 'feature-null', onsetDay: 6 });
    expect(o.truth.others.map((f) => f.cause)).toEqual(['source-outage']);
  });
  it('grades a diagnosis of the other fault against it, for part of the credit, and says so', () => {
    const segment = c.truth.segment;
    const primary = grade(c, submit({ stage: 'candidates', component: 'source:visual-similarity', cause: 'source-outage', segment }));
    const other = grade(c, submit({ stage: 'ingestion', component: 'feature-pipeline', cause: 'feature-null', segment }));
    const wrong = grade(c, submit({ stage: 'ranking', component: 'ranker', cause: 'feedback-loop', segment }));
    expect(primary.otherFault).toBeNull();
    expect(other.otherFault).toMatchObject({ cause: 'feature-null' });
    expect(wrong.otherFault).toBeNull();
    // The primary named alone earns PRIMARY_ONLY_CREDIT (another fault acts too), the other alone OTHER_FAULT_CREDIT.
    expect(other.breakdown.correctness).toBeCloseTo((OTHER_FAULT_CREDIT / PRIMARY_ONLY_CREDIT) * primary.breakdown.correctness, -0.5);
    expect(other.score).toBeLessThan(primary.score);
    expect(other.score).toBeGreaterThan(wrong.score);
    expect(other.actions[0].reason).toMatch(/a fault that acts too, from day 6 — but the primary fault.*source-outage/);
    const text = debriefText(other);
    expect(text).toMatch(/Another fault acts too: feature-null in feature-pipeline/);
    expect(text).toMatch(/You named feature-null in feature-pipeline: it acts too/);
  });
  it('credits naming both faults in full, either alone in part, and says which was missed with the move that shows it', () => {
    const segment = c.truth.segment;
    const outage = { stage: 'candidates', component: 'source:visual-similarity', cause: 'source-outage' } as const;
    const nulls = { stage: 'ingestion', component: 'feature-pipeline', cause: 'feature-null' } as const;
    const both = grade(c, submit({ ...outage, segment, also: [nulls] }));
    const swapped = grade(c, submit({ ...nulls, segment, also: [outage] }));
    const primaryOnly = grade(c, submit({ ...outage, segment }));
    const otherOnly = grade(c, submit({ ...nulls, segment }));
    const shotgun = grade(c, submit({ ...outage, segment, also: [nulls, { stage: 'ranking', component: 'ranker', cause: 'feedback-loop' }] }));
    expect(both.credit).toBe(1);
    expect(both.missedFaults).toEqual([]);
    expect(swapped.score).toBe(both.score);
    expect(primaryOnly.credit).toBeCloseTo(PRIMARY_ONLY_CREDIT);
    expect(otherOnly.credit).toBeCloseTo(OTHER_FAULT_CREDIT);
    expect(shotgun.credit).toBeCloseTo(WRONG_EXTRA_FACTOR);
    expect(both.score).toBeGreaterThan(primaryOnly.score);
    expect(primaryOnly.score).toBeGreaterThan(otherOnly.score);
    expect(both.score).toBeGreaterThan(shotgun.score);
    expect(primaryOnly.missedFaults.map((f) => f.cause)).toEqual(['feature-null']);
    expect(primaryOnly.missedFaults[0].expert).toMatch(/reveals .*the cause/);
    expect(debriefText(primaryOnly)).toMatch(/## Faults you did not name\n\n- feature-null in feature-pipeline \(ingestion\), from day 6 — /);
    expect(otherOnly.missedFaults.map((f) => f.cause)).toEqual(['source-outage']);
  });
  it('derives an expert path that shows and names both faults', () => {
    const steps = expertSteps(c);
    const d = (steps[steps.length - 1].action as Extract<Action, { type: 'submit' }>).diagnosis;
    expect(d.cause).toBe('source-outage');
    expect(d.also).toEqual([{ stage: 'ingestion', component: 'feature-pipeline', cause: 'feature-null' }]);
    expect(grade(c, steps.map((s) => s.action)).credit).toBe(1);
  });
});
