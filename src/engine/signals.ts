// Rule: a displayed difference counts as evidence of the fault only if the learner can see it
// (|z| ≥ SIGNIFICANT_Z in the factual world) AND the fault made it (the same difference in the
// fault-free twin is significantly smaller, by at least half). Two kinds of difference are
// visible in a chart: a change over time (before vs after a split day) and a group standing
// out against the rest of the groups.
import { runQuery, type QueryCell, type QueryResult } from '../sim/query/query.ts';
import type { QuerySpec } from '../sim/query/spec.ts';
import { SIGNIFICANT_Z } from '../sim/footprint.ts';
import type { WorldPair } from '../sim/simulate.ts';
import type { Dimension } from '../sim/vocabulary.ts';

export interface Pooled {
  value: number;
  se: number;
  n: number;
}

export interface Signal {
  kind: 'change' | 'group';
  dimension: Dimension | null;
  /** The group the difference is in (null: the ungrouped total). */
  group: string | null;
  /** change: before and after the split; group: the rest of the groups and this one (factual). */
  reference: number;
  value: number;
  /** value − reference in the factual world and in the twin. */
  effect: number;
  twinEffect: number;
  /** effect relative to the reference (−0.15: 15% lower). */
  relative: number | null;
  z: number;
  /** z of effect − twinEffect: how surely the fault made the difference. */
  faultZ: number;
  visible: boolean;
  fromFault: boolean;
  /** A difference the healthy world keeps (an experiment's lift) that the fault washed out. */
  vanished?: boolean;
  /** Days compared, for change signals. */
  before?: [number, number];
  after?: [number, number];
}

export interface SignalSpec {
  spec: QuerySpec;
  /** The first day of "after": a number, the window's halves (the explorer's before/after), or none. */
  split: number | 'halves' | null;
}

/** The explorer's before/after for a total over several days: the window's two halves. */
export function halvesOf(window: readonly [number, number]): { before: [number, number]; after: [number, number] } | null {
  const [a, b] = window;
  if (b <= a) return null;
  const s = a + Math.floor((b - a + 1) / 2);
  return { before: [a, s - 1], after: [s, b] };
}

export function pool(cells: readonly QueryCell[]): Pooled | null {
  let n = 0, sum = 0, var2 = 0;
  for (const c of cells) {
    if (c.value === null || c.n <= 0) continue;
    n += c.n;
    sum += c.n * c.value;
    var2 += (c.n * (c.se ?? 0)) ** 2;
  }
  return n > 0 ? { value: sum / n, se: Math.sqrt(var2) / n, n } : null;
}

/** Every visible difference the display of `spec` holds, with how much of it the fault made. */
export function signalsOf(pair: WorldPair, { spec, split }: SignalSpec): Signal[] {
  const perDay = { ...spec, byDay: true, groupBy: spec.groupBy === 'day' ? null : spec.groupBy };
  const f = runQuery(pair.factual, perDay);
  const t = runQuery(pair.twin, perDay);
  const [a, b] = f.window;
  const s = split === 'halves' ? (halvesOf(f.window)?.after[0] ?? null) : split;
  const out: Signal[] = [];
  const groups: (string | null)[] = f.groupBy ? f.groups : [null];
  const dimension = f.groupBy;
  if (s !== null && s > a && s <= b) {
    for (const g of groups) {
      const sig = change(cellsOf(f, g), cellsOf(t, g), [a, s - 1], [s, b]);
      if (sig) out.push({ ...sig, dimension, group: g });
    }
  }
  if (f.groupBy && f.groups.length > 1) {
    for (const g of f.groups) {
      const sig = standOut(f, t, g);
      if (sig) out.push({ ...sig, dimension, group: g });
    }
  }
  return out;
}

const sameDays = (f: Pooled, t: Pooled) => f.n === t.n && f.value === t.value && f.se === t.se;
const cellsOf = (r: QueryResult, group: string | null) => r.cells.filter((c) => c.group === group);
const inDays = (cells: QueryCell[], [a, b]: [number, number]) => cells.filter((c) => c.day !== null && c.day >= a && c.day <= b);

/** `partSe`: the standard error of effect − twinEffect when it is known more precisely than the two apart. */
function judge(effect: number, se: number, twinEffect: number, twinSe: number, partSe?: number) {
  const z = se > 0 ? effect / se : effect === 0 ? 0 : Math.sign(effect) * Infinity;
  const faultSe = partSe ?? Math.hypot(se, twinSe);
  const part = effect - twinEffect;
  const faultZ = faultSe > 0 ? part / faultSe : Math.abs(part) < 1e-12 ? 0 : Math.sign(part) * Infinity;
  const visible = Math.abs(z) >= SIGNIFICANT_Z;
  const fromFault = visible && Math.abs(faultZ) >= SIGNIFICANT_Z && Math.abs(part) >= 0.5 * Math.abs(effect) && Math.sign(part) === Math.sign(effect);
  return { z, faultZ, visible, fromFault };
}

type Partial0 = Omit<Signal, 'dimension' | 'group'>;

function change(fc: QueryCell[], tc: QueryCell[], before: [number, number], after: [number, number]): Partial0 | null {
  const fb = pool(inDays(fc, before)), fa = pool(inDays(fc, after));
  const tb = pool(inDays(tc, before)), ta = pool(inDays(tc, after));
  if (!fb || !fa || !tb || !ta) return null;
  const effect = fa.value - fb.value;
  const twinEffect = ta.value - tb.value;
  return {
    kind: 'change',
    reference: fb.value,
    value: fa.value,
    effect,
    twinEffect,
    relative: fb.value !== 0 ? effect / Math.abs(fb.value) : null,
    // Before the onset the twin is the factual world itself: the fault's part of the change is then
    // the difference after it alone, and the before-days' noise is not counted twice.
    ...judge(effect, Math.hypot(fa.se, fb.se), twinEffect, Math.hypot(ta.se, tb.se), sameDays(fb, tb) ? Math.hypot(fa.se, ta.se) : undefined),
    before,
    after,
  };
}

function standOut(f: QueryResult, t: QueryResult, g: string): Partial0 | null {
  const split = (r: QueryResult) => ({ mine: pool(cellsOf(r, g)), rest: pool(r.cells.filter((c) => c.group !== g)) });
  const fs = split(f), ts = split(t);
  if (!fs.mine || !fs.rest || !ts.mine || !ts.rest) return null;
  const effect = fs.mine.value - fs.rest.value;
  const twinEffect = ts.mine.value - ts.rest.value;
  const se = Math.hypot(fs.mine.se, fs.rest.se), twinSe = Math.hypot(ts.mine.se, ts.rest.se);
  const judged = judge(effect, se, twinEffect, twinSe);
  // A group stands out because of the fault only if the fault moved the group itself (not only the rest).
  const own = fs.mine.value - ts.mine.value;
  const ownZ = own / Math.hypot(fs.mine.se, ts.mine.se);
  const moved = Math.abs(ownZ) >= SIGNIFICANT_Z && Math.sign(own) === Math.sign(effect);
  // An experiment's arms are launched to differ, by the lift its launch readout reported: a lift
  // the healthy world keeps and the fault washed out (less than half of it left) is visible as
  // its absence — the arm's own value moved, the way that closes the gap.
  const part = effect - twinEffect;
  const vanished = f.groupBy === 'experiment_arm' && twinSe > 0 && Math.abs(twinEffect / twinSe) >= SIGNIFICANT_Z &&
    Math.abs(judged.faultZ) >= SIGNIFICANT_Z && Math.sign(part) === -Math.sign(twinEffect) && Math.abs(effect) <= 0.5 * Math.abs(twinEffect) &&
    Math.abs(ownZ) >= SIGNIFICANT_Z && Math.sign(own) === Math.sign(part);
  return {
    kind: 'group',
    reference: fs.rest.value,
    value: fs.mine.value,
    effect,
    twinEffect,
    relative: fs.rest.value !== 0 ? effect / Math.abs(fs.rest.value) : null,
    ...judged,
    visible: judged.visible || vanished,
    fromFault: (judged.fromFault && moved) || vanished,
    ...(vanished ? { vanished: true } : {}),
  };
}

/**
 * A per-day chart's run of days (a holiday) against the other days it shows, pooled over its
 * groups: what a person sees as a dip or a bump. Null when the chart does not show days on
 * both sides of the run.
 */
export function daysSignal(pair: WorldPair, spec: QuerySpec, days: readonly [number, number]): Partial0 | null {
  const perDay = { ...spec, byDay: true, groupBy: spec.groupBy === 'day' ? null : spec.groupBy };
  const f = runQuery(pair.factual, perDay);
  const t = runQuery(pair.twin, perDay);
  const inside = (c: QueryCell) => c.day !== null && c.day >= days[0] && c.day <= days[1];
  const split = (r: QueryResult) => ({ run: pool(r.cells.filter(inside)), rest: pool(r.cells.filter((c) => c.day !== null && !inside(c))) });
  const fs = split(f), ts = split(t);
  if (!fs.run || !fs.rest || !ts.run || !ts.rest) return null;
  const effect = fs.run.value - fs.rest.value;
  const twinEffect = ts.run.value - ts.rest.value;
  return {
    kind: 'change',
    reference: fs.rest.value,
    value: fs.run.value,
    effect,
    twinEffect,
    relative: fs.rest.value !== 0 ? effect / Math.abs(fs.rest.value) : null,
    ...judge(effect, Math.hypot(fs.run.se, fs.rest.se), twinEffect, Math.hypot(ts.run.se, ts.rest.se)),
  };
}
