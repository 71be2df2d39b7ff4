// The query API answers every metric of the vocabulary, with counts and standard errors, and
// refuses what it cannot answer with a message that lists what it can.
import { describe, expect, it } from 'vitest';
import { runQuery } from '../src/sim/query/query.ts';
import { inspect } from '../src/sim/inspect/inspect.ts';
import { dimensionValues, tableDimensions } from '../src/sim/query/dimensions.ts';
import { METRIC_DEFS } from '../src/sim/query/metrics.ts';
import { DIMENSIONS, INSPECTOR_VIEWS, METRICS } from '../src/sim/vocabulary.ts';
import { SMALL, world } from './helpers/worlds.ts';

const w = () => world(SMALL);

describe('runQuery', () => {
  it.each(METRICS)('answers %s as a total, per group and per day', (metric) => {
    const def = METRIC_DEFS[metric];
    const dims = tableDimensions(w().logs[def.table]);
    const groupBy = def.kind === 'share' ? def.shareOf! : dims[0];
    const total = runQuery(w(), { metric, groupBy: def.kind === 'share' ? groupBy : null });
    expect(total.cells.length).toBeGreaterThan(0);
    for (const c of total.cells) {
      expect(c.n).toBeGreaterThan(0);
      expect(Number.isFinite(c.value)).toBe(true);
    }
    const perDay = runQuery(w(), { metric, groupBy, byDay: true, window: [2, 5] });
    expect(new Set(perDay.cells.map((c) => c.day))).toEqual(new Set([2, 3, 4, 5]));
    const measured = perDay.cells.filter((c) => c.value !== null);
    expect(measured.length).toBeGreaterThan(0);
    expect(measured.every((c) => c.se === null || c.se >= 0)).toBe(true);
  });

  it('gives a binomial standard error for a rate', () => {
    const c = runQuery(w(), { metric: 'ctr' }).cells[0];
    expect(c.se).toBeCloseTo(Math.sqrt((c.value! * (1 - c.value!)) / c.n), 8);
  });

  it('counts exactly the rows a filter selects', () => {
    const all = runQuery(w(), { metric: 'ctr', groupBy: 'platform' });
    const ios = runQuery(w(), { metric: 'ctr', filter: { platform: ['ios'] } }).cells[0];
    expect(ios.n).toBe(all.cells.find((c) => c.group === 'ios')!.n);
    expect(ios.value).toBeCloseTo(all.cells.find((c) => c.group === 'ios')!.value!, 12);
    const total = runQuery(w(), { metric: 'ctr' }).cells[0].n;
    expect(all.cells.reduce((s, c) => s + c.n, 0)).toBe(total);
  });

  it('makes source shares sum to one', () => {
    const r = runQuery(w(), { metric: 'source_share', groupBy: 'source', filter: { tenure: ['new'] } });
    expect(r.cells.reduce((s, c) => s + c.value!, 0)).toBeCloseTo(1, 10);
  });

  it('shows a flat pipeline where nothing is broken', () => {
    expect(runQuery(w(), { metric: 'source_timeout_rate' }).cells[0].value).toBeLessThan(0.01);
    expect(runQuery(w(), { metric: 'feature_null_rate' }).cells[0].value).toBe(0);
    expect(runQuery(w(), { metric: 'embedding_drift' }).cells[0].value).toBe(0);
    const ratio = runQuery(w(), { metric: 'client_server_event_ratio' }).cells[0];
    expect(ratio.value!).toBeGreaterThan(0.97);
    const age = runQuery(w(), { metric: 'index_age' }).cells[0];
    expect(age.value!).toBeGreaterThan(10);
    expect(age.value!).toBeLessThan(14);
  });

  it('refuses an unknown metric, listing the valid ones', () => {
    expect(() => runQuery(w(), { metric: 'relevence' })).toThrow(/unknown metric "relevence" — did you mean "relevance"\?.*ctr, save_rate/);
  });

  it('refuses an unknown dimension, listing the valid ones', () => {
    expect(() => runQuery(w(), { metric: 'ctr', groupBy: 'country' })).toThrow(/unknown dimension "country".*tenure, platform/);
  });

  it('refuses a dimension the metric cannot be sliced by, naming those it can', () => {
    expect(() => runQuery(w(), { metric: 'label_share', groupBy: 'tenure' })).toThrow(/label_share cannot be sliced by tenure.*aesthetic/);
  });

  it('refuses an unknown filter value, listing the valid ones', () => {
    expect(() => runQuery(w(), { metric: 'ctr', filter: { platform: ['iphone'] } })).toThrow(/unknown platform value "iphone".*ios, android, web/);
  });

  it('refuses a window outside the world', () => {
    expect(() => runQuery(w(), { metric: 'ctr', window: [0, 3] })).toThrow(/window must be/);
    expect(() => runQuery(w(), { metric: 'ctr', window: [4, 99] })).toThrow(/window must be/);
  });

  it('labels every dimension value it can group by', () => {
    for (const d of DIMENSIONS) expect(dimensionValues(w(), d).length).toBeGreaterThan(0);
  });
});

describe('inspect', () => {
  it.each(INSPECTOR_VIEWS)('answers %s on the default component', (view) => {
    const r = inspect(w(), { view });
    expect(r.view).toBe(view);
    expect(JSON.stringify(r).length).toBeGreaterThan(100);
  });

  it('builds a confusion matrix whose cells add up to the labelled item-days', () => {
    const r = inspect(w(), { view: 'confusion_matrix', window: [3, 3] });
    if (r.view !== 'confusion_matrix') throw new Error('wrong view');
    const total = r.quality.flat().reduce((s, x) => s + x, 0);
    expect(total).toBe(r.perClass.reduce((s, c) => s + c.n, 0));
    expect(total).toBeGreaterThan(1000);
  });

  it('refuses a view for a component it does not inspect', () => {
    expect(() => inspect(w(), { view: 'confusion_matrix', component: 'ranker' })).toThrow(/confusion_matrix is not available for ranker/);
    expect(() => inspect(w(), { view: 'heatmap' })).toThrow(/unknown view "heatmap".*confusion_matrix/);
  });
});
