// A scenario where nothing broke (only a mix shift): nothing the learner sees is the fault's,
// the right answer is no-regression, and chasing the deploy is misled.
import { beforeAll, describe, expect, it } from 'vitest';
import { simulatePair } from '../../src/sim/simulate.ts';
import { openCase, type Case } from '../../src/engine/case.ts';
import { grade } from '../../src/engine/grade.ts';
import { solvability } from '../../src/engine/solvability.ts';
import type { Action } from '../../src/scenario/actions.ts';
import { study } from '../../src/engine/study.ts';

let c: Case;
beforeAll(() => {
  const pair = simulatePair({ seed: 3, users: 2500, items: 5000, days: 8 }, {
    distractors: [{ kind: 'mix-shift', onsetDay: 5, params: { factor: 4 } }, { kind: 'unrelated-deploy', onsetDay: 5, params: { component: 'blender' } }],
  });
  c = openCase(pair, { answer: { cause: 'no-regression' }, findings: [{ id: 'flat', text: 'Every tenure is flat.', revealedBy: { type: 'query', metric: 'session_depth', groupBy: 'tenure' } }] });
}, 120_000);

const look: Action = { at: 0, type: 'query', metric: 'session_depth', groupBy: 'tenure' };

describe('no regression', () => {
  it('has no fault to find: the truth is no-regression and the expert checks the segments', () => {
    expect(c.truth).toMatchObject({ cause: 'no-regression', stage: null, component: null });
    const g = grade(c, [look, { at: 60, type: 'submit', diagnosis: { cause: 'no-regression' } }]);
    expect(g.expertPath.map((s) => s.action.type)).toEqual(['query', 'submit']);
    expect(g.actions[0].classification).toBe('confirming');
    expect(g.score).toBeGreaterThan(80);
  });
  it('is solvable only with evidence: in this small world the alarm is within the noise, and solve says so', () => {
    // The built-in campaign scenario shows the solvable case (tests/scenario/builtinSignatures.test.ts: alarm and flat both hold).
    const report = solvability(c);
    expect(report.steps.map((s) => [s.rung, s.ok])).toEqual([['alarm', false], ['flat', true]]);
    expect(Math.abs(report.steps[0].z!)).toBeLessThan(3);
    expect(report.steps[0].advice!.join(' ')).toMatch(/more users/);
    expect(Math.abs(report.steps[1].z!)).toBeLessThan(3);
  });
  it('shows the studio the symptom over everyone, the world alone (its twin is the world itself: no fault to remove)', () => {
    const f = study(c, []).footprint!;
    expect(f).toMatchObject({ broken: false, segment: 'everyone', rest: null, metric: c.truth.symptom });
    expect(f.lines.map((l) => `${l.group}/${l.world}`)).toEqual(['segment/factual']);
  });
  it('scores blaming the deploy low, and calls it misled', () => {
    const g = grade(c, [
      { at: 0, type: 'changelog' },
      { at: 30, type: 'inspect', view: 'stage_health', component: 'blender' },
      { at: 60, type: 'query', metric: 'diversity', groupBy: 'platform' },
      { at: 90, type: 'submit', diagnosis: { cause: 'no-regression' } },
    ]);
    const wrong = grade(c, [look, { at: 60, type: 'submit', diagnosis: { stage: 'ranking', component: 'blender', cause: 'feedback-loop' } }]);
    expect(wrong.actions.at(-1)!.classification).toBe('misled');
    expect(wrong.score).toBeLessThan(30);
    expect(g.actions.map((a) => a.classification)).toContain('misled');
  });
  it('calls following the campaign’s new users misled — the slice that showed them and every move after it', () => {
    const g = grade(c, [
      look,
      { at: 60, type: 'query', metric: 'session_depth', byDay: true, filter: { tenure: ['new'] } },
      { at: 120, type: 'submit', diagnosis: { stage: 'logging', component: 'event-logger', cause: 'event-logging-loss', segment: { tenure: ['new'] } } },
    ]);
    expect(g.actions.map((a) => a.classification)).toEqual(['misled', 'misled', 'misled']);
    expect(g.actions[1].lead).toBe('mix-shift');
    expect(g.actions[1].reason).toMatch(/mix-shift \(day 5, tenure new\)/);
    // Looking at the same slice and not following it is not misled.
    expect(grade(c, [look, { at: 60, type: 'submit', diagnosis: { cause: 'no-regression' } }]).actions[0].classification).toBe('confirming');
  });
  it('calls a deep dive before checking the segments premature, and it costs', () => {
    const dive: Action = { at: 0, type: 'inspect', view: 'calibration_curve', component: 'ranker' };
    const premature = grade(c, [dive, { ...look, at: 60 }, { at: 120, type: 'submit', diagnosis: { cause: 'no-regression' } }]);
    const wandering = grade(c, [{ at: 0, type: 'changelog' }, { ...look, at: 60 }, { ...dive, at: 120 }, { at: 180, type: 'submit', diagnosis: { cause: 'no-regression' } }]);
    expect(premature.actions[0].classification).toBe('premature');
    expect(wandering.actions[2].classification).not.toBe('premature');
    expect(wandering.score - premature.score).toBeGreaterThanOrEqual(10);
  });
});
