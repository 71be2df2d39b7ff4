// Runs at the same seed and size share their setup (users, items, encoders, indexes): a world is
// the same whether its setup was built for it or left by the worlds generated before it.
import { describe, expect, it } from 'vitest';
import { simulatePair, simulateWorld } from '../../src/sim/simulate.ts';
import { worldDigest } from '../../src/sim/digest.ts';

describe('a shared setup', () => {
  it('changes no world that uses it after others did', () => {
    const config = { seed: 12, users: 1500, items: 3000, days: 6 };
    const mislabel = { faults: [{ kind: 'encoder-mislabel' as const, onsetDay: 3 }] };
    const first = worldDigest(simulateWorld(config, mislabel));
    // Other runs on the same setup: a fault that changes the encoder, a pair, a distractor.
    simulatePair(config, { faults: [{ kind: 'embedding-collapse', onsetDay: 3 }], distractors: [{ kind: 'holiday', onsetDay: 4 }] });
    simulateWorld(config, { faults: [{ kind: 'rare-class-regression', onsetDay: 3 }] });
    expect(worldDigest(simulateWorld(config, mislabel))).toBe(first);
  });
});
