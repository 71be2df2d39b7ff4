// Misled by a distractor's own signal: a per-day chart shows a holiday's two-day dip (a change the
// fault did not make), and the learner then narrows to those days — both moves chase the holiday.
import { beforeAll, describe, expect, it } from 'vitest';
import { simulatePair } from '../../src/sim/simulate.ts';
import { openCase, type Case } from '../../src/engine/case.ts';
import { grade } from '../../src/engine/grade.ts';
import type { Action } from '../../src/scenario/actions.ts';

let c: Case;
beforeAll(() => {
  const pair = simulatePair({ seed: 5, users: 3000, items: 6000, days: 10 }, {
    faults: [{ kind: 'source-outage', onsetDay: 4, params: { source: 'visual-similarity', rate: 0.9, regions: ['eu'] } }],
    distractors: [{ kind: 'holiday', onsetDay: 6, params: { days: 2, lift: -0.3 } }],
  });
  c = openCase(pair);
}, 120_000);

const perDay: Action = { at: 0, type: 'query', metric: 'ctr', byDay: true };
const submit: Action = { at: 120, type: 'submit', diagnosis: { stage: 'candidates', component: 'source:visual-similarity', cause: 'source-outage', segment: { region: ['eu'] } } };

describe('misled by a holiday', () => {
  it('knows the holiday’s days', () => {
    expect(c.leads.find((l) => l.what === 'holiday')).toMatchObject({ day: 6, days: [6, 7] });
  });
  it('calls the per-day chart that showed the dip and the move that narrowed to it misled', () => {
    const g = grade(c, [perDay, { at: 60, type: 'query', metric: 'ctr', groupBy: 'platform', window: [6, 7] }, submit]);
    expect(g.actions.slice(0, 2).map((a) => [a.classification, a.lead])).toEqual([['misled', 'holiday'], ['misled', 'holiday']]);
    expect(g.actions[1].reason).toMatch(/holiday \(day 6–7\)/);
  });
  it('does not call the chart misled when the learner does not follow the dip', () => {
    const g = grade(c, [perDay, { at: 60, type: 'query', metric: 'ctr', groupBy: 'region' }, submit]);
    expect(g.actions[0].classification).not.toBe('misled');
    expect(g.actions[1].classification).not.toBe('misled');
  });
});
