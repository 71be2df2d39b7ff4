// Inspector: stage health — each stage's key metrics in the window against a baseline window,
// with the change, its z-score and a status. Filters apply where a metric's log has the slice.
import { COMPONENT_STAGE, STAGES, type ComponentId, type MetricId, type Stage } from '../vocabulary.ts';
import type { World } from '../world/world.ts';
import { runQuery } from '../query/query.ts';
import { tableDimensions } from '../query/dimensions.ts';
import { METRIC_DEFS } from '../query/metrics.ts';
import type { InspectRequest } from './request.ts';

export const STAGE_METRICS: Record<Stage, MetricId[]> = {
  ingestion: ['label_share', 'encoder_accuracy', 'embedding_drift', 'feature_null_rate', 'feature_psi'],
  candidates: ['candidate_count', 'recall_at_k', 'source_timeout_rate', 'source_latency_p95', 'index_age'],
  ranking: ['ndcg_at_k', 'auc', 'calibration_error', 'diversity', 'coverage'],
  presentation: ['image_load_failure_rate', 'render_latency_p95'],
  logging: ['client_server_event_ratio'],
};

export type HealthStatus = 'ok' | 'warn' | 'alert';

export interface HealthEntry {
  metric: MetricId;
  label: string;
  unit: string;
  current: number | null;
  baseline: number | null;
  /** Relative change (current / baseline − 1). */
  change: number | null;
  z: number | null;
  status: HealthStatus;
  /** Filters that this metric's log cannot apply (it is shown unsliced by them). */
  ignoredFilters: string[];
}

export interface StageHealthView {
  view: 'stage_health';
  component: ComponentId | null;
  window: [number, number];
  baselineWindow: [number, number];
  stages: { stage: Stage; entries: HealthEntry[]; status: HealthStatus }[];
}

/** The window before `window` of the same length; a window starting on day 1 is split in two. */
export function baselineFor(window: [number, number]): { current: [number, number]; baseline: [number, number] } {
  const [a, b] = window;
  if (a > 1) return { current: window, baseline: [Math.max(1, a - (b - a + 1)), a - 1] };
  const mid = Math.floor((a + b) / 2);
  return { current: [mid + 1, b], baseline: [a, mid] };
}

export function stageHealth(world: World, req: InspectRequest): StageHealthView {
  const { current, baseline } = baselineFor(req.window);
  const stages = req.component ? [COMPONENT_STAGE[req.component]] : [...STAGES];
  const sourceFilter = req.component?.startsWith('source:') ? { source: [req.component.slice(7)] } : {};
  return {
    view: 'stage_health',
    component: req.component,
    window: current,
    baselineWindow: baseline,
    stages: stages.map((stage) => {
      const entries = STAGE_METRICS[stage].map((metric) => healthEntry(world, metric, { ...req.filter, ...sourceFilter }, current, baseline));
      const status: HealthStatus = entries.some((e) => e.status === 'alert') ? 'alert' : entries.some((e) => e.status === 'warn') ? 'warn' : 'ok';
      return { stage, entries, status };
    }),
  };
}

function healthEntry(
  world: World,
  metric: MetricId,
  filter: Record<string, string[] | undefined>,
  current: [number, number],
  baseline: [number, number],
): HealthEntry {
  const def = METRIC_DEFS[metric];
  const dims = tableDimensions(world.logs[def.table]) as string[];
  const usable: Record<string, string[]> = {};
  const ignoredFilters: string[] = [];
  for (const [d, values] of Object.entries(filter)) {
    if (!values) continue;
    if (dims.includes(d)) usable[d] = values;
    else ignoredFilters.push(d);
  }
  const cell = (window: [number, number]) => runQuery(world, { metric, filter: usable, window }).cells[0];
  const now = cell(current);
  const before = cell(baseline);
  const base = { metric, label: def.label, unit: def.unit, ignoredFilters };
  if (!now || !before || now.value === null || before.value === null) {
    return { ...base, current: now?.value ?? null, baseline: before?.value ?? null, change: null, z: null, status: 'ok' };
  }
  const diff = now.value - before.value;
  const se = Math.hypot(now.se ?? 0, before.se ?? 0);
  const z = se > 0 ? diff / se : diff === 0 ? 0 : Math.sign(diff) * Infinity;
  const change = before.value !== 0 ? now.value / before.value - 1 : null;
  const worse = def.higherIsBetter === null ? Math.abs(z) > 3 : def.higherIsBetter ? z < -3 : z > 3;
  const big = change !== null ? Math.abs(change) > 0.1 : Math.abs(diff) > 0.01;
  return { ...base, current: now.value, baseline: before.value, change, z, status: worse ? (big ? 'alert' : 'warn') : 'ok' };
}
