// The ranker's offline evaluation: the logged feature sample re-scored with the features the
// training pipeline computes (as an offline evaluation would), against the same sample scored
// with what serving actually used. Training–serving skew shows as a gap between the two. The
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
}

export function rankerOfflineEval(world: World, req: Pick<InspectRequest, 'window' | 'filter'>): RankerEval {
  const t = world.logs.features;
  const { day, feature, value, trainingValue, clickLogged, position } = t.columns;
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
    const model = world.rankerByDay[day[r]];
    const score = rankerLogit(model, xTrain, 0);
    offline.push([score, clickLogged[r]]);
    logged.push([score + model.positionWeight * Math.log1p(position[r]), clickLogged[r]]);
    online.push([rankerLogit(model, xServe, 0), clickLogged[r]]);
  }
  return { offlineAuc: auc(offline), onlineAuc: auc(online), loggedAuc: auc(logged), impressions: offline.length };
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
