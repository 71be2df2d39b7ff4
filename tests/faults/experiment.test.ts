// Signature of experiment-interference: an A/B test of a better ranker whose arms share training
// data. The twin runs the same experiment with the arms trained apart, so the footprint shows
// what sharing did: the measured effect vanishes once the arms are retrained, control is flat.
import { describe, expect, it } from 'vitest';
import { AFTER, ONSET, SIGNATURE_WORLD, cellsOf, fell, flat, pairWith } from './helpers.ts';
import { runQuery } from '../../src/sim/query/query.ts';
import { CONTROL, TREATMENT } from '../../src/sim/pipeline/experiment.ts';
import { deployLog } from '../../src/sim/changelog.ts';
import type { World } from '../../src/sim/world/world.ts';

const pair = () => pairWith({ kind: 'experiment-interference' });
/** From the first nightly retrain on: the arms can only interfere through training. */
const RETRAINED: [number, number] = [ONSET + 1, SIGNATURE_WORLD.days];

/** The experiment readout in one world: treatment − control, and its z. */
function measured(world: World, metric: string, window: readonly [number, number]) {
  const cells = Object.fromEntries(runQuery(world, { metric, groupBy: 'experiment_arm', window }).cells.map((c) => [c.group, c]));
  const [c, t] = [cells.control, cells.treatment];
  const difference = t.value! - c.value!;
  return { difference, relative: difference / c.value!, z: difference / Math.hypot(c.se!, t.se!) };
}

describe('experiment-interference', () => {
  it('run correctly (the twin), the treatment clearly beats control', () => {
    const twin = pair().twin;
    // The match score orders feeds better (NDCG, on true relevance) from the launch on; what users
    // are served is better too, by less than a small world's arms can resolve between users.
    expect(measured(twin, 'ndcg_at_k', AFTER).z).toBeGreaterThan(5);
    expect(measured(twin, 'ndcg_at_k', RETRAINED).z).toBeGreaterThan(5);
    for (const metric of ['relevance', 'ctr']) expect(measured(twin, metric, RETRAINED).difference, metric).toBeGreaterThan(0);
  });

  it('with shared training data, the measured effect vanishes once the arms are retrained', () => {
    const factual = pair().factual;
    for (const metric of ['relevance', 'ctr', 'save_rate']) {
      expect(Math.abs(measured(factual, metric, RETRAINED).z), metric).toBeLessThan(2);
    }
    expect(measured(factual, 'relevance', RETRAINED).difference).toBeLessThan(measured(pair().twin, 'relevance', RETRAINED).difference / 2);
  });

  it('pooled retraining gives both arms one model that has learnt to ignore the match score', () => {
    const weights = (w: World) => w.armsByDay.slice(RETRAINED[0]).map((arms) => arms![TREATMENT].matchWeight);
    const { factual, twin } = pair();
    for (let day = RETRAINED[0]; day <= RETRAINED[1]; day++) {
      const [c, t] = [factual.armsByDay[day]![CONTROL], factual.armsByDay[day]![TREATMENT]];
      expect(t.matchWeight).toBeCloseTo(c.matchWeight, 9);
      expect(t.ranker.bias).toBeCloseTo(c.ranker.bias, 9);
      expect(t.ranker.positionWeight).toBeCloseTo(c.ranker.positionWeight, 9);
      expect(t.ranker.weights).toEqual(c.ranker.weights);
    }
    const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
    expect(mean(weights(twin))).toBeGreaterThan(0.5);
    expect(mean(weights(factual).map(Math.abs))).toBeLessThan(mean(weights(twin)) / 3);
    expect(factual.armsByDay[ONSET - 1]).toBeNull();
  });

  it('leaves the control arm flat; the treatment arm loses what it would have gained', () => {
    for (const metric of ['relevance', 'ctr', 'ndcg_at_k']) {
      expect(flat(cellsOf(pair(), { metric, filter: { experiment_arm: ['control'] } }).all), metric).toBe(true);
    }
    expect(fell(cellsOf(pair(), { metric: 'ndcg_at_k', filter: { experiment_arm: ['treatment'] } }).all)).toBe(true);
    expect(cellsOf(pair(), { metric: 'relevance', filter: { experiment_arm: ['treatment'] } }).all.relative!).toBeLessThan(-0.005);
  });

  it('shows in the deploy log as an experiment-platform change on the onset day, in both worlds', () => {
    const { factual, twin } = pair();
    for (const w of [factual, twin]) {
      expect(deployLog(w)).toContainEqual(expect.objectContaining({ day: ONSET, component: 'experiment-platform' }));
    }
    expect(factual.pipeline[ONSET].experimentPlatform.experiment!.sharedTraining).toBe(true);
    expect(twin.pipeline[ONSET].experimentPlatform.experiment!.sharedTraining).toBe(false);
  });
});
