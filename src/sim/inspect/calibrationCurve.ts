// Inspector: the ranker's reliability diagram — predicted click probability against the
// logged click rate, per score bin, with the count and standard error of each bin.
import type { World } from '../world/world.ts';
import { filterMasks } from '../query/frame.ts';
import type { InspectRequest } from './request.ts';

export interface CalibrationBin {
  predicted: number;
  observed: number;
  n: number;
  se: number;
}

export interface CalibrationCurveView {
  view: 'calibration_curve';
  component: 'ranker';
  window: [number, number];
  bins: CalibrationBin[];
}

const BINS = 12;

export function calibrationCurve(world: World, req: InspectRequest): CalibrationCurveView {
  const t = world.logs.impressions;
  const masks = filterMasks(world, t, req.filter);
  const n = new Float64Array(BINS), sp = new Float64Array(BINS), sl = new Float64Array(BINS);
  const { pctr, clickLogged } = t.columns;
  for (let r = t.dayStart[req.window[0]]; r < t.dayStart[req.window[1] + 1]; r++) {
    if (!masks.every((m) => m.allow[m.codes[r]])) continue;
    const z = Math.log(pctr[r] / (1 - pctr[r]));
    const b = Math.max(0, Math.min(BINS - 1, Math.floor(((z + 7) / 7) * BINS)));
    n[b]++;
    sp[b] += pctr[r];
    sl[b] += clickLogged[r];
  }
  const bins: CalibrationBin[] = [];
  for (let b = 0; b < BINS; b++) {
    if (n[b] === 0) continue;
    const observed = sl[b] / n[b];
    bins.push({ predicted: sp[b] / n[b], observed, n: n[b], se: Math.sqrt((observed * (1 - observed)) / n[b]) });
  }
  return { view: 'calibration_curve', component: 'ranker', window: req.window, bins };
}
