// A query as the learner (or the CLI) asks it, checked against the vocabulary and the world.
import { DIMENSIONS, METRICS, VocabularyError, type Dimension, type MetricId } from '../vocabulary.ts';
import type { World } from '../world/world.ts';
import { dimensionValues, tableDimensions } from './dimensions.ts';
import { METRIC_DEFS, type MetricDef } from './metrics.ts';

export interface QuerySpec {
  metric: string;
  groupBy?: string | null;
  /** dimension → allowed values */
  filter?: Record<string, readonly string[]>;
  /** Inclusive day range; the whole world when absent. */
  window?: readonly [number, number];
  byDay?: boolean;
}

export interface ResolvedQuery {
  metric: MetricDef;
  groupBy: Dimension | null;
  filter: Partial<Record<Dimension, string[]>>;
  window: [number, number];
  byDay: boolean;
}

export class QueryError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'QueryError';
  }
}

/** A question the world cannot answer (an unknown id, a slice its log lacks) — not a bug: callers show or skip it. */
export function isQueryError(e: unknown): e is Error {
  return e instanceof Error && (e.name === 'QueryError' || e.name === 'VocabularyError');
}

/** `ask()`'s answer, or `skipped` when the world cannot answer the question (a QueryError); any other error is thrown. */
export function unlessQueryError<T, S>(ask: () => T, skipped: S): T | S {
  try {
    return ask();
  } catch (e) {
    if (isQueryError(e)) return skipped;
    throw e;
  }
}

/** The checks that need no world: ids against the vocabulary (so a typo fails before generating). */
export function checkQueryIds(spec: QuerySpec): void {
  if (!(METRICS as readonly string[]).includes(spec.metric)) {
    throw new VocabularyError('metric', String(spec.metric), METRICS);
  }
  for (const d of [spec.groupBy, ...Object.keys(spec.filter ?? {})]) {
    if (d && !(DIMENSIONS as readonly string[]).includes(d)) throw new VocabularyError('dimension', d, DIMENSIONS);
  }
}

export function resolveQuery(world: World, spec: QuerySpec): ResolvedQuery {
  if (!(METRICS as readonly string[]).includes(spec.metric)) {
    throw new VocabularyError('metric', String(spec.metric), METRICS);
  }
  const metric = METRIC_DEFS[spec.metric as MetricId];
  const table = world.logs[metric.table];
  const allowed = tableDimensions(table);
  const checkDimension = (field: string, d: string): Dimension => {
    if (!(DIMENSIONS as readonly string[]).includes(d)) throw new VocabularyError('dimension', d, DIMENSIONS);
    if (!allowed.includes(d as Dimension)) {
      throw new QueryError(
        field,
        `${metric.id} cannot be sliced by ${d}: it is measured on ${metric.table}, which has ${allowed.join(', ')}`,
      );
    }
    return d as Dimension;
  };
  const groupBy = spec.groupBy ? checkDimension('groupBy', spec.groupBy) : null;
  const filter: Partial<Record<Dimension, string[]>> = {};
  for (const [key, values] of Object.entries(spec.filter ?? {})) {
    const d = checkDimension(`filter.${key}`, key);
    const valid = dimensionValues(world, d);
    if (!Array.isArray(values) || values.length === 0) {
      throw new QueryError(`filter.${key}`, `filter on ${key} needs at least one value`);
    }
    for (const v of values) {
      if (!valid.includes(String(v))) throw new VocabularyError(`${key} value`, String(v), valid);
    }
    filter[d] = [...new Set(values.map(String))];
  }
  const days = world.config.days;
  const window: [number, number] = spec.window ? [spec.window[0], spec.window[1]] : [1, days];
  if (!Number.isInteger(window[0]) || !Number.isInteger(window[1]) || window[0] < 1 || window[1] > days || window[0] > window[1]) {
    throw new QueryError('window', `window must be two days A:B with 1 ≤ A ≤ B ≤ ${days}, got ${window.join(':')}`);
  }
  if (metric.kind === 'share' && !metric.defaultShare && groupBy !== metric.shareOf && !filter[metric.shareOf!]) {
    throw new QueryError(
      'groupBy',
      `${metric.id} is a share of ${metric.shareOf}: group by ${metric.shareOf} or filter on it`,
    );
  }
  return { metric, groupBy, filter, window, byDay: Boolean(spec.byDay) };
}
