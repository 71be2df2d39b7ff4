// The ranker's offline evaluation: the logged feature sample re-scored with the features the
// training pipeline computes (as an offline evaluation would), against the same sample scored
// with what serving actually used — by the model that served each impression (an experiment
// arm's, v13 with its tower). Training–serving skew shows as a gap between the two. The
// training pipeline's own report scores the full model — position term at the logged position
// included — so it trusts whatever positions the event logger wrote.
import { FEATURES, rankerLogit } from '../pipeline/ranker.ts';
import type { World } from '../world/world.ts';
import { filterMasks } from '../query/frame.ts';
import type { InspectRequest } from './request.ts';

export interface RankerEval {
  /** AUC of the model on training-pipeline features (offline) and on served features (online). */
  offlineAuc: number | null;
  onlineAuc: number | null;
  /** AUC of the model as trained: features plus its position term at the logged position. */
  loggedAuc: number | null;
  impressions: number;
  /** Of those, how many were clicked (as logged). */
  clicks: number;
}

export function rankerOfflineEval(world: World, req: Pick<InspectRequest, 'window' | 'filter'>): RankerEval {
  const t = world.logs.features;
  const { day, user, feature, value, trainingValue, clickLogged, position, extra } = t.columns;
  const masks = filterMasks(world, t, req.filter);
  const offline: [number, number][] = [];
  const online: [number, number][] = [];
  const logged: [number, number][] = [];
  const xTrain = new Float32Array(FEATURES);
  const xServe = new Float32Array(FEATURES);
  const end = t.dayStart[req.window[1] + 1];
  // Rows come in runs of FEATURES (one per feature) for each sampled impression.
  for (let r = t.dayStart[req.window[0]]; r + FEATURES <= end; r += FEATURES) {
    if (feature[r] !== 0 || !masks.every((m) => m.allow[m.codes[r]])) continue;
    for (let f = 0; f < FEATURES; f++) {
      xTrain[f] = trainingValue[r + f];
      xServe[f] = value[r + f];
    }
    // The model that served the impression: the user's arm's in an experiment, with the part of
    // its score no pipeline feature carries (v13's tower, the treatment's match term) as logged.
    const arms = world.armsByDay[day[r]];
    const model = arms ? arms[world.experimentArm[user[r]]].ranker : world.rankerByDay[day[r]];
    const score = rankerLogit(model, xTrain, 0) + extra[r];
    offline.push([score, clickLogged[r]]);
    logged.push([score + model.positionWeight * Math.log1p(position[r]), clickLogged[r]]);
    online.push([rankerLogit(model, xServe, 0) + extra[r], clickLogged[r]]);
  }
  const clicks = offline.reduce((n, [, label]) => n + label, 0);
  return { offlineAuc: auc(offline), onlineAuc: auc(online), loggedAuc: auc(logged), impressions: offline.length, clicks };
}

/** Standard error of an AUC from its positives and negatives (Hanley & McNeil, 1982). */
export function aucStandardError(a: number, positives: number, negatives: number): number {
  const q1 = a / (2 - a);
  const q2 = (2 * a * a) / (1 + a);
  const v = (a * (1 - a) + (positives - 1) * (q1 - a * a) + (negatives - 1) * (q2 - a * a)) / (positives * negatives);
  return Math.sqrt(Math.max(0, v));
}

/** Exact AUC by ranking (ties count half). */
export function auc(scored: [number, number][]): number | null {
  const sorted = [...scored].sort((a, b) => a[0] - b[0]);
  let positives = 0;
  let negatives = 0;
  let rankSum = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && sorted[j][0] === sorted[i][0]) j++;
    const midRank = (i + j + 1) / 2;
    for (let k = i; k < j; k++) {
      if (sorted[k][1]) {
        positives++;
        rankSum += midRank;
      } else negatives++;
    }
    i = j;
  }
  if (!positives || !negatives) return null;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
