// The Signatures of the fault kinds that start in ingestion and candidate generation, at three
// seeds and every variant value (signatureRuns.ts) — and what their rows cannot say in a check.
import { describe, expect, it } from 'vitest';
import { describeSignature, runPair, SPEC_ONSET, SPEC_SEEDS, SPEC_WORLD } from './signatureRuns.ts';
import { signatureRuns } from '../../src/sim/faults/signatureCheck.ts';
import { footprint } from '../../src/sim/footprint.ts';
import { inspect } from '../../src/sim/inspect/inspect.ts';

for (const kind of ['encoder-mislabel', 'embedding-collapse', 'brightness-bias', 'source-outage', 'stale-index', 'feature-null', 'training-serving-skew', 'trend-sparse-niche']) {
  describeSignature(kind);
}

const AFTER: [number, number] = [SPEC_ONSET, SPEC_WORLD.days];

describe('source-outage scoped to a region', () => {
  it('empties the source in that region only', () => {
    const pair = runPair('source-outage', { seed: SPEC_SEEDS[0], params: { source: 'visual-similarity', regions: ['eu'] } });
    const cells = footprint(pair, { metric: 'candidate_count', groupBy: 'region', filter: { source: ['visual-similarity'] }, window: AFTER }).cells;
    const by = Object.fromEntries(cells.map((c) => [c.group, c]));
    expect(by.eu.relative!).toBeLessThan(-0.5);
    for (const r of ['na', 'latam', 'apac']) expect(Math.abs(by[r].relative!), r).toBeLessThan(0.01);
  });
});

describe('stale-index', () => {
  it('ages the index by a day every day', () => {
    const pair = runPair('stale-index', signatureRuns('stale-index', SPEC_SEEDS)[0]);
    const days = footprint(pair, { metric: 'index_age', byDay: true, window: AFTER }).cells;
    for (let d = 1; d < days.length; d++) expect(days[d].factual! - days[d - 1].factual!).toBeCloseTo(24, 0);
  });
});

describe('training-serving-skew', () => {
  it("shows the feature's serving and training distributions apart in the inspector", () => {
    const pair = runPair('training-serving-skew', signatureRuns('training-serving-skew', SPEC_SEEDS)[0]);
    const view = inspect(pair.factual, { view: 'feature_distribution', feature: 'visual_sim', window: AFTER });
    if (view.view !== 'feature_distribution') throw new Error('wrong view');
    const gap = view.bins.reduce((s, b) => s + Math.abs(b.current - b.training), 0);
    expect(gap).toBeGreaterThan(0.5);
    const twin = inspect(pair.twin, { view: 'feature_distribution', feature: 'visual_sim', window: AFTER });
    if (twin.view !== 'feature_distribution') throw new Error('wrong view');
    expect(twin.bins.reduce((s, b) => s + Math.abs(b.current - b.training), 0)).toBeLessThan(0.05);
  });
});
