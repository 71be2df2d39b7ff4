// Maps each row of a query's day window to its output cell (group × day), or -1 when a
// filter excludes it. One pass over small integer code columns; the buffer is reused.
import type { Dimension } from '../vocabulary.ts';
import type { World } from '../world/world.ts';
import type { Table } from '../logs/table.ts';
import { dimensionCodes, dimensionValues } from './dimensions.ts';
import type { ResolvedQuery } from './spec.ts';

export interface Frame {
  start: number;
  end: number;
  /** cellOf[r - start] for row r. */
  cellOf: Int32Array;
  groups: readonly string[];
  days: number;
  cells: number;
}

let buffer = new Int32Array(0);
let zeros = new Uint8Array(0);
const zeroCodes = (rows: number) => (zeros.length >= rows ? zeros : (zeros = new Uint8Array(rows)));
/** The allow-list of an absent filter (every code passes); the fast paths skip it by identity. */
export const ALLOW_ALL_CODES = new Uint8Array(256).fill(1);

interface Mask {
  codes: Uint8Array;
  allow: Uint8Array;
}

export function filterMasks(
  world: World,
  table: Table,
  filter: ResolvedQuery['filter'],
  except?: Dimension,
): Mask[] {
  const masks: Mask[] = [];
  for (const [d, values] of Object.entries(filter) as [Dimension, string[]][]) {
    if (d === except) continue;
    const labels = dimensionValues(world, d);
    const allow = new Uint8Array(256);
    for (const v of values) allow[labels.indexOf(v)] = 1;
    masks.push({ codes: dimensionCodes(world, table, d)!, allow });
  }
  return masks;
}

/** What a fused single-pass aggregation needs: row range, two inline filters, group and day. */
export interface Scan {
  start: number;
  end: number;
  c0: Uint8Array;
  a0: Uint8Array;
  c1: Uint8Array;
  a1: Uint8Array;
  /** Filters beyond the first two (rare). */
  rest: Mask[];
  group: Uint8Array;
  groupScale: number;
  dayWeight: number;
  day: Uint8Array;
  first: number;
  groups: readonly string[];
  days: number;
  cells: number;
}

export function scanOf(world: World, table: Table, q: ResolvedQuery, except?: Dimension): Scan {
  const masks = filterMasks(world, table, q.filter, except);
  const zeros = zeroCodes(table.rows);
  const days = q.byDay ? q.window[1] - q.window[0] + 1 : 1;
  const groups = q.groupBy ? dimensionValues(world, q.groupBy) : [];
  return {
    start: table.dayStart[q.window[0]],
    end: table.dayStart[q.window[1] + 1],
    c0: masks[0]?.codes ?? zeros,
    a0: masks[0]?.allow ?? ALLOW_ALL_CODES,
    c1: masks[1]?.codes ?? zeros,
    a1: masks[1]?.allow ?? ALLOW_ALL_CODES,
    rest: masks.slice(2),
    group: q.groupBy ? dimensionCodes(world, table, q.groupBy)! : zeros,
    groupScale: days,
    dayWeight: q.byDay ? 1 : 0,
    day: table.columns.day as Uint8Array,
    first: q.window[0],
    groups,
    days,
    cells: Math.max(1, groups.length) * days,
  };
}

/** The scan's cell for every row, materialised (for aggregations that pass over rows twice). */
export function buildFrame(world: World, table: Table, q: ResolvedQuery, except?: Dimension): Frame {
  const { start, end, c0, a0, c1, a1, rest, group, groupScale, dayWeight, day, first, groups, days, cells } = scanOf(
    world,
    table,
    q,
    except,
  );
  if (buffer.length < end - start) buffer = new Int32Array(Math.ceil((end - start) * 1.25));
  const cellOf = buffer.subarray(0, end - start);
  // Absent filters and groups read an all-zero code column (see scanOf), so one branch-free
  // loop serves every query shape; a third filter and beyond fall back to a loop.
  if (rest.length === 0) {
    for (let r = start; r < end; r++) {
      cellOf[r - start] = a0[c0[r]] & a1[c1[r]] ? group[r] * groupScale + dayWeight * (day[r] - first) : -1;
    }
  } else {
    for (let r = start; r < end; r++) {
      let keep = a0[c0[r]] & a1[c1[r]];
      for (let m = 0; keep && m < rest.length; m++) keep = rest[m].allow[rest[m].codes[r]];
      cellOf[r - start] = keep ? group[r] * groupScale + dayWeight * (day[r] - first) : -1;
    }
  }
  return { start, end, cellOf, groups, days, cells };
}
