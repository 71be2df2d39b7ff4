// Per-kind aggregation of a frame into cell values with counts and standard errors. The
// standard error is of exactly what a chart shows, so grading can test significance on it.
import type { World } from '../world/world.ts';
import type { Table } from '../logs/table.ts';
import { dimensionCodes, dimensionValues } from './dimensions.ts';
import { buildFrame, filterMasks, type Frame } from './frame.ts';
import { metricRows } from './metrics.ts';
import type { ResolvedQuery } from './spec.ts';

export interface CellStats {
  value: Float64Array;
  se: Float64Array;
  n: Float64Array;
}

export function emptyStats(cells: number): CellStats {
  return { value: new Float64Array(cells).fill(NaN), se: new Float64Array(cells).fill(NaN), n: new Float64Array(cells) };
}

export function aggregateRatio(world: World, table: Table, q: ResolvedQuery, f: Frame): CellStats {
  const { value, denominator } = metricRows(world, table, q.metric);
  const out = emptyStats(f.cells);
  const sx = new Float64Array(f.cells), sy = new Float64Array(f.cells);
  const sxx = new Float64Array(f.cells), syy = new Float64Array(f.cells), sxy = new Float64Array(f.cells);
  for (let r = f.start; r < f.end; r++) {
    const c = f.cellOf[r - f.start];
    if (c < 0) continue;
    const x = value[r];
    const y = denominator![r];
    if (x === 0 && y === 0) continue;
    out.n[c]++;
    sx[c] += x; sy[c] += y; sxx[c] += x * x; syy[c] += y * y; sxy[c] += x * y;
  }
  for (let c = 0; c < f.cells; c++) {
    const n = out.n[c];
    if (n === 0 || sy[c] === 0) continue;
    const ratio = sx[c] / sy[c];
    const my = sy[c] / n;
    // Delta method: Var(x̄/ȳ) ≈ Var(x − R·y) / (n·ȳ²).
    const v = (sxx[c] - 2 * ratio * sxy[c] + ratio * ratio * syy[c]) / Math.max(1, n - 1);
    out.value[c] = ratio;
    out.se[c] = Math.sqrt(Math.max(0, v) / n) / my;
  }
  return out;
}

/** Share of rows whose `shareOf` value is selected, among rows matching every other filter. */
export function aggregateShare(world: World, table: Table, q: ResolvedQuery): { frame: Frame; stats: CellStats } {
  const dim = q.metric.shareOf!;
  const grouped = q.groupBy === dim;
  // Denominator frame: every filter but the share dimension's; grouped by the share dimension
  // means the denominator is the whole (day) total.
  const base = buildFrame(world, table, { ...q, groupBy: grouped ? null : q.groupBy }, dim);
  const denominators = new Float64Array(base.cells);
  const shareCodes = dimensionCodes(world, table, dim)!;
  const values = dimensionValues(world, dim);
  const selected = new Uint8Array(256);
  const chosen = q.filter[dim] ?? (grouped ? values : [q.metric.defaultShare!]);
  for (const v of chosen) selected[values.indexOf(v)] = 1;
  const groups = grouped ? values : base.groups;
  const cells = Math.max(1, groups.length) * base.days;
  const numerators = new Float64Array(cells);
  for (let r = base.start; r < base.end; r++) {
    const c = base.cellOf[r - base.start];
    if (c < 0) continue;
    denominators[c]++;
    const code = shareCodes[r];
    if (!selected[code]) continue;
    numerators[grouped ? code * base.days + (c % base.days) : c]++;
  }
  const stats = emptyStats(cells);
  for (let c = 0; c < cells; c++) {
    const n = denominators[grouped ? c % base.days : c];
    stats.n[c] = n;
    if (n === 0) continue;
    const p = numerators[c] / n;
    stats.value[c] = p;
    stats.se[c] = Math.sqrt((p * (1 - p)) / n);
  }
  return { frame: { ...base, groups, cells }, stats };
}

const P95_BINS = 2000;
const LOG_MIN = 0;
const LOG_MAX = 5; // 1 ms … 100 s
const binOf = (v: number) => Math.min(P95_BINS - 1, Math.max(0, Math.floor(((Math.log10(Math.max(1, v)) - LOG_MIN) / (LOG_MAX - LOG_MIN)) * P95_BINS)));
const binEdge = (b: number) => Math.pow(10, LOG_MIN + (b / P95_BINS) * (LOG_MAX - LOG_MIN));

export function aggregateP95(world: World, table: Table, q: ResolvedQuery, f: Frame): CellStats {
  const { value } = metricRows(world, table, q.metric);
  const hist = new Float64Array(f.cells * P95_BINS);
  const out = emptyStats(f.cells);
  for (let r = f.start; r < f.end; r++) {
    const c = f.cellOf[r - f.start];
    if (c < 0) continue;
    hist[c * P95_BINS + binOf(value[r])]++;
    out.n[c]++;
  }
  // Quantile by linear interpolation inside the bin where the cumulative count crosses it.
  const quantile = (c: number, p: number) => {
    const target = p * out.n[c];
    let acc = 0;
    for (let b = 0; b < P95_BINS; b++) {
      const h = hist[c * P95_BINS + b];
      if (h > 0 && acc + h >= target) {
        const t = (target - acc) / h;
        return binEdge(b) + t * (binEdge(b + 1) - binEdge(b));
      }
      acc += h;
    }
    return binEdge(P95_BINS);
  };
  for (let c = 0; c < f.cells; c++) {
    const n = out.n[c];
    if (n === 0) continue;
    out.value[c] = quantile(c, 0.95);
    // Order-statistic interval for the 95th percentile, expressed as a standard error.
    const d = 1.96 * Math.sqrt((0.95 * 0.05) / n);
    out.se[c] = (quantile(c, Math.min(1, 0.95 + d)) - quantile(c, Math.max(0, 0.95 - d))) / (2 * 1.96);
  }
  return out;
}

/** Score bins on the logit scale shared by AUC and calibration. */
const SCORE_BINS = 240;
const scoreBin = (p: number) => {
  const z = Math.log(p / (1 - p));
  return Math.min(SCORE_BINS - 1, Math.max(0, Math.floor(((z + 9) / 10) * SCORE_BINS)));
};

export function aggregateAuc(_world: World, table: Table, _q: ResolvedQuery, f: Frame): CellStats {
  const pctr = table.columns.pctr as Float32Array;
  const label = table.columns.clickLogged as Uint8Array;
  const pos = new Float64Array(f.cells * SCORE_BINS);
  const neg = new Float64Array(f.cells * SCORE_BINS);
  const out = emptyStats(f.cells);
  for (let r = f.start; r < f.end; r++) {
    const c = f.cellOf[r - f.start];
    if (c < 0) continue;
    (label[r] ? pos : neg)[c * SCORE_BINS + scoreBin(pctr[r])]++;
    out.n[c]++;
  }
  for (let c = 0; c < f.cells; c++) {
    let negBelow = 0, nPos = 0, nNeg = 0, wins = 0;
    for (let b = 0; b < SCORE_BINS; b++) {
      const p = pos[c * SCORE_BINS + b];
      const n = neg[c * SCORE_BINS + b];
      wins += p * (negBelow + n / 2);
      negBelow += n;
      nPos += p;
      nNeg += n;
    }
    if (nPos === 0 || nNeg === 0) continue;
    const a = wins / (nPos * nNeg);
    // Hanley & McNeil (1982) standard error of the AUC.
    const q1 = a / (2 - a);
    const q2 = (2 * a * a) / (1 + a);
    const v = (a * (1 - a) + (nPos - 1) * (q1 - a * a) + (nNeg - 1) * (q2 - a * a)) / (nPos * nNeg);
    out.value[c] = a;
    out.se[c] = Math.sqrt(Math.max(0, v));
  }
  return out;
}

const CALIBRATION_BINS = 10;
export function aggregateCalibration(_world: World, table: Table, _q: ResolvedQuery, f: Frame): CellStats {
  const pctr = table.columns.pctr as Float32Array;
  const label = table.columns.clickLogged as Uint8Array;
  const k = CALIBRATION_BINS;
  const n = new Float64Array(f.cells * k), sp = new Float64Array(f.cells * k), sl = new Float64Array(f.cells * k);
  const out = emptyStats(f.cells);
  for (let r = f.start; r < f.end; r++) {
    const c = f.cellOf[r - f.start];
    if (c < 0) continue;
    const b = Math.min(k - 1, Math.floor((scoreBin(pctr[r]) / SCORE_BINS) * k));
    n[c * k + b]++;
    sp[c * k + b] += pctr[r];
    sl[c * k + b] += label[r];
    out.n[c]++;
  }
  for (let c = 0; c < f.cells; c++) {
    const total = out.n[c];
    if (total === 0) continue;
    let ece = 0, variance = 0;
    for (let b = 0; b < k; b++) {
      const nb = n[c * k + b];
      if (nb === 0) continue;
      const rate = sl[c * k + b] / nb;
      const w = nb / total;
      ece += w * Math.abs(sp[c * k + b] / nb - rate);
      variance += w * w * (rate * (1 - rate)) / nb;
    }
    out.value[c] = ece;
    out.se[c] = Math.sqrt(variance);
  }
  return out;
}

/** Distinct items shown in a cell over the live catalogue items that match its item slices. */
/**
 * Catalogue coverage (`order` 0: live items shown at least once, over live items) or exposure
 * diversity (`order` 1: the effective number of items the impressions spread over — exp of
 * their entropy, a Hill number — over live items).
 */
export function aggregateCoverage(world: World, table: Table, q: ResolvedQuery, f: Frame, order: 0 | 1 = 0): CellStats {
  const distinct = order === 0 ? distinctItems(world, table, f) : null;
  const spread = order === 1 ? effectiveItems(world, table, f) : null;
  // Denominator: catalogue rows (live items per day) under the item-level filters and groups.
  const catalogue = world.logs.catalogue;
  const itemDims = new Set(['aesthetic', 'category', 'brightness', 'predicted_quality', 'freshness', 'creator_size', 'day']);
  const itemFilter = Object.fromEntries(Object.entries(q.filter).filter(([d]) => itemDims.has(d)));
  const groupIsItem = q.groupBy !== null && itemDims.has(q.groupBy);
  const live = new Float64Array(f.cells);
  const masks = filterMasks(world, catalogue, itemFilter);
  const groupCodes = groupIsItem ? dimensionCodes(world, catalogue, q.groupBy!) : null;
  const lastDay = q.window[1];
  const catStart = catalogue.dayStart[q.byDay ? q.window[0] : lastDay];
  const catEnd = catalogue.dayStart[lastDay + 1];
  const dayCol = catalogue.columns.day;
  for (let r = catStart; r < catEnd; r++) {
    if (!masks.every((m) => m.allow[m.codes[r]])) continue;
    const d = q.byDay ? dayCol[r] - q.window[0] : 0;
    if (groupCodes) live[groupCodes[r] * f.days + d]++;
    else for (let g = 0; g < Math.max(1, f.groups.length); g++) live[g * f.days + d]++;
  }
  const out = emptyStats(f.cells);
  for (let c = 0; c < f.cells; c++) {
    if (live[c] === 0) continue;
    out.n[c] = live[c];
    if (spread) {
      const d = Math.min(1, spread.effective[c] / live[c]);
      out.value[c] = d;
      out.se[c] = d * spread.entropySe[c];
      continue;
    }
    const p = Math.min(1, distinct![c] / live[c]);
    out.value[c] = p;
    out.se[c] = Math.sqrt((p * (1 - p)) / live[c]);
  }
  return out;
}

function distinctItems(world: World, table: Table, f: Frame): Float64Array {
  const items = world.items.count;
  const words = Math.ceil(items / 32);
  const seen = new Uint32Array(f.cells * words);
  const distinct = new Float64Array(f.cells);
  const itemCol = table.columns.item as Uint32Array;
  for (let r = f.start; r < f.end; r++) {
    const c = f.cellOf[r - f.start];
    if (c < 0) continue;
    const i = itemCol[r];
    const w = c * words + (i >>> 5);
    const bit = 1 << (i & 31);
    if (!(seen[w] & bit)) {
      seen[w] |= bit;
      distinct[c]++;
    }
  }
  return distinct;
}

/**
 * Per cell, exp(H) of the impressions' distribution over items and the standard error of H
 * (delta method: Var H ≈ (Σ p·ln²p − H²) / N).
 */
function effectiveItems(world: World, table: Table, f: Frame): { effective: Float64Array; entropySe: Float64Array } {
  const itemCol = table.columns.item as Uint32Array;
  // Rows grouped by cell (a counting sort), then per cell a count per item.
  const cellStart = new Int32Array(f.cells + 1);
  for (let r = f.start; r < f.end; r++) {
    const c = f.cellOf[r - f.start];
    if (c >= 0) cellStart[c + 1]++;
  }
  for (let c = 0; c < f.cells; c++) cellStart[c + 1] += cellStart[c];
  const byCell = new Uint32Array(cellStart[f.cells]);
  const fill = cellStart.slice(0, f.cells);
  for (let r = f.start; r < f.end; r++) {
    const c = f.cellOf[r - f.start];
    if (c >= 0) byCell[fill[c]++] = itemCol[r];
  }
  const count = new Uint32Array(world.items.count);
  const seen = new Uint32Array(world.items.count);
  const total = new Float64Array(f.cells);
  const sumNLogN = new Float64Array(f.cells);
  const sumNLog2N = new Float64Array(f.cells);
  for (let c = 0; c < f.cells; c++) {
    let distinct = 0;
    for (let k = cellStart[c]; k < cellStart[c + 1]; k++) if (count[byCell[k]]++ === 0) seen[distinct++] = byCell[k];
    // Items in ascending order, so the sums do not depend on the order rows were logged in.
    const items = seen.subarray(0, distinct).sort();
    for (let j = 0; j < distinct; j++) {
      const i = items[j];
      const n = count[i];
      const ln = Math.log(n);
      total[c] += n;
      sumNLogN[c] += n * ln;
      sumNLog2N[c] += n * ln * ln;
      count[i] = 0;
    }
  }
  const effective = new Float64Array(f.cells);
  const entropySe = new Float64Array(f.cells);
  for (let c = 0; c < f.cells; c++) {
    const N = total[c];
    if (N === 0) continue;
    const lnN = Math.log(N);
    const h = lnN - sumNLogN[c] / N;
    // Σ p ln²p with ln p = ln n − ln N.
    const m2 = sumNLog2N[c] / N - 2 * lnN * (sumNLogN[c] / N) + lnN * lnN;
    effective[c] = Math.exp(h);
    entropySe[c] = Math.sqrt(Math.max(0, m2 - h * h) / N);
  }
  return { effective, entropySe };
}
