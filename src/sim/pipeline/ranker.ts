// ranking / ranker: a logistic engagement model over the feature pipeline's features, with a
// position term used only in training (served predictions are for the slot they land in).
// It is retrained every night on the day's logged feature sample.
import type { Rng } from '../random.ts';

export const FEATURE_NAMES = [
  'visual_sim',
  'text_sim',
  'aesthetic_affinity',
  'co_engagement',
  'popularity',
  'low_quality',
  'freshness',
] as const;
export const FEATURES = FEATURE_NAMES.length;

export interface Ranker {
  weights: Float64Array;
  bias: number;
  /** Weight of log(1 + position): learnt, so position bias is not mistaken for relevance. */
  positionWeight: number;
}

export function initialRanker(): Ranker {
  return {
    weights: Float64Array.from([2.2, 0.8, 1.2, 0.8, 0.6, -1.2, 0.1]),
    bias: -3.4,
    positionWeight: -0.5,
  };
}

export function cloneRanker(r: Ranker): Ranker {
  return { weights: r.weights.slice(), bias: r.bias, positionWeight: r.positionWeight };
}

export function rankerLogit(r: Ranker, x: Float32Array, offset: number): number {
  let s = r.bias;
  for (let f = 0; f < FEATURES; f++) s += r.weights[f] * x[offset + f];
  return s;
}

/** Training examples: FEATURES values per row, the logged position and the logged click. */
export interface TrainingSet {
  x: Float32Array;
  position: Uint8Array;
  label: Uint8Array;
  rows: number;
}

/** Plain SGD on log-loss with a little L2, visiting rows in a seeded order. */
export function trainRanker(
  r: Ranker,
  data: TrainingSet,
  epochs: number,
  learningRate: number,
  rng: Rng,
): void {
  const l2 = 1e-4;
  for (let e = 0; e < epochs; e++) {
    const lr = learningRate / (1 + e);
    for (let t = 0; t < data.rows; t++) {
      const i = Math.floor(rng() * data.rows);
      const o = i * FEATURES;
      const pos = Math.log1p(data.position[i]);
      const z = rankerLogit(r, data.x, o) + r.positionWeight * pos;
      const g = 1 / (1 + Math.exp(-z)) - data.label[i];
      for (let f = 0; f < FEATURES; f++) {
        r.weights[f] -= lr * (g * data.x[o + f] + l2 * r.weights[f]);
      }
      r.bias -= lr * g;
      r.positionWeight -= lr * g * pos;
    }
  }
}

/** Weight of the newly fitted model when blending it into the serving one each night. */
const NIGHTLY_BLEND = 0.3;

/**
 * The nightly retrain: fit on the day's logged sample starting from the serving model, then
 * blend the fit into it (model averaging), so one noisy day cannot swing the ranker. During the
 * burn-in the fit is taken whole, to converge quickly.
 */
export function retrainRanker(serving: Ranker, data: TrainingSet, logged: boolean, rng: Rng): Ranker {
  const fit = cloneRanker(serving);
  trainRanker(fit, data, logged ? 3 : 4, logged ? 0.02 : 0.03, rng);
  if (!logged) return fit;
  const w = NIGHTLY_BLEND;
  return {
    weights: serving.weights.map((x, f) => (1 - w) * x + w * fit.weights[f]),
    bias: (1 - w) * serving.bias + w * fit.bias,
    positionWeight: (1 - w) * serving.positionWeight + w * fit.positionWeight,
  };
}
