// Rule: a contrast (BubbleUp-style) puts a selection of rows beside a baseline and ranks every
// dimension by where the metric's difference concentrates — the group whose change departs most
// from the overall change, in standard errors — with the share of rows each group holds on
// either side. It reads the factual world only: it is what the learner sees.
import { runQuery, type QueryResult } from '../sim/query/query.ts';
import { resolveQuery } from '../sim/query/spec.ts';
import { tableDimensions } from '../sim/query/dimensions.ts';
import type { World } from '../sim/world/world.ts';
import type { Dimension } from '../sim/vocabulary.ts';
import { pool } from './signals.ts';
import { asFilter } from './filter.ts';

export interface ContrastSide {
  window?: readonly [number, number];
  filter?: Record<string, readonly (string | number)[]>;
}

export interface ContrastSpec {
  metric?: string;
  selection: ContrastSide;
  baseline?: ContrastSide;
}

export interface ContrastGroup {
  group: string;
  selection: number | null;
  baseline: number | null;
  /** Share of the side's rows in this group. */
  selectionShare: number;
  baselineShare: number;
  /** (group's difference − overall difference) / its standard error. */
  z: number;
}

export interface ContrastDimension {
  dimension: Dimension;
  /** Largest |z| of its groups: how unevenly the difference is spread over this dimension. */
  score: number;
  /** Total variation distance between the two sides' row shares. */
  distributionShift: number;
  groups: ContrastGroup[];
}

export interface ContrastResult {
  metric: string;
  selection: { window: [number, number]; filter: Record<string, string[]> };
  baseline: { window: [number, number]; filter: Record<string, string[]> };
  overall: { selection: number | null; baseline: number | null };
  dimensions: ContrastDimension[];
}

/** The baseline a contrast uses when none is given: the days outside the selection's window, else everything. */
export function defaultBaseline(world: World, selection: ContrastSide): ContrastSide {
  const days = world.config.days;
  const w = selection.window;
  if (w && (w[0] > 1 || w[1] < days)) {
    const other: [number, number] = w[0] > 1 ? [1, w[0] - 1] : [w[1] + 1, days];
    return { window: other, filter: selection.filter };
  }
  return { window: w };
}

export function contrast(world: World, spec: ContrastSpec): ContrastResult {
  const metric = spec.metric ?? 'relevance';
  const selection = { window: spec.selection.window, filter: asFilter(spec.selection.filter ?? {}) };
  const b = spec.baseline ?? defaultBaseline(world, spec.selection);
  const baseline = { window: b.window, filter: asFilter(b.filter ?? {}) };
  const resolved = resolveQuery(world, { metric, ...selection });
  const base = resolveQuery(world, { metric, ...baseline });
  const dims = tableDimensions(world.logs[resolved.metric.table]).filter((d) => d !== 'day' && d !== 'feature');
  const total = (side: typeof selection) => pool(runQuery(world, { metric, ...side }).cells);
  const sel = total(selection), bas = total(baseline);
  const dimensions: ContrastDimension[] = [];
  for (const dimension of dims) {
    const s = runQuery(world, { metric, groupBy: dimension, ...selection });
    const r = runQuery(world, { metric, groupBy: dimension, ...baseline });
    dimensions.push(rankDimension(dimension, s, r, sel?.value ?? null, bas?.value ?? null));
  }
  dimensions.sort((x, y) => y.score - x.score || y.distributionShift - x.distributionShift);
  return {
    metric,
    selection: { window: resolved.window, filter: resolved.filter as Record<string, string[]> },
    baseline: { window: base.window, filter: base.filter as Record<string, string[]> },
    overall: { selection: sel?.value ?? null, baseline: bas?.value ?? null },
    dimensions,
  };
}

function rankDimension(dimension: Dimension, s: QueryResult, r: QueryResult, sel: number | null, bas: number | null): ContrastDimension {
  const nS = s.cells.reduce((x, c) => x + c.n, 0) || 1;
  const nB = r.cells.reduce((x, c) => x + c.n, 0) || 1;
  const overall = sel !== null && bas !== null ? sel - bas : 0;
  const groups: ContrastGroup[] = [];
  let tvd = 0;
  for (const g of new Set([...s.groups, ...r.groups])) {
    const a = s.cells.find((c) => c.group === g), z = r.cells.find((c) => c.group === g);
    const selectionShare = (a?.n ?? 0) / nS, baselineShare = (z?.n ?? 0) / nB;
    tvd += Math.abs(selectionShare - baselineShare) / 2;
    const se = Math.hypot(a?.se ?? NaN, z?.se ?? NaN);
    const d = (a?.value ?? NaN) - (z?.value ?? NaN) - overall;
    groups.push({ group: g, selection: a?.value ?? null, baseline: z?.value ?? null, selectionShare, baselineShare, z: Number.isFinite(d / se) ? d / se : 0 });
  }
  groups.sort((x, y) => Math.abs(y.z) - Math.abs(x.z));
  return { dimension, score: Math.abs(groups[0]?.z ?? 0), distributionShift: tvd, groups };
}
