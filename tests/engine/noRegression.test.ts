// A scenario where nothing broke (only a mix shift): nothing the learner sees is the fault's,
// the right answer is no-regression, and chasing the deploy is misled.
import { beforeAll, describe, expect, it } from 'vitest';
import { simulatePair } from '../../src/sim/simulate.ts';
import { openCase, type Case } from '../../src/engine/case.ts';
import { grade } from '../../src/engine/grade.ts';
import type { Action } from '../../src/scenario/actions.ts';

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
});
