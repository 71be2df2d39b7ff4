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

export function buildFrame(world: World, table: Table, q: ResolvedQuery, except?: Dimension): Frame {
  const start = table.dayStart[q.window[0]];
  const end = table.dayStart[q.window[1] + 1];
  if (buffer.length < end - start) buffer = new Int32Array(Math.ceil((end - start) * 1.25));
  const cellOf = buffer.subarray(0, end - start);
  const groups = q.groupBy ? dimensionValues(world, q.groupBy) : [];
  const groupCodes = q.groupBy ? dimensionCodes(world, table, q.groupBy)! : null;
  const days = q.byDay ? q.window[1] - q.window[0] + 1 : 1;
  const dayCol = table.columns.day as Uint8Array;
  const first = q.window[0];
  const masks = filterMasks(world, table, q.filter, except);
  const m0 = masks[0];
  for (let r = start; r < end; r++) {
    let keep = true;
    if (m0) {
      for (let m = 0; m < masks.length; m++) {
        if (!masks[m].allow[masks[m].codes[r]]) {
          keep = false;
          break;
        }
      }
    }
    if (!keep) {
      cellOf[r - start] = -1;
      continue;
    }
    const g = groupCodes ? groupCodes[r] : 0;
    cellOf[r - start] = q.byDay ? g * days + (dayCol[r] - first) : g;
  }
  return { start, end, cellOf, groups, days, cells: Math.max(1, groups.length) * days };
}
