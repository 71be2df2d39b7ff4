// ranking / ranker: a logistic engagement model over the feature pipeline's features, with a
// position term used only in training (served predictions are for the slot they land in).
// It is retrained every night on the day's logged feature sample.

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
  return { weights: r.weights.slice(), bias: r.bias, positionWeight: r.positionWeight };
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
  const l2 = 1;
  const x = new Float64Array(P);
  for (let it = 0; it < iterations; it++) {
    const grad = new Float64Array(P);
    const hess = new Float64Array(P * P);
    for (let i = 0; i < data.rows; i++) {
      x[0] = 1;
      for (let f = 0; f < FEATURES; f++) {
        const v = data.x[i * FEATURES + f];
        x[f + 1] = v === v ? v : 0;
      }
      x[P - 1] = modelPosition ? Math.log1p(data.position[i]) : 0;
      let z = 0;
      for (let k = 0; k < P; k++) z += theta[k] * x[k];
      const p = 1 / (1 + Math.exp(-z));
      const g = p - data.label[i];
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
    const pin = (a: number) => {
      grad[a] = 0;
      for (let k = 0; k < P; k++) hess[a * P + k] = hess[k * P + a] = 0;
      hess[a * P + a] = 1;
    };
    if (!modelPosition) pin(P - 1);
    if (!fitFeatures) for (let f = 1; f <= FEATURES; f++) pin(f);
    const step = solve(hess, grad, P);
    for (let k = 0; k < P; k++) theta[k] -= step[k];
  }
  return { bias: theta[0], weights: Float64Array.from(theta.slice(1, FEATURES + 1)), positionWeight: theta[P - 1] };
}

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
  return {
    weights: serving.weights.map((x, f) => mix(x, fit.weights[f])),
    bias: mix(serving.bias, fit.bias),
    positionWeight: modelPosition ? mix(serving.positionWeight, fit.positionWeight) : 0,
  };
}
