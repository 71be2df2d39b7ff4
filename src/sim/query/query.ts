// The one query API: metric × optional group-by × filter × day window, as totals or per day.
// Every cell carries its count and standard error — what a chart shows is what gets graded.
import type { World } from '../world/world.ts';
import { buildFrame, scanOf, type Frame } from './frame.ts';
import {
  aggregateAuc,
  aggregateCalibration,
  aggregateCoverage,
  aggregateP95,
  aggregateRatio,
  aggregateShare,
  type CellStats,
} from './aggregate.ts';
import { aggregateMean } from './mean.ts';
import { aggregatePsi, REFERENCE_DAYS } from './psi.ts';
import { resolveQuery, type QuerySpec, type ResolvedQuery } from './spec.ts';
import type { MetricDef } from './metrics.ts';

export interface QueryCell {
  /** Group value, or null when the query is not grouped. */
  group: string | null;
  /** Day, or null for a total over the window. */
  day: number | null;
  /** null when the cell has no data. */
  value: number | null;
  n: number;
  se: number | null;
}

export interface QueryResult {
  metric: Pick<MetricDef, 'id' | 'label' | 'unit' | 'higherIsBetter' | 'description' | 'area'>;
  groupBy: ResolvedQuery['groupBy'];
  filter: ResolvedQuery['filter'];
  window: [number, number];
  byDay: boolean;
  groups: string[];
  cells: QueryCell[];
}

export function runQuery(world: World, spec: QuerySpec): QueryResult {
  const q = resolveQuery(world, spec);
  const table = world.logs[q.metric.table];
  let frame: Frame;
  let stats: CellStats;
  if (q.metric.kind === 'share') {
    ({ frame, stats } = aggregateShare(world, table, q));
  } else if (q.metric.kind === 'mean') {
    const scan = scanOf(world, table, q);
    frame = { start: scan.start, end: scan.end, cellOf: new Int32Array(0), groups: scan.groups, days: scan.days, cells: scan.cells };
    stats = aggregateMean(world, table, q, scan);
  } else {
    frame = buildFrame(world, table, q);
    switch (q.metric.kind) {
      case 'ratio': stats = aggregateRatio(world, table, q, frame); break;
      case 'p95': stats = aggregateP95(world, table, q, frame); break;
      case 'auc': stats = aggregateAuc(world, table, q, frame); break;
      case 'calibration': stats = aggregateCalibration(world, table, q, frame); break;
      case 'coverage': stats = aggregateCoverage(world, table, q, frame); break;
      case 'diversity': stats = aggregateCoverage(world, table, q, frame, 1); break;
      case 'psi': {
        // buildFrame reuses one buffer: copy this frame's cells out before building another.
        frame = { ...frame, cellOf: frame.cellOf.slice() };
        const referenceWindow: [number, number] = [1, Math.min(REFERENCE_DAYS, world.config.days)];
        const reference = buildFrame(world, table, { ...q, window: referenceWindow, byDay: false });
        stats = aggregatePsi(world, table, frame, reference);
        break;
      }
    }
  }
  const groupCount = Math.max(1, frame.groups.length);
  const cells: QueryCell[] = [];
  const groups: string[] = [];
  for (let g = 0; g < groupCount; g++) {
    let any = false;
    const start = cells.length;
    for (let d = 0; d < frame.days; d++) {
      const c = g * frame.days + d;
      const has = stats.n[c] > 0 && Number.isFinite(stats.value[c]);
      any ||= has;
      cells.push({
        group: q.groupBy ? frame.groups[g] : null,
        day: q.byDay ? q.window[0] + d : null,
        value: has ? stats.value[c] : null,
        n: stats.n[c],
        se: has && Number.isFinite(stats.se[c]) ? stats.se[c] : null,
      });
    }
    // Groups with no data at all in the window are left out (e.g. an aesthetic nobody likes).
    if (!any && q.groupBy) cells.length = start;
    else if (q.groupBy) groups.push(frame.groups[g]);
  }
  const { id, label, unit, higherIsBetter, description, area } = q.metric;
  return {
    metric: { id, label, unit, higherIsBetter, description, area },
    groupBy: q.groupBy,
    filter: q.filter,
    window: q.window,
    byDay: q.byDay,
    groups,
    cells,
  };
}
