// Population stability of served features against a reference window (the first days of the
// world, the ranker's training snapshot): PSI = Σ (a − e)·ln(a / e) over ten quantile bins
// plus one bin for missing values.
import { FEATURE_NAMES } from '../pipeline/ranker.ts';
import type { World } from '../world/world.ts';
import type { Table } from '../logs/table.ts';
import type { Frame } from './frame.ts';
import type { CellStats } from './aggregate.ts';

const BINS = 10;
const NULL_BIN = BINS;
export const REFERENCE_DAYS = 3;
const EPS = 1e-4;

export interface FeatureReference {
  /** BINS-1 interior edges per feature. */
  edges: Float64Array[];

}

const cache = new WeakMap<Table, FeatureReference>();

export function featureReference(world: World, table: Table): FeatureReference {
  const cached = cache.get(table);
  if (cached) return cached;
  const end = table.dayStart[Math.min(REFERENCE_DAYS, world.config.days) + 1];
  const value = table.columns.value as Float32Array;
  const feature = table.columns.feature as Uint8Array;
  const edges: Float64Array[] = [];
  for (let f = 0; f < FEATURE_NAMES.length; f++) {
    const xs: number[] = [];
    for (let r = 0; r < end; r++) if (feature[r] === f && !Number.isNaN(value[r])) xs.push(value[r]);
    xs.sort((a, b) => a - b);
    const e = new Float64Array(BINS - 1);
    for (let b = 1; b < BINS; b++) e[b - 1] = xs.length ? xs[Math.floor((b / BINS) * (xs.length - 1))] : 0;
    edges.push(e);
  }
  const ref = { edges };
  cache.set(table, ref);
  return ref;
}

function binOf(edges: Float64Array, v: number): number {
  if (Number.isNaN(v)) return NULL_BIN;
  let b = 0;
  while (b < edges.length && v > edges[b]) b++;
  return b;
}

/**
 * PSI per cell against the same slice (filters and group) in the reference days, so a segment
 * is compared with itself, not with the population.
 */
export function aggregatePsi(world: World, table: Table, f: Frame, referenceFrame: Frame): CellStats {
  const ref = featureReference(world, table);
  const nf = FEATURE_NAMES.length;
  const width = BINS + 1;
  const value = table.columns.value as Float32Array;
  const feature = table.columns.feature as Uint8Array;
  const histogram = (frame: Frame) => {
    const hist = new Float64Array(frame.cells * nf * width);
    for (let r = frame.start; r < frame.end; r++) {
      const c = frame.cellOf[r - frame.start];
      if (c < 0) continue;
      const ft = feature[r];
      hist[(c * nf + ft) * width + binOf(ref.edges[ft], value[r])]++;
    }
    return hist;
  };
  const hist = histogram(f);
  const refHist = histogram(referenceFrame);
  const out: CellStats = {
    value: new Float64Array(f.cells).fill(NaN),
    se: new Float64Array(f.cells).fill(NaN),
    n: new Float64Array(f.cells),
  };
  for (let c = 0; c < f.cells; c++) {
    const g = Math.floor(c / f.days);
    let psiSum = 0, features = 0, rows = 0, nullVar = 0;
    for (let ft = 0; ft < nf; ft++) {
      const o = (c * nf + ft) * width;
      const ro = (g * nf + ft) * width;
      let total = 0, refTotal = 0;
      for (let b = 0; b < width; b++) {
        total += hist[o + b];
        refTotal += refHist[ro + b];
      }
      if (total === 0 || refTotal === 0) continue;
      let psi = 0;
      for (let b = 0; b < width; b++) {
        const a = Math.max(EPS, hist[o + b] / total);
        const e = Math.max(EPS, refHist[ro + b] / refTotal);
        psi += (a - e) * Math.log(a / e);
      }
      psiSum += psi;
      features++;
      rows += total;
      // With no shift, PSI is roughly χ²(bins − 1) scaled by 1/n + 1/m of the two samples.
      const scale = 1 / total + 1 / refTotal;
      nullVar += 2 * (width - 1) * scale * scale;
    }
    if (features === 0) continue;
    out.n[c] = rows;
    out.value[c] = psiSum / features;
    out.se[c] = Math.sqrt(nullVar) / features;
  }
  return out;
}
