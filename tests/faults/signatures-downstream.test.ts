// The Signatures of the fault kinds that start in ranking, presentation and logging, at three
// seeds and every variant value (signatureRuns.ts) — and what their rows cannot say in a check.
import { describe, expect, it } from 'vitest';
import { describeSignature, runPair, SPEC_ONSET, SPEC_SEEDS } from './signatureRuns.ts';
import { signatureRuns } from '../../src/sim/faults/signatureCheck.ts';
import { AESTHETIC_IDS } from '../../src/sim/world/taxonomy.ts';
import { RETIRED_IN_V13 } from '../../src/sim/pipeline/ranker.ts';

for (const kind of ['rare-class-regression', 'feedback-loop', 'position-bias-logging', 'client-render-bug', 'event-logging-loss', 'experiment-interference']) {
  describeSignature(kind);
}

describe('rare-class-regression', () => {
  it('ships as a new ranker version whose tower barely learnt the starved aesthetics', () => {
    const run = signatureRuns('rare-class-regression', SPEC_SEEDS)[0];
    const { factual, twin } = runPair('rare-class-regression', run);
    const starved = factual.faults[0].params.aesthetics as string[];
    expect(factual.pipeline[SPEC_ONSET].ranker.version).not.toBe(twin.pipeline[SPEC_ONSET].ranker.version);
    const tower = factual.rankerByDay[SPEC_ONSET].tower!;
    const support = (id: string) => tower.support[AESTHETIC_IDS.indexOf(id)];
    expect(Math.max(...starved.map(support))).toBeLessThan(0.3);
    expect(Math.min(...['minimalist', 'scandinavian', 'coastal'].map(support))).toBeGreaterThan(0.5);
    expect(twin.rankerByDay[SPEC_ONSET].tower).toBeUndefined();
    // It retires the hand-made aesthetic-affinity feature, the signal those fans' pins relied on.
    expect(factual.rankerByDay[SPEC_ONSET].weights[RETIRED_IN_V13]).toBe(0);
    expect(twin.rankerByDay[SPEC_ONSET].weights[RETIRED_IN_V13]).toBeGreaterThan(0.5);
  });
});
