// Inspector: one ranker feature's served distribution now against the reference days (the
// ranker's training snapshot), as shares per bin plus the share of missing values.
import { FEATURE_NAMES } from '../pipeline/ranker.ts';
import type { World } from '../world/world.ts';
import { filterMasks } from '../query/frame.ts';
import { REFERENCE_DAYS } from '../query/psi.ts';
import type { InspectRequest } from './request.ts';

export interface DistributionBin {
  x0: number;
  x1: number;
  reference: number;
  current: number;
  /** The same impressions as the training pipeline computes them (skew shows as a gap). */
  training: number;
}

export interface FeatureDistributionView {
  view: 'feature_distribution';
  component: 'feature-pipeline' | 'ranker';
  feature: string;
  window: [number, number];
  referenceWindow: [number, number];
  bins: DistributionBin[];
  nullShare: { reference: number; current: number };
  n: { reference: number; current: number };
}

const BINS = 24;

export function featureDistribution(world: World, req: InspectRequest): FeatureDistributionView {
  const t = world.logs.features;
  const f = FEATURE_NAMES.indexOf(req.feature as (typeof FEATURE_NAMES)[number]);
  const referenceWindow: [number, number] = [1, Math.min(REFERENCE_DAYS, world.config.days)];
  const masks = filterMasks(world, t, req.filter);
  const { feature, value, trainingValue } = t.columns;
  const collect = ([a, b]: [number, number], column: Float32Array) => {
    const xs: number[] = [];
    let nulls = 0;
    for (let r = t.dayStart[a]; r < t.dayStart[b + 1]; r++) {
      if (feature[r] !== f || !masks.every((m) => m.allow[m.codes[r]])) continue;
      if (Number.isNaN(column[r])) nulls++;
      else xs.push(column[r]);
    }
    return { xs, nulls };
  };
  const ref = collect(referenceWindow, value);
  const cur = collect(req.window, value);
  const train = collect(req.window, trainingValue);
  let lo = Infinity, hi = -Infinity;
  for (const x of [...ref.xs, ...cur.xs, ...train.xs]) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  if (!Number.isFinite(lo)) [lo, hi] = [0, 1];
  if (hi === lo) hi = lo + 1;
  const width = (hi - lo) / BINS;
  const bins: DistributionBin[] = Array.from({ length: BINS }, (_, b) => ({
    x0: lo + b * width,
    x1: lo + (b + 1) * width,
    reference: 0,
    current: 0,
    training: 0,
  }));
  const fill = (xs: number[], total: number, key: 'reference' | 'current' | 'training') => {
    for (const x of xs) bins[Math.min(BINS - 1, Math.floor((x - lo) / width))][key] += 1 / Math.max(1, total);
  };
  const refTotal = ref.xs.length + ref.nulls;
  const curTotal = cur.xs.length + cur.nulls;
  fill(ref.xs, refTotal, 'reference');
  fill(cur.xs, curTotal, 'current');
  fill(train.xs, curTotal, 'training');
  return {
    view: 'feature_distribution',
    component: req.component === 'ranker' ? 'ranker' : 'feature-pipeline',
    feature: FEATURE_NAMES[f],
    window: req.window,
    referenceWindow,
    bins,
    nullShare: { reference: refTotal ? ref.nulls / refTotal : 0, current: curTotal ? cur.nulls / curTotal : 0 },
    n: { reference: refTotal, current: curTotal },
  };
}
