// From the explorer's selection to the query the worker runs (and the move the trail records):
// a group-by or filter the metric's log cannot be sliced by is left out (and shown as such), a
// share metric is grouped by what it is a share of, the window defaults to the whole world.
import { METRIC_DEFS } from '../../sim/query/metrics.ts';
import type { QuerySpec } from '../../sim/query/spec.ts';
import type { Dimension, MetricId } from '../../sim/vocabulary.ts';
import type { Action } from '../../scenario/actions.ts';
import type { Move } from '../attempt/session.ts';
import type { ExplorerSelection, Filter } from './explorerStore.ts';
import { dimensionLabel } from './labels.ts';

export interface ExplorerQuery {
  metric: ExplorerSelection['metric'];
  groupBy: string | null;
  filter: Filter;
  window: [number, number];
  /** Filters on dimensions this metric's log does not have. */
  ignoredFilters: string[];
}

export function explorerQuery(selection: ExplorerSelection, dimensions: readonly Dimension[], days: number): ExplorerQuery {
  const allowed = (d: string) => (dimensions as readonly string[]).includes(d);
  const def = METRIC_DEFS[selection.metric];
  let groupBy = selection.groupBy && allowed(selection.groupBy) ? selection.groupBy : null;
  const filter: Filter = {};
  const ignoredFilters: string[] = [];
  for (const [d, values] of Object.entries(selection.filter)) {
    if (values.length === 0) continue;
    if (allowed(d)) filter[d] = values;
    else ignoredFilters.push(d);
  }
  if (def.kind === 'share' && !def.defaultShare && def.shareOf && groupBy !== def.shareOf && !filter[def.shareOf]) {
    groupBy = def.shareOf;
  }
  const [first, last] = selection.window ?? [1, days];
  const window: [number, number] = [Math.max(1, Math.min(first, days)), Math.max(1, Math.min(last, days))];
  return { metric: selection.metric, groupBy, filter, window, ignoredFilters };
}

export function querySpec(q: ExplorerQuery, byDay: boolean): QuerySpec {
  return { metric: q.metric, groupBy: q.groupBy, filter: q.filter, window: q.window, byDay };
}

/**
 * The move a view records. The explorer shows the per-day series and the totals of the same
 * query side by side, so the move is recorded with `byDay: true` (the richer of the two).
 */
export function queryMove(q: ExplorerQuery): Move {
  return {
    type: 'query',
    metric: q.metric,
    ...(q.groupBy ? { groupBy: q.groupBy as Dimension } : {}),
    ...(Object.keys(q.filter).length ? { filter: q.filter } : {}),
    window: q.window,
    byDay: true,
  } as Move;
}

/** The explorer selection a recorded query shows (a replay of the move). */
export function selectionOf(a: Extract<Action, { type: 'query' }>): ExplorerSelection {
  return {
    metric: a.metric as MetricId,
    groupBy: a.groupBy ?? null,
    filter: Object.fromEntries(Object.entries(a.filter ?? {}).map(([d, vs]) => [d, (vs ?? []).map(String)])),
    window: a.window ? [a.window[0], a.window[1]] : null,
  };
}

export function describeFilter(filter: Partial<Record<string, readonly (string | number)[]>> | undefined): string {
  return Object.entries(filter ?? {})
    .map(([d, values]) => `${dimensionLabel(d).toLowerCase()} = ${(values ?? []).join(' or ')}`)
    .join(', ');
}

export function sameQuery(a: ExplorerQuery, b: ExplorerQuery): boolean {
  const key = (q: ExplorerQuery) => JSON.stringify([q.metric, q.groupBy, q.filter, q.window]);
  return key(a) === key(b);
}
