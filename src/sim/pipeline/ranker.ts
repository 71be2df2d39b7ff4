// ranking / ranker: a logistic engagement model over the feature pipeline's features, with a
// position term used only in training (served predictions are for the slot they land in).
// It is retrained every night on the day's logged feature sample. A newer version (v13) adds
// an engagement tower: item vectors and appeal learnt from logged engagement, scored against a
// user vector built from the same table over the user's history; it retires the hand-made
// aesthetic-affinity feature, whose job the tower takes over.
import { DIM } from '../vectors.ts';
import { AESTHETICS } from '../world/taxonomy.ts';
import { PICKS, recentItem, type Histories } from '../world/history.ts';
import type { Items } from '../world/items.ts';
import { QUALITY_PIVOT } from '../world/behaviour.ts';

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
  /** v13's engagement tower (absent in v12); shared, never mutated. */
  tower?: Tower;
}

/**
 * Ranker v12 as trained offline before the window: its feature weights are fixed; only its
 * intercept and position term are calibrated on the burn-in days (so the healthy ranker is the
 * same model whatever the world's size or seed, and predictions match observed click rates).
 */
export function initialRanker(): Ranker {
  return {
    weights: Float64Array.from([1.9, 0.4, 0.8, 0.7, 0.35, -1.5, 0.1]),
    bias: -3.4,
    positionWeight: -0.5,
  };
}

export function cloneRanker(r: Ranker): Ranker {
  const copy: Ranker = { weights: r.weights.slice(), bias: r.bias, positionWeight: r.positionWeight };
  if (r.tower) copy.tower = r.tower;
  return copy;
}

/** The model's logit; a missing (NaN) feature is imputed as 0, as the serving code does. */
export function rankerLogit(r: Ranker, x: Float32Array, offset: number): number {
  let s = r.bias;
  for (let f = 0; f < FEATURES; f++) {
    const v = x[offset + f];
    if (v === v) s += r.weights[f] * v;
  }
  return s;
}

/** Training examples: FEATURES values per row, the logged position and the logged click. */
export interface TrainingSet {
  x: Float32Array;
  position: Uint8Array;
  label: Uint8Array;
  rows: number;
}

/**
 * Fits the logistic model exactly (Newton's method / IRLS with a little L2), starting from
 * `r`: nine parameters, so each step is one pass over the data plus a 9×9 solve. Exact fits
 * keep the ranker identical across runs of the same world, unlike stochastic gradient descent.
 */
export function fitRanker(
  r: Ranker,
  data: TrainingSet,
  modelPosition = true,
  fitFeatures = true,
  iterations = 8,
): Ranker {
  const P = FEATURES + 2; // bias, features, position
  const theta = [r.bias, ...r.weights, modelPosition ? r.positionWeight : 0];
  const pinned = theta.map((_, a) => (a === P - 1 ? !modelPosition : a > 0 && a <= FEATURES && !fitFeatures));
  newtonFit(theta, data.rows, pinned, iterations, (i, x) => {
    x[0] = 1;
    for (let f = 0; f < FEATURES; f++) {
      const v = data.x[i * FEATURES + f];
      x[f + 1] = v === v ? v : 0;
    }
    x[P - 1] = modelPosition ? Math.log1p(data.position[i]) : 0;
    return data.label[i];
  });
  return { bias: theta[0], weights: Float64Array.from(theta.slice(1, FEATURES + 1)), positionWeight: theta[P - 1] };
}

/**
 * Newton's method on an L2-penalised logistic likelihood (no penalty on the intercept,
 * `theta[0]`). `row(i, x)` writes row i's inputs into `x` and returns its label; pinned
 * parameters keep their value (a pinned weight of 1 makes its input a fixed offset).
 */
export function newtonFit(
  theta: number[],
  rows: number,
  pinned: boolean[],
  iterations: number,
  row: (i: number, x: Float64Array) => number,
): void {
  const P = theta.length;
  const l2 = 1;
  const x = new Float64Array(P);
  for (let it = 0; it < iterations; it++) {
    const grad = new Float64Array(P);
    const hess = new Float64Array(P * P);
    for (let i = 0; i < rows; i++) {
      const label = row(i, x);
      let z = 0;
      for (let k = 0; k < P; k++) z += theta[k] * x[k];
      const p = 1 / (1 + Math.exp(-z));
      const g = p - label;
      const w = p * (1 - p);
      for (let a = 0; a < P; a++) {
        grad[a] += g * x[a];
        const wa = w * x[a];
        for (let b = a; b < P; b++) hess[a * P + b] += wa * x[b];
      }
    }
    for (let a = 0; a < P; a++) {
      for (let b = 0; b < a; b++) hess[a * P + b] = hess[b * P + a];
      if (a > 0) {
        grad[a] += l2 * theta[a];
        hess[a * P + a] += l2;
      } else {
        hess[0] += 1e-6;
      }
    }
    // Parameters not being fitted are pinned: no gradient, identity in the Hessian.
    for (let a = 0; a < P; a++) {
      if (!pinned[a]) continue;
      grad[a] = 0;
      for (let k = 0; k < P; k++) hess[a * P + k] = hess[k * P + a] = 0;
      hess[a * P + a] = 1;
    }
    const step = solve(hess, grad, P);
    // A damped step: from a start far from the optimum (a model fitted to other rows), a full
    // Newton step on a logistic likelihood can overshoot and diverge; no parameter moves by
    // more than MAX_NEWTON_STEP in one iteration.
    let largest = 0;
    for (let k = 0; k < P; k++) largest = Math.max(largest, Math.abs(step[k]));
    const damp = largest > MAX_NEWTON_STEP ? MAX_NEWTON_STEP / largest : 1;
    for (let k = 0; k < P; k++) theta[k] -= damp * step[k];
  }
}

const MAX_NEWTON_STEP = 1;

/** Gaussian elimination with partial pivoting on a small dense system. */
function solve(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const m = Float64Array.from(a);
  const x = Float64Array.from(b);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r * n + col]) > Math.abs(m[pivot * n + col])) pivot = r;
    if (pivot !== col) {
      for (let k = 0; k < n; k++) [m[col * n + k], m[pivot * n + k]] = [m[pivot * n + k], m[col * n + k]];
      [x[col], x[pivot]] = [x[pivot], x[col]];
    }
    const d = m[col * n + col] || 1e-12;
    for (let r = col + 1; r < n; r++) {
      const f = m[r * n + col] / d;
      if (f === 0) continue;
      for (let k = col; k < n; k++) m[r * n + k] -= f * m[col * n + k];
      x[r] -= f * x[col];
    }
  }
  for (let r = n - 1; r >= 0; r--) {
    let sum = x[r];
    for (let k = r + 1; k < n; k++) sum -= m[r * n + k] * x[k];
    x[r] = sum / (m[r * n + r] || 1e-12);
  }
  return x;
}

/** Weight of the newly fitted model when blending it into the serving one each night. */
const NIGHTLY_BLEND = 0.3;

/**
 * The nightly retrain: fit on the day's logged sample, then blend the fit into the serving
 * model (model averaging), so one day cannot swing the ranker. During the burn-in the fit on
 * everything seen so far is taken whole.
 */
export function retrainRanker(
  serving: Ranker,
  data: TrainingSet,
  logged: boolean,
  spec: { retrainRate: number; positionDebiasing: boolean },
): Ranker {
  const modelPosition = !logged || spec.positionDebiasing;
  // Burn-in only calibrates the offline-trained model; nightly retraining refits everything.
  const fit = fitRanker(serving, data, modelPosition, logged);
  if (!logged) return fit;
  const w = Math.min(1, NIGHTLY_BLEND * spec.retrainRate);
  const mix = (a: number, b: number) => (1 - w) * a + w * b;
  const next: Ranker = {
    weights: serving.weights.map((x, f) => mix(x, fit.weights[f])),
    bias: mix(serving.bias, fit.bias),
    positionWeight: modelPosition ? mix(serving.positionWeight, fit.positionWeight) : 0,
  };
  if (serving.tower) next.tower = serving.tower;
  return next;
}

/**
 * The engagement tower of ranker v13: one learnt vector and one learnt appeal (an engagement
 * bias) per item, trained on logged engagement with L2 regularisation. Behaviour follows true
 * taste and quality, so with enough examples an item's vector converges to its true position in
 * taste space and its appeal to its true quality; with few, the penalty shrinks both toward
 * zero. How far an aesthetic's items are learnt is set by their share of the training examples
 * — which the training sampler decides.
 */
export interface Tower {
  /** DIM values per item. */
  item: Float32Array;
  /** Logit weight of the tower's score (fitted with the rest of the model). */
  weight: number;
  /** Learnt appeal per item (quality above the behaviour model's QUALITY_PIVOT, shrunk like the vector). */
  appeal: Float32Array;
  /** Logit weight of the appeal (fitted with the rest of the model). */
  appealWeight: number;
  /** How far each aesthetic's vectors are learnt (1: fully; near 0: shrunk away). */
  support: Float64Array;
}

/**
 * An aesthetic with this share of the training examples has its vectors learnt halfway; within
 * it, an item with this many impressions (the engagement counters) has its own vector learnt halfway.
 */
const TOWER_HALF_SUPPORT = 0.016;
const ITEM_HALF_SUPPORT = 4;
/**
 * The feature v13 no longer uses: the share of the user's profile in the pin's predicted
 * aesthetic, a hand-made taste signal the tower learns better for the traffic it was fitted on.
 */
export const RETIRED_IN_V13 = FEATURE_NAMES.indexOf('aesthetic_affinity');

export interface TowerSpec {
  /** Aesthetic codes the training sampler keeps only a share of, and that share. */
  undersampled: number[];
  sampleRate: number;
  /** Rollout: 1 serves v13 as fitted; below 1, its parameters part-way from the base model's. */
  strength: number;
}

/** The logged feature sample (FEATURES rows per impression, feature 0 first), as columns. */
export interface LoggedSample {
  rows: number;
  user: Uint32Array;
  item: Uint32Array;
  position: Uint8Array;
  trainingValue: Float32Array;
  clickLogged: Uint8Array;
}

/**
 * Ranker v13: the base model's features but aesthetic affinity, plus the engagement tower,
 * every weight fitted afresh on the logged sample so far as the new training sampler passes it
 * on. Fitted to the bulk of the traffic, it ranks mainstream tastes better than v12. For the
 * down-sampled aesthetics the tower's vectors and appeal stay near zero, and the affinity
 * feature that carried those tastes is gone: their fans' own pins lose their lead, while the
 * pins the tower did learn — from the fans' few mainstream tastes — overtake them.
 */
export function trainV13(
  base: Ranker,
  sample: LoggedSample,
  items: Items,
  impressions: Float32Array,
  history: Histories,
  spec: TowerSpec,
): Ranker {
  // The sampler: a deterministic thinning of the down-sampled aesthetics' impressions.
  const kept: number[] = [];
  const credit = new Float64Array(AESTHETICS.length);
  const perClass = new Float64Array(AESTHETICS.length);
  for (let r = 0; r + FEATURES <= sample.rows; r += FEATURES) {
    const a = items.aesthetic[sample.item[r]];
    if (spec.undersampled.includes(a)) {
      credit[a] += spec.sampleRate;
      if (credit[a] < 1) continue;
      credit[a] -= 1;
    }
    kept.push(r);
    perClass[a]++;
  }
  const support = perClass.map((n) => n / (kept.length || 1) / (n / (kept.length || 1) + TOWER_HALF_SUPPORT));
  const item = new Float32Array(items.count * DIM);
  const appeal = new Float32Array(items.count);
  for (let i = 0; i < items.count; i++) {
    const rho = support[items.aesthetic[i]] * (impressions[i] / (impressions[i] + ITEM_HALF_SUPPORT));
    for (let k = 0; k < DIM; k++) item[i * DIM + k] = rho * items.latent[i * DIM + k];
    appeal[i] = rho * (items.quality[i] - QUALITY_PIVOT);
  }
  const tower: Tower = { item, weight: 1, appeal, appealWeight: 0, support };
  // Each kept impression's tower score, from the user's history as it stands now.
  const scores = new Float64Array(kept.length);
  const userVec = new Float32Array(DIM);
  for (let n = 0; n < kept.length; n++) {
    const r = kept[n];
    scores[n] = towerUser(tower, history, sample.user[r], userVec) ? towerDot(tower, userVec, sample.item[r]) : 0;
  }
  const P = FEATURES + 4; // bias, features, tower, appeal, position
  const theta = [base.bias, ...base.weights, 1, 0, base.positionWeight];
  theta[RETIRED_IN_V13 + 1] = 0;
  const pinned = theta.map((_, a) => a === RETIRED_IN_V13 + 1);
  newtonFit(theta, kept.length, pinned, 10, (n, x) => {
    const r = kept[n];
    x[0] = 1;
    for (let f = 0; f < FEATURES; f++) {
      const v = sample.trainingValue[r + f];
      x[f + 1] = v === v ? v : 0;
    }
    x[P - 3] = scores[n];
    x[P - 2] = appeal[sample.item[r]];
    x[P - 1] = Math.log1p(sample.position[r]);
    return sample.clickLogged[r];
  });
  const s = spec.strength;
  const mix = (from: number, to: number) => (1 - s) * from + s * to;
  tower.weight = s * theta[P - 3];
  tower.appealWeight = s * theta[P - 2];
  return {
    bias: mix(base.bias, theta[0]),
    weights: base.weights.map((w, f) => mix(w, theta[f + 1])),
    positionWeight: mix(base.positionWeight, theta[P - 1]),
    tower,
  };
}

/** Recent engagements the tower's user vector reads. */
const TOWER_HISTORY = 16;

/**
 * The tower's user vector: the normalised sum of the item vectors of the user's onboarding
 * picks and recent engagements, written into `out`. False when the user has no history.
 */
export function towerUser(tower: Tower, h: Histories, user: number, out: Float32Array): boolean {
  out.fill(0);
  const add = (item: number) => {
    for (let k = 0; k < DIM; k++) out[k] += tower.item[item * DIM + k];
  };
  for (let p = 0; p < PICKS; p++) {
    const item = h.picks[user * PICKS + p];
    if (item >= 0) add(item);
  }
  const recent = Math.min(TOWER_HISTORY, h.recentCount[user]);
  for (let n = 0; n < recent; n++) add(recentItem(h, user, n));
  let norm = 0;
  for (let k = 0; k < DIM; k++) norm += out[k] * out[k];
  if (norm === 0) return false;
  const inv = 1 / Math.sqrt(norm);
  for (let k = 0; k < DIM; k++) out[k] *= inv;
  return true;
}

/** The user vector's dot product with an item's learnt vector. */
function towerDot(tower: Tower, userVec: Float32Array, item: number): number {
  let s = 0;
  for (let k = 0; k < DIM; k++) s += userVec[k] * tower.item[item * DIM + k];
  return s;
}

/** The tower's contribution to an item's logit for a user vector from `towerUser`. */
export function towerLogit(tower: Tower, userVec: Float32Array, item: number): number {
  return tower.weight * towerDot(tower, userVec, item) + tower.appealWeight * tower.appeal[item];
}
