// The counterfactual twin: the same world without the faults, with the distractors kept.
import { describe, expect, it } from 'vitest';
import { simulatePair, simulateTwin, simulateWorld } from '../../src/sim/simulate.ts';
import { worldDigest } from '../../src/sim/digest.ts';
import { footprint } from '../../src/sim/footprint.ts';
import { resolveFaults } from '../../src/sim/faults/specs.ts';
import { METRICS } from '../../src/sim/vocabulary.ts';
import { METRIC_DEFS } from '../../src/sim/query/metrics.ts';

const SMALL = { seed: 5, users: 2500, items: 5000, days: 6 };

describe('the counterfactual twin', () => {
  // What the app does when the factual world is at hand: it generates the twin alone.
  it.each(['encoder-mislabel', 'feedback-loop', 'experiment-interference'] as const)(
    'is the same world simulated alone from the start (%s)',
    (kind) => {
      const tiny = { seed: 8, users: 1200, items: 2500, days: 6 };
      const changes = { faults: [{ kind, onsetDay: 3 }], distractors: [{ kind: 'mix-shift' as const, onsetDay: 4 }] };
      expect(worldDigest(simulateTwin(tiny, changes))).toBe(worldDigest(simulatePair(tiny, changes).twin));
    },
  );

  it('equals the factual world when there is no fault (distractors are kept)', () => {
    const pair = simulatePair(SMALL, { distractors: [{ kind: 'holiday', onsetDay: 3 }] });
    expect(worldDigest(pair.twin)).toBe(worldDigest(pair.factual));
    expect(pair.twin.distractors).toEqual(pair.factual.distractors);
    expect(pair.twin.counterfactual).toBe(true);
  });

  it('is the world with the faults removed, distractors kept', () => {
    const pair = simulatePair(SMALL, {
      faults: [{ kind: 'source-outage', onsetDay: 4 }],
      distractors: [{ kind: 'holiday', onsetDay: 2 }],
    });
    const clean = simulateWorld(SMALL, { distractors: [{ kind: 'holiday', onsetDay: 2 }] });
    expect(worldDigest(pair.twin)).toBe(worldDigest(clean));
    expect(worldDigest(pair.factual)).not.toBe(worldDigest(clean));
    expect(pair.twin.faults).toEqual([]);
    expect(pair.factual.faults[0].kind).toBe('source-outage');
  });

  it('leaves no footprint before the onset, on any metric', () => {
    const pair = simulatePair(SMALL, { faults: [{ kind: 'encoder-mislabel', onsetDay: 4, params: { rate: 1 } }] });
    for (const metric of METRICS) {
      const def = METRIC_DEFS[metric];
      const f = footprint(pair, { metric, window: [1, 3], groupBy: def.kind === 'share' ? def.shareOf : null });
      for (const c of f.cells) expect(c.difference, `${metric} ${c.group}`).toBe(0);
    }
    const after = footprint(pair, { metric: 'label_share', window: [4, 6] });
    expect(after.cells[0].significant).toBe(true);
  });
});

describe('variants', () => {
  const spec = [{ kind: 'encoder-mislabel' as const, onsetDay: 3 }];
  const targets = (seed: number) => resolveFaults(spec, seed, 10)[0].params.aesthetics;

  it('pick the same targets under the same seed', () => {
    expect(targets(1)).toEqual(targets(1));
    expect(targets(1)).toHaveLength(2);
  });

  it('move to other targets under other seeds', () => {
    const seen = new Set([1, 2, 3, 4, 5, 6].map((s) => JSON.stringify(targets(s))));
    expect(seen.size).toBeGreaterThan(1);
    for (const t of seen) {
      for (const a of JSON.parse(t)) expect(['cottagecore', 'dark-academia', 'goblincore', 'grandmillennial']).toContain(a);
    }
  });

  it('reject parameters a kind does not have, naming the field', () => {
    expect(() => resolveFaults([{ kind: 'encoder-mislabel', onsetDay: 3, params: { rate: 2 } }], 1, 10)).toThrow(/faults\[0\]\.params\.rate/);
    expect(() => resolveFaults([{ kind: 'encoder-mislabel', onsetDay: 3, params: { colour: 'red' } }], 1, 10)).toThrow(/faults\[0\]\.params/);
    expect(() => resolveFaults([{ kind: 'encoder-mislabl' as never, onsetDay: 3 }], 1, 10)).toThrow(/did you mean "encoder-mislabel"/);
    expect(() => resolveFaults([{ kind: 'stale-index', onsetDay: 30 }], 1, 10)).toThrow(/faults\[0\]\.onsetDay/);
  });
});
