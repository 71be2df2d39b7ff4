// The mean of a row value per cell — the hot path of every chart, kept apart from the other
// aggregations for its fast paths: a sampled metric's row index, and a byte column's histogram.
import { SOURCES } from '../vocabulary.ts';
import type { World } from '../world/world.ts';
import type { Table } from '../logs/table.ts';
import { ALLOW_ALL_CODES, type Scan } from './frame.ts';
import { metricRows } from './metrics.ts';
import type { ResolvedQuery } from './spec.ts';
import { emptyStats, type CellStats } from './aggregate.ts';

/**
 * Mean of a row value per cell, in one fused pass (the hot path of every chart). Each row adds
 * to cell `keep × (cell + 1)` — slot 0 collects the rows a filter drops — so the loop has no
 * branch; a byte column is read as bytes, and a sampled metric visits its sample's rows only.
 * Sums run in row order whichever loop runs, so every path gives the same numbers.
 */
export function aggregateMean(world: World, table: Table, q: ResolvedQuery, f: Scan): CellStats {
  const rows = metricRows(world, table, q.metric);
  const slots = f.cells + 1;
  const count = new Float64Array(slots);
  const sum = new Float64Array(slots);
  const sq = new Float64Array(slots);
  const { c0, a0, c1, a1, rest, group, groupScale, dayWeight, day, first } = f;
  if (rest.length) {
    const { value } = rows;
    const inc = rows.include ?? allOnes(table.rows);
    for (let r = f.start; r < f.end; r++) {
      if (!(a0[c0[r]] & a1[c1[r]] & inc[r])) continue;
      if (!rest.every((m) => m.allow[m.codes[r]])) continue;
      const k = group[r] * groupScale + dayWeight * (day[r] - first) + 1;
      count[k]++;
      sum[k] += value[r];
      sq[k] += value[r] * value[r];
    }
  } else if (rows.index) {
    const { value } = rows;
    const index = rows.index.rows;
    const end = rows.index.dayStart[q.window[1] + 1];
    for (let i = rows.index.dayStart[q.window[0]]; i < end; i++) {
      const r = index[i];
      const k = (a0[c0[r]] & a1[c1[r]]) * (group[r] * groupScale + dayWeight * (day[r] - first) + 1);
      const v = value[r];
      count[k]++;
      sum[k] += v;
      sq[k] += v * v;
    }
  } else if (rows.small) {
    smallSums(f, rows.small, count, sum, sq);
  } else {
    // Every row counts here: a metric with a sample (`include`) always has its index.
    const { value } = rows;
    for (let r = f.start; r < f.end; r++) {
      const k = (a0[c0[r]] & a1[c1[r]]) * (group[r] * groupScale + dayWeight * (day[r] - first) + 1);
      const v = value[r];
      count[k]++;
      sum[k] += v;
      sq[k] += v * v;
    }
  }
  // Candidates per request: a request has one row per source, so an unsliced count sums them.
  const scale = q.metric.id === 'candidate_count' && q.groupBy !== 'source' ? (q.filter.source?.length ?? SOURCES.length) : 1;
  const out = emptyStats(f.cells);
  for (let c = 0; c < f.cells; c++) {
    const n = count[c + 1];
    out.n[c] = n;
    if (n === 0) continue;
    const mean = sum[c + 1] / n;
    const variance = Math.max(0, sq[c + 1] / n - mean * mean);
    out.value[c] = mean * scale;
    out.se[c] = (n > 1 ? Math.sqrt((variance * n) / (n - 1) / n) : NaN) * scale;
  }
  return out;
}

/**
 * Sums of a byte column per cell through a histogram of (cell, value): one integer increment per
 * row, no float arithmetic in the loop; the sums are exact, so the same as adding row by row.
 * One loop per query shape (filters 0–2, per day or not), so a loop reads only the columns its
 * query needs.
 */
function smallSums(f: Scan, small: { column: Uint8Array; bits: number }, count: Float64Array, sum: Float64Array, sq: Float64Array): void {
  const { column: v, bits } = small;
  const hist = new Int32Array(count.length << bits);
  const { c0, a0, c1, a1, group: g, groupScale: gs, dayWeight, day, first, start, end } = f;
  const one = a0 === ALLOW_ALL_CODES ? (a1 === ALLOW_ALL_CODES ? null : { c: c1, a: a1 }) : a1 === ALLOW_ALL_CODES ? { c: c0, a: a0 } : null;
  const two = a0 !== ALLOW_ALL_CODES && a1 !== ALLOW_ALL_CODES;
  const base = 1 - first; // per day: cell + 1 = group × days + (day − first) + 1
  if (dayWeight === 0) {
    if (two) for (let r = start; r < end; r++) hist[(((a0[c0[r]] & a1[c1[r]]) * (g[r] + 1)) << bits) | v[r]]++;
    else if (one) {
      const { c, a } = one;
      for (let r = start; r < end; r++) hist[((a[c[r]] * (g[r] + 1)) << bits) | v[r]]++;
    } else for (let r = start; r < end; r++) hist[((g[r] + 1) << bits) | v[r]]++;
  } else {
    if (two) for (let r = start; r < end; r++) hist[(((a0[c0[r]] & a1[c1[r]]) * (g[r] * gs + day[r] + base)) << bits) | v[r]]++;
    else if (one) {
      const { c, a } = one;
      for (let r = start; r < end; r++) hist[((a[c[r]] * (g[r] * gs + day[r] + base)) << bits) | v[r]]++;
    } else for (let r = start; r < end; r++) hist[((g[r] * gs + day[r] + base) << bits) | v[r]]++;
  }
  const width = 1 << bits;
  for (let k = 0; k < count.length; k++) {
    for (let x = 0; x < width; x++) {
      const h = hist[(k << bits) | x];
      count[k] += h;
      sum[k] += h * x;
      sq[k] += h * x * x;
    }
  }
}

let ones = new Uint8Array(0);
const allOnes = (rows: number) => (ones.length >= rows ? ones : (ones = new Uint8Array(rows).fill(1)));
