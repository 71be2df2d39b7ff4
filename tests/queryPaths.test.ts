// The mean's fast paths (a sampled metric's row index, a byte column's histogram, one loop per
// query shape) answer exactly what a plain loop over every row answers: same cells, same counts,
// same means and standard errors.
import { describe, expect, it } from 'vitest';
import { runQuery } from '../src/sim/query/query.ts';
import { dimensionCodes, dimensionValues } from '../src/sim/query/dimensions.ts';
import { METRIC_DEFS, metricRows } from '../src/sim/query/metrics.ts';
import type { QuerySpec } from '../src/sim/query/spec.ts';
import type { Dimension, MetricId } from '../src/sim/vocabulary.ts';
import { SMALL, world } from './helpers/worlds.ts';

/** The query answered row by row: every row, every filter, float sums in row order. */
function plain(spec: QuerySpec): Map<string, { n: number; value: number; se: number }> {
  const w = world(SMALL);
  const def = METRIC_DEFS[spec.metric as MetricId];
  const table = w.logs[def.table];
  const { value, include } = metricRows(w, table, def);
  const [a, b] = spec.window ?? [1, w.config.days];
  const day = table.columns.day as Uint8Array;
  const filters = Object.entries(spec.filter ?? {}).map(([d, vs]) => {
    const labels = dimensionValues(w, d as Dimension);
    return { codes: dimensionCodes(w, table, d as Dimension)!, ok: new Set(vs.map((v) => labels.indexOf(v))) };
  });
  const groups = spec.groupBy ? dimensionCodes(w, table, spec.groupBy as Dimension)! : null;
  const labels = spec.groupBy ? dimensionValues(w, spec.groupBy as Dimension) : [];
  const acc = new Map<string, { n: number; s: number; q: number }>();
  for (let r = 0; r < table.rows; r++) {
    if (day[r] < a || day[r] > b || (include && !include[r])) continue;
    if (!filters.every((f) => f.ok.has(f.codes[r]))) continue;
    const key = `${groups ? labels[groups[r]] : ''}|${spec.byDay ? day[r] : ''}`;
    const cell = acc.get(key) ?? { n: 0, s: 0, q: 0 };
    cell.n++;
    cell.s += value[r];
    cell.q += value[r] * value[r];
    acc.set(key, cell);
  }
  return new Map(
    [...acc].map(([key, { n, s, q }]) => {
      const mean = s / n;
      return [key, { n, value: mean, se: Math.sqrt((Math.max(0, q / n - mean * mean) * n) / (n - 1) / n) }];
    }),
  );
}

const SHAPES: QuerySpec[] = [
  { metric: 'ctr' },
  { metric: 'ctr', groupBy: 'tenure', filter: { platform: ['ios', 'android'] }, byDay: true },
  { metric: 'save_rate', groupBy: 'aesthetic', window: [2, 4] },
  { metric: 'hide_rate', groupBy: 'region', filter: { platform: ['android'], user_interest: ['goblincore', 'minimalist'] }, byDay: true },
  { metric: 'hide_rate', groupBy: 'surface', filter: { platform: ['android'], tenure: ['new', 'casual'], region: ['eu', 'apac'] } },
  { metric: 'relevance', groupBy: 'user_interest', filter: { tenure: ['new'] } },
  { metric: 'relevance', groupBy: 'aesthetic', byDay: true, window: [3, 6] },
  { metric: 'relevance', filter: { platform: ['ios'], region: ['eu'], surface: ['home-feed'] } },
  { metric: 'session_depth', groupBy: 'region', byDay: true },
  { metric: 'ndcg_at_k', groupBy: 'platform', filter: { tenure: ['core'] } },
];

describe('a mean query', () => {
  it.each(SHAPES.map((s) => [JSON.stringify(s), s] as const))('%s equals the plain row loop', (_, spec) => {
    const expected = plain(spec);
    const got = runQuery(world(SMALL), spec).cells.filter((c) => c.n > 0);
    expect(got).toHaveLength(expected.size);
    for (const c of got) {
      const e = expected.get(`${c.group ?? ''}|${c.day ?? ''}`)!;
      expect(c.n).toBe(e.n);
      expect(c.value).toBeCloseTo(e.value, 12);
      expect(c.se ?? NaN).toBeCloseTo(e.se, 12);
    }
  });
});
