// Signature of experiment-interference: an A/B test of a better ranker whose arms share training
// data. The twin runs the same experiment with the arms trained apart, so the footprint shows
// what sharing did: the measured effect vanishes once the arms are retrained, control is flat.
import { describe, expect, it } from 'vitest';
import { AFTER, ONSET, SIGNATURE_WORLD, cellsOf, fell, flat, pairWith } from './helpers.ts';
import { runQuery } from '../../src/sim/query/query.ts';
import { FEATURES } from '../../src/sim/pipeline/ranker.ts';
import { CONTROL, TREATMENT, armLogit, visualMatch, type ArmModel } from '../../src/sim/pipeline/experiment.ts';
import { auc } from '../../src/sim/inspect/offlineEval.ts';
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

/** AUC of an arm's model on logged impressions of `window` (visual match backfilled offline). */
function offlineAuc(world: World, model: ArmModel, window: readonly [number, number]): number {
  const t = world.logs.features;
  const { day, user, item, trainingValue, clickLogged } = t.columns;
  const x = new Float32Array(FEATURES);
  const scored: [number, number][] = [];
  for (let r = t.dayStart[window[0]]; r < t.dayStart[window[1] + 1]; r += FEATURES) {
    for (let f = 0; f < FEATURES; f++) x[f] = trainingValue[r + f];
    const match = visualMatch(world.users, user[r], world.encoderByDay[day[r]].visual, item[r]);
    scored.push([armLogit(model, x, 0, match), clickLogged[r]]);
  }
  return auc(scored)!;
}

describe('experiment-interference', () => {
  it('run correctly (the twin), the treatment clearly beats control', () => {
    const twin = pair().twin;
    expect(measured(twin, 'relevance', AFTER).z).toBeGreaterThan(3);
    expect(measured(twin, 'relevance', RETRAINED).z).toBeGreaterThan(3);
    expect(measured(twin, 'ndcg_at_k', RETRAINED).z).toBeGreaterThan(3);
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

  it('is better offline: the launched treatment model beats control on held-out logs', () => {
    const { factual, twin } = pair();
    const before: [number, number] = [1, ONSET - 1];
    // Clicks also follow true quality, which the match score knows nothing about, so the gain in a
    // pooled AUC is a few thousandths (about 0.006 at launch, 0.003 once refit on treatment traffic).
    const GAIN = 0.0025;
    const [control, treatment] = factual.armsByDay[ONSET]!;
    expect(offlineAuc(factual, treatment, before)).toBeGreaterThan(offlineAuc(factual, control, before) + GAIN);
    // Trained apart it stays better; pooled, the two arms' models are the same model.
    const [twinControl, twinTreatment] = twin.armsByDay[RETRAINED[1]]!;
    expect(offlineAuc(twin, twinTreatment, before)).toBeGreaterThan(offlineAuc(twin, twinControl, before) + GAIN);
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
