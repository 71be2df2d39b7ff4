// npm run bench [-- --json] [-- --users N --items N --days N --seed N]
// Measures world generation and slice queries on the default world, and sets each figure
// against a peer in the same run: the columnar query against the same query over row objects
// (what a straightforward implementation would do), generation against its impression count.
import { parseArgs } from 'node:util';
import { simulatePair, simulateWorld } from '../src/sim/simulate.ts';
import { runQuery } from '../src/sim/query/query.ts';
import type { QuerySpec } from '../src/sim/query/spec.ts';
import type { World } from '../src/sim/world/world.ts';
import { PLATFORMS, TENURES } from '../src/sim/world/taxonomy.ts';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean' },
    seed: { type: 'string' },
    users: { type: 'string' },
    items: { type: 'string' },
    days: { type: 'string' },
    repeats: { type: 'string' },
  },
});
const config = Object.fromEntries(
  (['seed', 'users', 'items', 'days'] as const).filter((k) => values[k]).map((k) => [k, Number(values[k])]),
);
const repeats = Number(values.repeats ?? 25);
const log = (s: string) => {
  if (!values.json) console.log(s);
};

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time<T>(f: () => T): [T, number] {
  const t = performance.now();
  const out = f();
  return [out, performance.now() - t];
}

log('Generating the world…');
const [world, worldGenMs] = time(() =>
  simulateWorld(config, {
    onProgress: (_f, label) => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      if (!values.json && process.stdout.isTTY) process.stdout.write(`\r\x1b[2K  ${label}`);
    },
  }),
);
if (!values.json && process.stdout.isTTY) process.stdout.write('\r\x1b[2K');
const impressions = world.logs.impressions.rows;

// The benchmark slice: one metric, grouped by one dimension, with a filter, per day.
const slice: QuerySpec = { metric: 'ctr', groupBy: 'tenure', filter: { platform: ['ios', 'android'] }, byDay: true };
runQuery(world, slice); // first call materialises the dimension columns it needs
const sliceTimes = Array.from({ length: repeats }, () => time(() => runQuery(world, slice))[1]);
const sliceQueryMs = median(sliceTimes);

const others: Record<string, QuerySpec> = {
  relevanceByInterest: { metric: 'relevance', groupBy: 'user_interest', filter: { tenure: ['new'] } },
  aucByPlatformPerDay: { metric: 'auc', groupBy: 'platform', byDay: true },
  latencyP95BySource: { metric: 'source_latency_p95', groupBy: 'source', byDay: true },
  coverageByAesthetic: { metric: 'coverage', groupBy: 'aesthetic' },
};
const otherMs: Record<string, number> = {};
for (const [name, spec] of Object.entries(others)) {
  runQuery(world, spec);
  otherMs[name] = median(Array.from({ length: Math.min(repeats, 9) }, () => time(() => runQuery(world, spec))[1]));
}

// The factual world and its fault-free twin (the flagship's fault, onset day 8): the twin
// shares every day before the onset, so the pair should cost well under two worlds.
const [, pairGenMs] = time(() =>
  simulatePair(config, {
    faults: [{ kind: 'encoder-mislabel', onsetDay: 8 }],
    distractors: [{ kind: 'mix-shift', onsetDay: 9 }],
    onProgress: () => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    },
  }),
);

// Peer: the same slice over an array of row objects, filter + group in plain JS.
const [rows, rowBuildMs] = time(() => rowObjects(world));
const naiveTimes = Array.from({ length: 5 }, () => time(() => naiveSlice(rows))[1]);
const naiveSliceMs = median(naiveTimes);
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);

const result = {
  worldGenMs: Math.round(worldGenMs),
  impressions,
  impressionsPerSecond: Math.round(impressions / (worldGenMs / 1000)),
  users: world.users.count,
  items: world.items.count,
  days: world.config.days,
  peakRssMb: Math.round(peakRss / 1e6),
  pairGenMs: Math.round(pairGenMs),
  pairOverSingle: round(pairGenMs / worldGenMs),
  sliceQueryMs: round(sliceQueryMs),
  sliceQuery: slice,
  otherQueriesMs: Object.fromEntries(Object.entries(otherMs).map(([k, v]) => [k, round(v)])),
  peer: {
    naiveRowObjectsSliceMs: round(naiveSliceMs),
    naiveRowObjectsBuildMs: Math.round(rowBuildMs),
    speedupOverNaive: round(naiveSliceMs / sliceQueryMs),
  },
};

if (values.json) {
  console.log(JSON.stringify(result));
} else {
  console.log(`World: ${world.users.count} users, ${world.items.count} items, ${world.config.days} days → ${impressions.toLocaleString()} impressions`);
  console.log(`  generation            ${(worldGenMs / 1000).toFixed(2)} s  (${result.impressionsPerSecond.toLocaleString()} impressions/s)`);
  console.log(`  factual + twin        ${(pairGenMs / 1000).toFixed(2)} s  (${result.pairOverSingle}× one world; fault from day 8)`);
  console.log(`  peak RSS              ${result.peakRssMb} MB`);
  console.log(`Slice query (ctr by tenure, platform ∈ {ios, android}, per day; median of ${repeats})`);
  console.log(`  columnar              ${sliceQueryMs.toFixed(2)} ms`);
  console.log(`  peer: row objects     ${naiveSliceMs.toFixed(2)} ms   → columnar is ${result.peer.speedupOverNaive}× faster`);
  for (const [k, v] of Object.entries(otherMs)) console.log(`  ${k.padEnd(21)} ${v.toFixed(2)} ms`);
}

function round(x: number) {
  return Math.round(x * 100) / 100;
}

interface Row {
  day: number;
  platform: string;
  tenure: string;
  clicked: number;
}

function rowObjects(w: World): Row[] {
  const { day, user, tenure, clickLogged } = w.logs.impressions.columns;
  const out: Row[] = new Array(w.logs.impressions.rows);
  for (let r = 0; r < out.length; r++) {
    out[r] = { day: day[r], platform: PLATFORMS[w.users.platform[user[r]]], tenure: TENURES[tenure[r]], clicked: clickLogged[r] };
  }
  return out;
}

function naiveSlice(rs: Row[]): Map<string, { n: number; clicks: number }> {
  const cells = new Map<string, { n: number; clicks: number }>();
  for (const r of rs.filter((x) => x.platform === 'ios' || x.platform === 'android')) {
    const key = `${r.tenure}|${r.day}`;
    const cell = cells.get(key) ?? { n: 0, clicks: 0 };
    cell.n++;
    cell.clicks += r.clicked;
    cells.set(key, cell);
  }
  return cells;
}
