// npm run bench [-- --json] [-- --users N --items N --days N --seed N --repeats N --gen-repeats N]
// Speed figures for what users wait on, each set against a peer in the same run:
//  1. generation — the flagship's world, and the world with its twin, each generated in a process
//     of its own (nothing cached, the time around the call, the process's own peak memory);
//  2. grading — the flagship's expert transcript graded with the pair given (truth and expert
//     path included, as a debrief needs them);
//  3. queries — seven chart queries asked of Faultline, DuckDB (@duckdb/node-api, in memory, all
//     cores) and arquero over the same rows: cold (each engine's first run, in order) and warm
//     (interleaved repetitions, medians), every answer checked against Faultline's, and each
//     query's time against the memory floor (the bytes it must read at this machine's measured
//     copy bandwidth).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { generatePair } from '../src/cli/world.ts';
import { spareThreads } from '../src/cli/shardThreads.ts';
import { openCase } from '../src/engine/case.ts';
import { grade } from '../src/engine/grade.ts';
import { loadTranscript } from '../src/scenario/load.ts';
import { dimensionValues } from '../src/sim/query/dimensions.ts';
import { runQuery } from '../src/sim/query/query.ts';
import type { World } from '../src/sim/world/world.ts';
import type { Dimension } from '../src/sim/vocabulary.ts';
import { FLAGSHIP, FLAGSHIP_CHANGES, FLAGSHIP_SCENARIO, flagshipConfig } from './flagship.ts';
import { QUERIES, type BenchQuery } from './queries.ts';
import { loadArquero, loadDuckDb, peerColumns } from './peers.ts';
import { bytesRead, copyBandwidth } from './floor.ts';
import { agreement, type Cells } from './agree.ts';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean' },
    seed: { type: 'string' },
    users: { type: 'string' },
    items: { type: 'string' },
    days: { type: 'string' },
    repeats: { type: 'string' },
    'gen-repeats': { type: 'string' },
  },
});
const overrides = Object.fromEntries(
  (['seed', 'users', 'items', 'days'] as const).filter((k) => values[k]).map((k) => [k, Number(values[k])]),
);
const config = flagshipConfig(overrides);
const repeats = Number(values.repeats ?? 15);
const genRepeats = Number(values['gen-repeats'] ?? 1);
const say = (s: string) => {
  if (!values.json) console.log(s);
};
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const time = <T>(f: () => T): [T, number] => {
  const t = performance.now();
  const out = f();
  return [out, performance.now() - t];
};
const timeAsync = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
  const t = performance.now();
  const out = await f();
  return [out, performance.now() - t];
};
const rssMb = () => Math.round(process.memoryUsage().rss / 2 ** 20);
/** Collects garbage before a memory reading when node runs with --expose-gc (npm run bench does). */
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const r2 = (x: number) => Math.round(x * 100) / 100;

// 1. Generation, each in a fresh process (world and pair alternate when repeated).
interface GenRun { ms: number; impressions: number; peakRssMb: number }
const generate = (what: 'world' | 'pair', mode: 'threads' | 'single' = 'threads'): GenRun =>
  JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', new URL('./generate.ts', import.meta.url).pathname, what, mode, JSON.stringify(config)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
say(`Generating the ${FLAGSHIP} world (${JSON.stringify(config)}), alone and with its twin, each in its own process…`);
const worldRuns: GenRun[] = [];
const pairRuns: GenRun[] = [];
const singleWorldRuns: GenRun[] = [];
const singlePairRuns: GenRun[] = [];
for (let k = 0; k < genRepeats; k++) {
  worldRuns.push(generate('world'));
  singleWorldRuns.push(generate('world', 'single'));
  pairRuns.push(generate('pair'));
  singlePairRuns.push(generate('pair', 'single'));
}
const worldGenMs = median(worldRuns.map((r) => r.ms));
const pairGenMs = median(pairRuns.map((r) => r.ms));
const impressions = worldRuns[0].impressions;

// 2. Grading with the pair given: generated the first time, read from the disk cache after.
gc();
const rssStart = rssMb();
const { pairMs, graded, gradeMs, regradeMs } = (() => {
  const [pair, pairMs] = time(() => generatePair(config, { quiet: true }, FLAGSHIP_CHANGES));
  const expertFile = new URL(`../examples/${FLAGSHIP}/expert.json`, import.meta.url);
  const expert = loadTranscript(readFileSync(expertFile, 'utf8'), 'expert.json');
  if (!expert.ok) throw new Error('the flagship expert transcript does not load');
  const [graded, gradeMs] = time(() => grade(openCase(pair, FLAGSHIP_SCENARIO), expert.transcript));
  const [, regradeMs] = time(() => grade(openCase(pair, FLAGSHIP_SCENARIO), expert.transcript));
  return { pairMs, graded, gradeMs, regradeMs };
})();

// 3. Queries, on a fresh copy of the world read from the cache (nothing materialised yet, so
// Faultline's first runs are truly cold: they build the code and value columns they read).
const [fresh, pairCacheReadMs] = time(() => generatePair(config, { quiet: true }, FLAGSHIP_CHANGES));
gc();
const rssPair = rssMb();
const world: World = fresh.factual;
const faultlineCells = (q: BenchQuery): Cells => {
  const out: Cells = new Map();
  for (const c of runQuery(world, q.spec).cells) if (c.n > 0) out.set(`${c.group ?? ''}|${c.day ?? 0}`, { n: c.n, v: c.value! });
  return out;
};
const peerCells = (q: BenchQuery, rows: { g: number; day: number; n: number; v: number }[]): Cells => {
  const labels = dimensionValues(world, q.spec.groupBy as Dimension);
  return new Map(rows.map((r) => [`${labels[Number(r.g)]}|${q.spec.byDay ? Number(r.day) : 0}`, { n: Number(r.n), v: Number(r.v) }]));
};
const codeOf = (d: string, v: string) => {
  const i = dimensionValues(world, d as Dimension).indexOf(v);
  if (i < 0) throw new Error(`no value ${v} of ${d}`);
  return i;
};

const faultlineCold = QUERIES.map((q) => time(() => faultlineCells(q)));
const [columns, columnsMs] = time(() => peerColumns(world));
const [duck, duckLoadMs] = await timeAsync(() => loadDuckDb(columns));
gc();
const rssDuck = rssMb();
const [aqTables, arqueroLoadMs] = time(() => loadArquero(columns));
gc();
const rssArquero = rssMb();

const duckRun = async (q: BenchQuery) => peerCells(q, (await duck.connection.runAndReadAll(q.sql(codeOf))).getRowObjectsJS() as never);
const arqueroRun = (q: BenchQuery) => peerCells(q, q.arquero(aqTables[q.table], codeOf).objects() as never);
const duckCold: [Cells, number][] = [];
const arqueroCold: [Cells, number][] = [];
for (const q of QUERIES) duckCold.push(await timeAsync(() => duckRun(q)));
for (const q of QUERIES) arqueroCold.push(time(() => arqueroRun(q)));

// Warm: each repetition runs every query on every engine, the engines' order rotating.
const warm = QUERIES.map(() => ({ faultline: [] as number[], duckdb: [] as number[], arquero: [] as number[] }));
const engines = ['faultline', 'duckdb', 'arquero'] as const;
for (let rep = 0; rep < repeats; rep++) {
  for (const [k, q] of QUERIES.entries()) {
    for (let e = 0; e < engines.length; e++) {
      const engine = engines[(e + rep) % engines.length];
      if (engine === 'faultline') warm[k].faultline.push(time(() => faultlineCells(q))[1]);
      else if (engine === 'duckdb') warm[k].duckdb.push((await timeAsync(() => duckRun(q)))[1]);
      else warm[k].arquero.push(time(() => arqueroRun(q))[1]);
    }
  }
}
const bandwidth = copyBandwidth();
const queries = QUERIES.map((q, k) => {
  const reference = faultlineCold[k][0];
  const duckAgree = agreement(reference, duckCold[k][0]);
  const arqueroAgree = agreement(reference, arqueroCold[k][0]);
  const faultlineMs = median(warm[k].faultline);
  const floorMs = (bytesRead(world, q.spec) / bandwidth) * 1000;
  return {
    name: q.name,
    faultlineMs: r2(faultlineMs),
    duckdbMs: r2(median(warm[k].duckdb)),
    arqueroMs: r2(median(warm[k].arquero)),
    agree: duckAgree.ok && arqueroAgree.ok,
    check: { duckdb: duckAgree.summary, arquero: arqueroAgree.summary },
    cold: { faultlineMs: r2(faultlineCold[k][1]), duckdbMs: r2(duckCold[k][1]), arqueroMs: r2(arqueroCold[k][1]) },
    floorMs: r2(floorMs),
    overFloor: r2(faultlineMs / floorMs),
  };
});
duck.close();

const result = {
  scenario: FLAGSHIP,
  config,
  impressions,
  worldGenMs: Math.round(worldGenMs),
  pairGenMs: Math.round(pairGenMs),
  pairOverWorld: r2(pairGenMs / worldGenMs),
  impressionsPerSecond: Math.round(impressions / (worldGenMs / 1000)),
  peakRssMb: Math.round(median(worldRuns.map((r) => r.peakRssMb))),
  pairPeakRssMb: Math.round(median(pairRuns.map((r) => r.peakRssMb))),
  threads: spareThreads() + 1,
  singleThread: { worldGenMs: Math.round(median(singleWorldRuns.map((r) => r.ms))), pairGenMs: Math.round(median(singlePairRuns.map((r) => r.ms))) },
  gradeMs: Math.round(gradeMs),
  regradeMs: Math.round(regradeMs),
  expertScore: graded.score,
  memoryMb: { start: rssStart, pairLoaded: rssPair, duckdbLoaded: rssDuck, arqueroLoaded: rssArquero },
  pairGivenMs: Math.round(pairMs),
  pairCacheReadMs: Math.round(pairCacheReadMs),
  loadMs: { peerColumns: Math.round(columnsMs), duckdb: Math.round(duckLoadMs), arquero: Math.round(arqueroLoadMs) },
  copyBandwidthGBs: r2(bandwidth / 1e9),
  repeats,
  queries,
};

if (values.json) {
  console.log(JSON.stringify(result));
} else {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  say(`\n${impressions.toLocaleString()} impressions (${world.users.count.toLocaleString()} users, ${world.items.count.toLocaleString()} items, ${world.config.days} days)`);
  say(`  world                 ${s(worldGenMs)}   peak ${result.peakRssMb} MB   (${result.impressionsPerSecond.toLocaleString()} impressions/s)`);
  say(`  world + twin          ${s(pairGenMs)}   peak ${result.pairPeakRssMb} MB   (${result.pairOverWorld}× one world)`);
  say(`  on one thread         world ${s(result.singleThread.worldGenMs)}, world + twin ${s(result.singleThread.pairGenMs)} (above: ${result.threads} threads, as the CLI runs)`);
  say(`  grade, pair given     ${gradeMs.toFixed(0)} ms (expert scores ${graded.score}; again on a new case ${regradeMs.toFixed(0)} ms)`);
  say(`  pair from disk cache  ${pairCacheReadMs.toFixed(0)} ms (first request this run: ${pairMs.toFixed(0)} ms)`);
  say(`Memory (RSS after GC): ${rssStart} MB at start → ${rssPair} MB with the pair → ${rssDuck} MB with DuckDB loaded (${duckLoadMs.toFixed(0)} ms) → ${rssArquero} MB with arquero (${arqueroLoadMs.toFixed(0)} ms)`);
  say(`Queries: warm medians of ${repeats} interleaved runs; cold = each engine's first run; floor = bytes read at ${result.copyBandwidthGBs} GB/s`);
  say(`  ${'query'.padEnd(44)} ${'Faultline'.padStart(9)} ${'DuckDB'.padStart(9)} ${'arquero'.padStart(9)}  ${'vs DuckDB'.padStart(9)}  ${'floor×'.padStart(6)}  cold F/D/A ms        answers`);
  for (const q of queries) {
    say(
      `  ${q.name.padEnd(44)} ${q.faultlineMs.toFixed(2).padStart(9)} ${q.duckdbMs.toFixed(2).padStart(9)} ${q.arqueroMs.toFixed(2).padStart(9)}  ${(q.faultlineMs / q.duckdbMs).toFixed(2).padStart(8)}×  ${q.overFloor.toFixed(1).padStart(6)}  ${[q.cold.faultlineMs, q.cold.duckdbMs, q.cold.arqueroMs].map((x) => x.toFixed(0)).join('/').padEnd(19)}  ${q.agree ? 'agree' : 'DISAGREE'} (DuckDB: ${q.check.duckdb}; arquero: ${q.check.arquero})`,
    );
  }
}
if (queries.some((q) => !q.agree)) process.exitCode = 1;
