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
import { FEATURES, cloneRanker, newtonFit, rankerLogit, type Ranker, type TrainingSet } from './ranker.ts';

export const CONTROL = 0;
export const TREATMENT = 1;

/** One arm's model: the production ranker's features (frozen weights) plus the visual-match term. */
export interface ArmModel {
  ranker: Ranker;
  matchWeight: number;
}
export type ArmModels = [control: ArmModel, treatment: ArmModel];

/** The training rows the arms learn from: the ranker's sample plus each row's arm and match score. */
export interface ArmTrainingSet extends TrainingSet {
  arm: Uint8Array;
  /** The visual-match score as logged (NaN where the row's pipeline did not compute it). */
  match: Float32Array;
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

function fitArm(model: ArmModel, data: ArmTrainingSet, arm: number | null, iterations = 8): ArmModel {
  // theta: intercept, position weight, match weight, and the frozen features' logit as an
  // offset (its weight pinned at 1).
  const frozen: Ranker = { ...model.ranker, bias: 0 };
  const theta = [model.ranker.bias, model.ranker.positionWeight, model.matchWeight, 1];
  const rows: number[] = [];
  for (let i = 0; i < data.rows; i++) if (arm === null || data.arm[i] === arm) rows.push(i);
  const offset = rows.map((i) => rankerLogit(frozen, data.x, i * FEATURES));
  newtonFit(theta, rows.length, [false, false, false, true], iterations, (n, x) => {
    const i = rows[n];
    const m = data.match[i];
    x[0] = 1;
    x[1] = Math.log1p(data.position[i]);
    x[2] = m === m ? m : 0;
    x[3] = offset[n];
    return data.label[i];
  });
  return { ranker: { ...cloneRanker(model.ranker), bias: theta[0], positionWeight: theta[1] }, matchWeight: theta[2] };
}
