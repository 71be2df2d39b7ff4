// Rule: a contrast (BubbleUp-style) puts a selection of rows beside a baseline and ranks every
// dimension by how much of the metric's change a few of its groups account for — the change
// each group went through itself, weighted by its rows — beyond the share of rows they hold; or,
// when the groups held still and their shares moved, by how much of the change that mix shift
// accounts for. Groups that held up never count as where a fall sits. It reads the factual
// world only: it is what the learner sees.
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
  /** The group's own change, selection − baseline (null when a side has no value). */
  change: number | null;
  /** That change in standard errors. */
  z: number;
  /** The part of the overall change the group accounts for: its row share × its own change, over the overall change. */
  accounts: number;
}

export interface ContrastDimension {
  dimension: Dimension;
  /**
   * 0–1: how much of the change the groups listed in `where` account for beyond the share of rows
   * they hold (within), or how much of it the groups' shifted shares account for (mix) — 0 when
   * the change is spread evenly over the dimension's groups.
   */
  score: number;
  /** How the dimension explains the change: a few groups changed, or the mix between groups moved. */
  how: 'within' | 'mix';
  /** The groups the change sits in (the fewest that account for the most of it, beyond their rows), most first. */
  where: string[];
  /** Total variation distance between the two sides' row shares. */
  distributionShift: number;
  /** Every group, those the change sits in first. */
  groups: ContrastGroup[];
}

export interface ContrastResult {
  metric: string;
  selection: { window: [number, number]; filter: Record<string, string[]> };
  baseline: { window: [number, number]; filter: Record<string, string[]> };
  /** The whole selection against the whole baseline; `z`: that change in standard errors. */
  overall: { selection: number | null; baseline: number | null; z: number };
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
  // A dimension the selection is cut by and the baseline is not has moved by construction: not a finding.
  const cut = (d: string) => JSON.stringify(resolved.filter[d as Dimension] ?? null) !== JSON.stringify(base.filter[d as Dimension] ?? null);
  const dims = tableDimensions(world.logs[resolved.metric.table]).filter((d) => d !== 'day' && d !== 'feature' && !cut(d));
  const total = (side: typeof selection) => pool(runQuery(world, { metric, ...side }).cells);
  const sel = total(selection), bas = total(baseline);
  const se = Math.hypot(sel?.se ?? NaN, bas?.se ?? NaN);
  const z = sel && bas && se > 0 ? (sel.value - bas.value) / se : 0;
  // A change within the noise has nowhere to sit: every dimension scores nothing.
  const significant = Math.abs(z) >= CHANGE_Z;
  const dimensions: ContrastDimension[] = [];
  for (const dimension of dims) {
    const s = runQuery(world, { metric, groupBy: dimension, ...selection });
    const r = runQuery(world, { metric, groupBy: dimension, ...baseline });
    const ranked = rankDimension(dimension, s, r, sel?.value ?? null, bas?.value ?? null);
    dimensions.push(significant ? ranked : { ...ranked, score: 0, where: [] });
  }
  dimensions.sort((x, y) => y.score - x.score || y.distributionShift - x.distributionShift);
  return {
    metric,
    selection: { window: resolved.window, filter: resolved.filter as Record<string, string[]> },
    baseline: { window: base.window, filter: base.filter as Record<string, string[]> },
    overall: { selection: sel?.value ?? null, baseline: bas?.value ?? null, z: Number.isFinite(z) ? z : 0 },
    dimensions,
  };
}

/** The selection's change must be this many standard errors for a dimension to explain it. */
const CHANGE_Z = 2;

/** A group is listed where the change sits only if it accounts for this much of it (not a tiny group's noise). */
const LISTED = 0.02;

/** The share of the change a shifted mix must carry to be what explains it. */
const MIX_CARRIES = 0.6;

/** A group's own change counts only when it is this many standard errors from none. */
const SIGNIFICANT = 2;

/**
 * Where a dimension puts the change (sel − bas overall). Within groups: each group accounts for
 * its row share × its own change; the fewest groups, taken in order of what they account for,
 * whose part of the change most exceeds their part of the rows are where it sits. Mix: the
 * groups' shares moved between the sides while their values held, Σ (share moved × baseline value).
 */
export function rankDimension(dimension: Dimension, s: QueryResult, r: QueryResult, sel: number | null, bas: number | null): ContrastDimension {
  const nS = s.cells.reduce((x, c) => x + c.n, 0) || 1;
  const nB = r.cells.reduce((x, c) => x + c.n, 0) || 1;
  const overall = sel !== null && bas !== null ? sel - bas : 0;
  const groups: ContrastGroup[] = [];
  let tvd = 0;
  let mix = 0;
  for (const g of new Set([...s.groups, ...r.groups])) {
    const a = s.cells.find((c) => c.group === g), b = r.cells.find((c) => c.group === g);
    const selectionShare = (a?.n ?? 0) / nS, baselineShare = (b?.n ?? 0) / nB;
    tvd += Math.abs(selectionShare - baselineShare) / 2;
    const change = a?.value != null && b?.value != null ? a.value - b.value : null;
    const se = Math.hypot(a?.se ?? NaN, b?.se ?? NaN);
    const z = change !== null && se > 0 ? change / se : 0;
    if (b?.value != null) mix += (selectionShare - baselineShare) * b.value;
    const accounts = change !== null && overall !== 0 && Math.abs(z) >= SIGNIFICANT ? (selectionShare * change) / overall : 0;
    groups.push({ group: g, selection: a?.value ?? null, baseline: b?.value ?? null, selectionShare, baselineShare, change, z: Number.isFinite(z) ? z : 0, accounts });
  }
  // Within: the prefix of groups (by what they account for) that most exceeds its share of rows.
  const ranked = groups.filter((g) => g.accounts >= LISTED).sort((x, y) => y.accounts - x.accounts);
  let best = 0, size = 0, part = 0, rows = 0;
  ranked.forEach((g, i) => {
    part += g.accounts;
    rows += g.selectionShare;
    if (Math.min(1, part) - rows > best) [best, size] = [Math.min(1, part) - rows, i + 1];
  });
  const where = ranked.slice(0, size).map((g) => g.group);
  // The mix explains the change only when it carries most of it — the groups themselves held
  // still (a sign-up campaign); a fault that also shifts what is shown moves values and mix alike.
  const mixShare = overall !== 0 && tvd > 0 ? Math.max(0, Math.min(1, mix / overall)) : 0;
  const how = mixShare >= MIX_CARRIES && mixShare > best ? 'mix' : 'within';
  const first = new Set(where);
  groups.sort((x, y) => Number(first.has(y.group)) - Number(first.has(x.group)) || y.accounts - x.accounts || Math.abs(y.z) - Math.abs(x.z));
  return { dimension, score: how === 'mix' ? mixShare : best, how, where: how === 'mix' ? [] : where, distributionShift: tvd, groups };
}
