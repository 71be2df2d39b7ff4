// The fault's true footprint: any query asked of the factual world and of its fault-free twin,
// cell by cell — the two values, their difference, and whether that difference stands out from
// what the data can show. This is the ground truth grading and the solvability check stand on.
import type { WorldPair } from './simulate.ts';
import { runQuery, type QueryResult } from './query/query.ts';
import type { QuerySpec } from './query/spec.ts';

/** |z| at or above this is a real difference (conservative: charts show many cells at once). */
export const SIGNIFICANT_Z = 3;

export interface FootprintCell {
  group: string | null;
  day: number | null;
  factual: number | null;
  twin: number | null;
  difference: number | null;
  /** Difference relative to the twin (−0.15 = 15% lower than it would have been). */
  relative: number | null;
  se: number | null;
  z: number | null;
  significant: boolean;
  n: number;
}

export interface Footprint {
  metric: QueryResult['metric'];
  groupBy: QueryResult['groupBy'];
  filter: QueryResult['filter'];
  window: QueryResult['window'];
  byDay: boolean;
  cells: FootprintCell[];
}

export function footprint(pair: WorldPair, spec: QuerySpec): Footprint {
  const factual = runQuery(pair.factual, spec);
  const twin = runQuery(pair.twin, spec);
  const key = (c: { group: string | null; day: number | null }) => `${c.group}|${c.day}`;
  const twinCells = new Map(twin.cells.map((c) => [key(c), c]));
  const cells: FootprintCell[] = factual.cells.map((f) => {
    const t = twinCells.get(key(f));
    const raw = f.value !== null && t?.value != null ? f.value - t.value : null;
    // Differences at floating-point noise level are no difference at all.
    const difference = raw !== null && Math.abs(raw) < 1e-9 * Math.max(1, Math.abs(t!.value!)) ? 0 : raw;
    const se = f.se !== null && t?.se != null ? Math.hypot(f.se, t.se) : null;
    const z = difference === null ? null : se ? difference / se : difference === 0 ? 0 : null;
    return {
      group: f.group,
      day: f.day,
      factual: f.value,
      twin: t?.value ?? null,
      difference,
      relative: difference !== null && t?.value ? difference / t.value : null,
      se,
      z,
      significant: z !== null ? Math.abs(z) >= SIGNIFICANT_Z : difference !== null && difference !== 0,
      n: f.n,
    };
  });
  const { metric, groupBy, filter, window, byDay } = factual;
  return { metric, groupBy, filter, window, byDay, cells };
}
