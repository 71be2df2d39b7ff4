// From a per-day query result to the lines a chart draws: one series per group, in the
// result's group order, each with a stable colour.
import type { QueryResult } from '../sim/query/query.ts';

export interface SeriesPoint {
  day: number;
  value: number | null;
  se: number | null;
  n: number;
}

export interface Series {
  key: string;
  label: string;
  color: string;
  points: SeriesPoint[];
}

/** Colour-blind-friendly categorical palette (Okabe–Ito order, blue first). */
export const SERIES_COLORS = ['#2563eb', '#d97706', '#059669', '#db2777', '#7c3aed', '#0891b2', '#65a30d', '#64748b'];

export function seriesOf(result: QueryResult, allLabel = 'All users'): Series[] {
  const keys = result.groupBy ? result.groups : [null];
  return keys.map((group, i) => ({
    key: group ?? 'all',
    label: group ?? allLabel,
    color: SERIES_COLORS[i % SERIES_COLORS.length],
    points: result.cells
      .filter((c) => c.group === group && c.day !== null)
      .map((c) => ({ day: c.day!, value: c.value, se: c.se, n: c.n })),
  }));
}
