// From a per-day query result to the lines a chart draws: one series per group, in the
// result's group order. At most MAX_HIGHLIGHTED are drawn in colour — by default the groups whose
// lines depart most over the window, or those the person picks — and the rest muted, so that
// eight colours always name eight lines.
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
  /** Drawn thin and grey, without its band (not among the highlighted). */
  muted: boolean;
  /** Drawn dashed, without its band: a reference line (the studio's fault-free twin). */
  dashed?: boolean;
  points: SeriesPoint[];
}

/** Colour-blind-friendly categorical palette (Okabe–Ito order, blue first). */
export const SERIES_COLORS = ['#2563eb', '#d97706', '#059669', '#db2777', '#7c3aed', '#0891b2', '#65a30d', '#64748b'];
export const MAX_HIGHLIGHTED = SERIES_COLORS.length;
export const MUTED_COLOR = '#b8bec9';

export function seriesOf(result: QueryResult, allLabel = 'All users'): Series[] {
  const keys = result.groupBy ? result.groups : [null];
  return keys.map((group, i) => ({
    key: group ?? 'all',
    label: group ?? allLabel,
    color: SERIES_COLORS[i % SERIES_COLORS.length],
    muted: false,
    points: result.cells
      .filter((c) => c.group === group && c.day !== null)
      .map((c) => ({ day: c.day!, value: c.value, se: c.se, n: c.n })),
  }));
}

/** The mean over some days, and its standard error (days taken as independent). */
function meanOf(points: SeriesPoint[]): { mean: number; se: number } | null {
  const xs = points.filter((p) => p.value !== null);
  if (xs.length === 0) return null;
  const mean = xs.reduce((s, p) => s + p.value!, 0) / xs.length;
  const variance = xs.reduce((s, p) => s + (p.se ?? 0) ** 2, 0) / xs.length ** 2;
  return { mean, se: Math.sqrt(variance) };
}

/**
 * How far a line departs over the window: the change from its first third of days to its last,
 * in standard errors (a group that moved for sure outranks a tiny group's noise).
 */
export function departure(s: Series): number {
  const n = s.points.length;
  const third = Math.max(1, Math.floor(n / 3));
  const before = meanOf(s.points.slice(0, third));
  const after = meanOf(s.points.slice(n - third));
  if (!before || !after || n < 2) return 0;
  const se = Math.hypot(before.se, after.se);
  return Math.abs(after.mean - before.mean) / (se > 0 ? se : Infinity);
}

/** A line moved when its change over the window is this many standard errors. */
const MOVED = 3;
/** With fewer lines that moved, the largest groups are highlighted too, up to this many. */
const AT_LEAST = 4;

/** Rows behind a line over the window. */
const rowsOf = (s: Series) => s.points.reduce((sum, p) => sum + p.n, 0);

/**
 * The series with colours and muting: all in colour when there are few; else the `picked` keys
 * (the person's choice), or the lines that moved most (at most MAX_HIGHLIGHTED), joined by the
 * largest groups when fewer than AT_LEAST moved — each highlighted line with a colour of its own,
 * given in the order of `keys` (so a line picked later never takes an earlier line's colour).
 */
export function highlight(series: Series[], picked: readonly string[] | null): Series[] {
  if (series.length <= MAX_HIGHLIGHTED && !picked) return series;
  let keys = picked;
  if (!keys) {
    const moved = series.map((s) => ({ s, d: departure(s) })).filter((x) => x.d >= MOVED).sort((a, b) => b.d - a.d).map((x) => x.s.key);
    const largest = [...series].sort((a, b) => rowsOf(b) - rowsOf(a)).map((s) => s.key).filter((k) => !moved.includes(k));
    keys = [...moved, ...largest.slice(0, Math.max(0, AT_LEAST - moved.length))].slice(0, MAX_HIGHLIGHTED);
  }
  const slot = new Map(keys.map((k, i) => [k, i]));
  return series.map((s) =>
    slot.has(s.key) ? { ...s, muted: false, color: SERIES_COLORS[slot.get(s.key)! % SERIES_COLORS.length] } : { ...s, muted: true, color: MUTED_COLOR },
  );
}

/** The keys highlighted after the person toggles `key` (at most MAX_HIGHLIGHTED: the earliest picked gives way). */
export function toggled(current: Series[], key: string): string[] {
  // In colour order: the lines keep their colours.
  const on = current.filter((s) => !s.muted).sort((a, b) => SERIES_COLORS.indexOf(a.color) - SERIES_COLORS.indexOf(b.color)).map((s) => s.key);
  if (on.includes(key)) return on.filter((k) => k !== key);
  return [...on, key].slice(-MAX_HIGHLIGHTED);
}
