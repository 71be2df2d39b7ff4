// The bench's queries: each asked of Faultline (its query API), of DuckDB (SQL) and of arquero
// (verbs), over the same rows. Every answer becomes cells keyed "group|day" with a count and a
// value, so the three can be checked against each other: counts exactly, values to 1e-6.
// Chosen to cover what charts ask: a filtered group-by per day, rated-sample metrics (15% of
// impressions carry a rating), per-aesthetic group-bys (an item attribute), two filters at once,
// a late window, and the requests log.
import { op, type ColumnTable } from 'arquero';
import type { QuerySpec } from '../src/sim/query/spec.ts';

/** A row as arquero's expressions see it (their source is parsed; types are erased). */
type Row = Record<string, number>;

export type PeerTable = 'impressions' | 'requests';

export interface BenchQuery {
  name: string;
  spec: QuerySpec;
  table: PeerTable;
  /** SQL over the peer table; must return columns g (group code or 0), day (or 0), n, v. */
  sql: (code: (dimension: string, value: string) => number) => string;
  /** The same in arquero's verbs (its expressions are parsed from source: no closures, `$` params). */
  arquero: (t: ColumnTable, c: (dimension: string, value: string) => number) => ColumnTable;
}

const mean = (expr: string) => `count(*)::INTEGER AS n, avg(${expr})::DOUBLE AS v`;

export const QUERIES: BenchQuery[] = [
  {
    name: 'ctr by tenure, mobile, per day',
    spec: { metric: 'ctr', groupBy: 'tenure', filter: { platform: ['ios', 'android'] }, byDay: true },
    table: 'impressions',
    sql: (c) =>
      `SELECT tenure AS g, day, ${mean('clickLogged')} FROM impressions WHERE platform IN (${c('platform', 'ios')}, ${c('platform', 'android')}) GROUP BY ALL`,
    arquero: (t, c) =>
      t.params({ a: c('platform', 'ios'), b: c('platform', 'android') })
      .filter((d: Row, $: Row) => d.platform === $.a || d.platform === $.b)
      .groupby({ g: (d: Row) => d.tenure, day: (d: Row) => d.day })
      .rollup({ n: op.count(), v: op.mean('clickLogged') }),
  },
  {
    name: 'relevance (rated) by interest, new users',
    spec: { metric: 'relevance', groupBy: 'user_interest', filter: { tenure: ['new'] } },
    table: 'impressions',
    sql: (c) => `SELECT interest AS g, 0 AS day, ${mean('rating / 3')} FROM impressions WHERE rating >= 0 AND tenure = ${c('tenure', 'new')} GROUP BY ALL`,
    arquero: (t, c) =>
      t.params({ t: c('tenure', 'new') })
      .filter((d: Row, $: Row) => d.rating >= 0 && d.tenure === $.t)
      .groupby({ g: (d: Row) => d.interest, day: () => 0 })
      .rollup({ n: op.count(), v: (d: Row) => op.mean(d.rating / 3) }),
  },
  {
    name: 'relevance (rated) by aesthetic, per day',
    spec: { metric: 'relevance', groupBy: 'aesthetic', byDay: true },
    table: 'impressions',
    sql: () => `SELECT aesthetic AS g, day, ${mean('rating / 3')} FROM impressions WHERE rating >= 0 GROUP BY ALL`,
    arquero: (t) =>
      t.filter((d: Row) => d.rating >= 0)
      .groupby({ g: (d: Row) => d.aesthetic, day: (d: Row) => d.day })
      .rollup({ n: op.count(), v: (d: Row) => op.mean(d.rating / 3) }),
  },
  {
    name: 'ctr by aesthetic',
    spec: { metric: 'ctr', groupBy: 'aesthetic' },
    table: 'impressions',
    sql: () => `SELECT aesthetic AS g, 0 AS day, ${mean('clickLogged')} FROM impressions GROUP BY ALL`,
    arquero: (t) =>
      t.groupby({ g: (d: Row) => d.aesthetic, day: () => 0 }).rollup({ n: op.count(), v: op.mean('clickLogged') }),
  },
  {
    name: 'save rate by platform, days 8–14, per day',
    spec: { metric: 'save_rate', groupBy: 'platform', window: [8, 14], byDay: true },
    table: 'impressions',
    sql: () => `SELECT platform AS g, day, ${mean('save')} FROM impressions WHERE day BETWEEN 8 AND 14 GROUP BY ALL`,
    arquero: (t) =>
      t.filter((d: Row) => d.day >= 8 && d.day <= 14)
      .groupby({ g: (d: Row) => d.platform, day: (d: Row) => d.day })
      .rollup({ n: op.count(), v: op.mean('save') }),
  },
  {
    name: 'hide rate by region, android, two interests',
    spec: { metric: 'hide_rate', groupBy: 'region', filter: { platform: ['android'], user_interest: ['goblincore', 'minimalist'] } },
    table: 'impressions',
    sql: (c) =>
      `SELECT region AS g, 0 AS day, ${mean('hide')} FROM impressions WHERE platform = ${c('platform', 'android')} AND interest IN (${c('user_interest', 'goblincore')}, ${c('user_interest', 'minimalist')}) GROUP BY ALL`,
    arquero: (t, c) =>
      t.params({ p: c('platform', 'android'), a: c('user_interest', 'goblincore'), b: c('user_interest', 'minimalist') })
      .filter((d: Row, $: Row) => d.platform === $.p && (d.interest === $.a || d.interest === $.b))
      .groupby({ g: (d: Row) => d.region, day: () => 0 })
      .rollup({ n: op.count(), v: op.mean('hide') }),
  },
  {
    name: 'session depth by region, per day',
    spec: { metric: 'session_depth', groupBy: 'region', byDay: true },
    table: 'requests',
    sql: () => `SELECT region AS g, day, ${mean('depth')} FROM requests GROUP BY ALL`,
    arquero: (t) =>
      t.groupby({ g: (d: Row) => d.region, day: (d: Row) => d.day }).rollup({ n: op.count(), v: op.mean('depth') }),
  },
];
