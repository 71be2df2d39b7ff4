// logging / experiment-platform: an A/B test of a ranker variant. Each arm serves its own model;
// the treatment's adds a visual-match score that only the treatment's feature pipeline computes:
// how well a pin's look fits the user's own taste direction, which a new taste model learns from
// the user's whole engagement stream. The production features see a taste only through its
// aesthetics (the profile) and single anchors (the closest pick or save), so the fine-grained fit —
// the user's idiosyncratic corner of an aesthetic — is what the match adds.
// Both models are refit every night on the experiment's training logs so far — each on its own
// arm's rows when the arms are isolated, both on the pooled rows when they share training data. Pooled, the control
// half carries no visual-match values (missing, read as 0 like every missing feature), so the
// refit sees as many clicks at "no match" as at a strong one and learns to ignore the score:
// the treatment ends up serving what control serves.
import { DIM, dot } from '../vectors.ts';
import type { Users } from '../world/users.ts';
import { FEATURES, cloneRanker, rankerLogit, type Ranker } from './ranker.ts';

export const CONTROL = 0;
export const TREATMENT = 1;

/** One arm's model: the production ranker's features (frozen weights) plus the visual-match term. */
export interface ArmModel {
  ranker: Ranker;
  matchWeight: number;
}
export type ArmModels = [control: ArmModel, treatment: ArmModel];

/** The training rows the arms learn from: the ranker's sample plus each row's arm and match score. */
export interface ArmTrainingSet {
  x: Float32Array;
  position: Uint8Array;
  label: Uint8Array;
  arm: Uint8Array;
  /** The visual-match score as logged (NaN where the row's pipeline did not compute it). */
  match: Float32Array;
  rows: number;
}

/**
 * The match score's units: the taste model reports its cosine × 1.5, so that the default launch
 * weight (`lift` 0.8, in these units) is about what an offline fit on clicks gives the score.
 */
const MATCH_SCALE = 1.5;
/** Visual match (cosine) of a typical pin in a feed: the offline-trained treatment's intercept absorbs it. */
const TYPICAL_MATCH = 0.7;

/**
 * The experiment starts: control serves the production model; treatment serves it plus the
 * visual-match term at `lift`, its weight as trained offline (intercept calibrated to match).
 */
export function launchArms(production: Ranker, lift: number): ArmModels {
  const treatment = cloneRanker(production);
  treatment.bias -= lift * MATCH_SCALE * TYPICAL_MATCH;
  return [
    { ranker: cloneRanker(production), matchWeight: 0 },
    { ranker: treatment, matchWeight: lift },
  ];
}

export function cloneArms(arms: ArmModels): ArmModels {
  return [cloneArm(arms[0]), cloneArm(arms[1])];
}

const cloneArm = (a: ArmModel): ArmModel => ({ ranker: cloneRanker(a.ranker), matchWeight: a.matchWeight });

/**
 * Visual match: how well a pin's look (the image encoder's embedding) fits the user's taste
 * vector, in the taste model's units (cosine × MATCH_SCALE). The taste vector is the direction
 * of the user's taste in embedding space as the treatment's new taste model estimates it:
 * trained on every engagement the user ever made, it recovers the taste itself (the user's
 * latent) — the mix of aesthetics and where within them the user sits — not just which
 * aesthetics they engage with most.
 */
export function visualMatch(users: Users, user: number, visual: Float32Array, item: number): number {
  return MATCH_SCALE * dot(users.latent, user * DIM, visual, item * DIM);
}

/** An arm model's logit (position term excluded); a missing (NaN) match counts as 0. */
export function armLogit(model: ArmModel, x: Float32Array, offset: number, match: number): number {
  const s = rankerLogit(model.ranker, x, offset);
  return match === match ? s + model.matchWeight * match : s;
}

/**
 * The nightly refit of both arms. The feature weights stay as trained offline; the intercept,
 * the position term and the match weight are fitted exactly (Newton) on the arm's rows — or on
 * every row when the arms share training data, so both arms come out with the same model.
 */
export function retrainArms(arms: ArmModels, data: ArmTrainingSet, shared: boolean): ArmModels {
  return [fitArm(arms[0], data, shared ? null : CONTROL), fitArm(arms[1], data, shared ? null : TREATMENT)];
}

const L2 = 1;

function fitArm(model: ArmModel, data: ArmTrainingSet, arm: number | null, iterations = 8): ArmModel {
  // theta: intercept, position weight, match weight; the frozen features enter as an offset.
  const frozen: Ranker = { ...model.ranker, bias: 0 };
  const theta = [model.ranker.bias, model.ranker.positionWeight, model.matchWeight];
  const offset = new Float64Array(data.rows);
  for (let i = 0; i < data.rows; i++) offset[i] = rankerLogit(frozen, data.x, i * FEATURES);
  const x = [1, 0, 0];
  for (let it = 0; it < iterations; it++) {
    const grad = [0, L2 * theta[1], L2 * theta[2]];
    const hess = [1e-6, 0, 0, 0, L2, 0, 0, 0, L2];
    for (let i = 0; i < data.rows; i++) {
      if (arm !== null && data.arm[i] !== arm) continue;
      const m = data.match[i];
      x[1] = Math.log1p(data.position[i]);
      x[2] = m === m ? m : 0;
      const p = 1 / (1 + Math.exp(-(offset[i] + theta[0] + theta[1] * x[1] + theta[2] * x[2])));
      const g = p - data.label[i];
      const w = p * (1 - p);
      for (let a = 0; a < 3; a++) {
        grad[a] += g * x[a];
        for (let b = 0; b < 3; b++) hess[a * 3 + b] += w * x[a] * x[b];
      }
    }
    const step = solve3(hess, grad);
    for (let k = 0; k < 3; k++) theta[k] -= step[k];
  }
  return { ranker: { ...cloneRanker(model.ranker), bias: theta[0], positionWeight: theta[1] }, matchWeight: theta[2] };
}

/** Cramer's rule on a symmetric positive-definite 3×3 system. */
function solve3(m: number[], b: number[]): number[] {
  const det = (a: number[]) =>
    a[0] * (a[4] * a[8] - a[5] * a[7]) - a[1] * (a[3] * a[8] - a[5] * a[6]) + a[2] * (a[3] * a[7] - a[4] * a[6]);
  const d = det(m) || 1e-12;
  return [0, 1, 2].map((col) => det(m.map((v, i) => (i % 3 === col ? b[Math.floor(i / 3)] : v))) / d);
}
