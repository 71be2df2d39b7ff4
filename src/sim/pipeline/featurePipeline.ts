// ingestion / feature-pipeline: turns (user, candidate) into the ranker's feature vector.
// Values come from the encoders' outputs and engagement counters, never from true attributes:
// the ranker only knows what the pipeline tells it.
import { AESTHETICS } from '../world/taxonomy.ts';
import { PICKS, recentItem } from '../world/history.ts';
import { DIM, dot } from '../vectors.ts';
import type { Rng } from '../random.ts';
import {
  RECORD_WIDTH,
  REC_CREATED_DAY,
  REC_POPULARITY,
  REC_PRED_AESTHETIC,
  REC_PRED_QUALITY,
  REC_TEXT,
  REC_VISUAL,
} from './itemRecords.ts';
import { FEATURES } from './ranker.ts';
import { SOURCE_CO_ENGAGEMENT } from './sources.ts';
import type { RequestScratch } from './scratch.ts';
import type { ServingDay } from './serving.ts';

const PROFILE_HISTORY = 16;
/** Items this young count as fresh for the freshness feature. */
const FRESH_DAYS = 2;

/** The user's share of picks and recent engagements per predicted aesthetic. */
export function buildProfile(s: ServingDay, user: number, scratch: RequestScratch): void {
  const profile = scratch.profile;
  profile.fill(0);
  const h = s.history;
  let total = 0;
  for (let p = 0; p < PICKS; p++) {
    const item = h.picks[user * PICKS + p];
    if (item < 0) continue;
    profile[s.encoder.predAesthetic[item]]++;
    total++;
  }
  const recent = Math.min(PROFILE_HISTORY, h.recentCount[user]);
  for (let n = 0; n < recent; n++) {
    profile[s.encoder.predAesthetic[recentItem(h, user, n)]]++;
    total++;
  }
  if (total > 0) for (let a = 0; a < AESTHETICS.length; a++) profile[a] /= total;
}

/**
 * Writes FEATURES values per candidate: `scratch.trainingFeatures` as the training pipeline
 * computes them, and `scratch.features` as serving does — the same, unless a serving fault
 * (a missing feature in some scope, a skewed unit) makes them differ. Needs the profile
 * built at retrieval.
 */
export function computeFeatures(s: ServingDay, user: number, scratch: RequestScratch, rng: Rng, from = 0): void {
  const { visualQuery: vq, textQuery: tq, trainingFeatures: features, profile } = scratch;
  const rec = s.records;
  const anchors = scratch.anchors;
  for (let c = from; c < scratch.count; c++) {
    const o = scratch.candidates[c] * RECORD_WIDTH;
    const f = c * FEATURES;
    // Closest of the user's anchors, not the mean: a pin like one thing you saved is a good pin.
    let best = -1;
    for (let a = 0; a < scratch.anchorCount; a++) {
      const sim = dot(rec, o + REC_VISUAL, anchors, a * DIM);
      if (sim > best) best = sim;
    }
    features[f] = scratch.anchorCount ? best : dot(rec, o + REC_VISUAL, vq, 0);
    features[f + 1] = dot(rec, o + REC_TEXT, tq, 0);
    features[f + 2] = profile[rec[o + REC_PRED_AESTHETIC]];
    features[f + 3] = scratch.candidateSource[c] === SOURCE_CO_ENGAGEMENT ? 1 : 0;
    features[f + 4] = rec[o + REC_POPULARITY];
    features[f + 5] = rec[o + REC_PRED_QUALITY];
    features[f + 6] = s.day - rec[o + REC_CREATED_DAY] <= FRESH_DAYS ? 1 : 0;
  }
  servingFeatures(s, user, scratch, rng, from);
}

/** Serving's copy of the features, with any scoped nulls and unit skew applied. */
function servingFeatures(s: ServingDay, user: number, scratch: RequestScratch, rng: Rng, from: number): void {
  const { nulls, skew } = s.spec.featurePipeline;
  const serving = scratch.features;
  serving.set(scratch.trainingFeatures.subarray(from * FEATURES, scratch.count * FEATURES), from * FEATURES);
  if (skew) {
    for (let c = from; c < scratch.count; c++) {
      const o = c * FEATURES + skew.feature;
      serving[o] = serving[o] * skew.scale + skew.shift;
    }
  }
  const { users } = s;
  for (const rule of nulls) {
    if (rule.platform !== undefined && users.platform[user] !== rule.platform) continue;
    if (rule.appVersion !== undefined && users.appVersion[user] !== rule.appVersion) continue;
    if (rule.region !== undefined && users.region[user] !== rule.region) continue;
    for (let c = from; c < scratch.count; c++) if (rng() < rule.rate) serving[c * FEATURES + rule.feature] = NaN;
  }
}
