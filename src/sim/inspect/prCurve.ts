// Inspector: precision–recall curve of a classifier in the pipeline — the image encoder's
// low-quality score on the labelled set, or the ranker's click prediction on impressions.
import { LOW_QUALITY_THRESHOLD } from '../world/items.ts';
import type { World } from '../world/world.ts';
import { filterMasks } from '../query/frame.ts';
import type { InspectRequest } from './request.ts';
import { rankerOfflineEval, type RankerEval } from './offlineEval.ts';

export interface PrPoint {
  threshold: number;
  precision: number;
  recall: number;
}

export interface PrCurveView {
  view: 'pr_curve';
  component: 'image-encoder' | 'ranker';
  window: [number, number];
  /** What a positive is, in words. */
  positive: string;
  positives: number;
  total: number;
  points: PrPoint[];
  averagePrecision: number;
  /** Ranker only: AUC offline (training-pipeline features) vs online (served features), and as trained (logged positions). */
  offline: RankerEval | null;
}

const THRESHOLDS = 50;

export function prCurve(world: World, req: InspectRequest): PrCurveView {
  const encoder = req.component === 'image-encoder';
  const table = encoder ? world.logs.catalogue : world.logs.impressions;
  const masks = filterMasks(world, table, req.filter);
  const [a, b] = req.window;
  // Scores are probabilities; bin them on a logit scale so both ends are resolved.
  const pos = new Float64Array(THRESHOLDS + 1);
  const all = new Float64Array(THRESHOLDS + 1);
  const bin = (p: number) => {
    const z = Math.log(Math.max(1e-6, p) / Math.max(1e-6, 1 - p));
    return Math.max(0, Math.min(THRESHOLDS, Math.round(((z + 8) / 16) * THRESHOLDS)));
  };
  const cols = table.columns as Record<string, ArrayLike<number>>;
  for (let r = table.dayStart[a]; r < table.dayStart[b + 1]; r++) {
    if (!masks.every((m) => m.allow[m.codes[r]])) continue;
    let score: number, label: number;
    if (encoder) {
      if (!cols.labelled[r]) continue;
      score = cols.lowScore[r];
      label = world.items.quality[cols.item[r]] < LOW_QUALITY_THRESHOLD ? 1 : 0;
    } else {
      score = cols.pctr[r];
      label = cols.clickLogged[r];
    }
    const k = bin(score);
    all[k]++;
    pos[k] += label;
  }
  const positives = pos.reduce((s, x) => s + x, 0);
  const total = all.reduce((s, x) => s + x, 0);
  const points: PrPoint[] = [];
  let tp = 0, predicted = 0, ap = 0, lastRecall = 0;
  for (let k = THRESHOLDS; k >= 0; k--) {
    tp += pos[k];
    predicted += all[k];
    if (predicted === 0) continue;
    const recall = positives ? tp / positives : 0;
    const precision = tp / predicted;
    ap += (recall - lastRecall) * precision;
    lastRecall = recall;
    const z = (k / THRESHOLDS) * 16 - 8;
    points.push({ threshold: 1 / (1 + Math.exp(-z)), precision, recall });
  }
  return {
    view: 'pr_curve',
    component: encoder ? 'image-encoder' : 'ranker',
    window: req.window,
    positive: encoder ? 'image is truly low quality (human label)' : 'impression was clicked',
    positives,
    total,
    points,
    averagePrecision: ap,
    offline: encoder ? null : rankerOfflineEval(world, req),
  };
}
