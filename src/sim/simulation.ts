// One run of the day loop with all its mutable state (histories, engagement counters, the
// ranker, the logs so far). A run can fork: the fault-free twin shares every day before the
// first onset with the factual world and continues on its own from there.
import { RECENT, seedHistories, type Histories } from './world/history.ts';
import { cloneItemStats, decayItemStats, globalTrending, popularityLogits, trendingByAesthetic, trendingItems, type ItemStats } from './world/itemStats.ts';
import { logCatalogue, logRetrievalEval } from './world/evalSets.ts';
import type { WorldSetup } from './world/setup.ts';
import type { World } from './world/world.ts';
import { buildBuckets, TopK } from './pipeline/clusterIndex.ts';
import type { PipelineSpec } from './pipeline/spec.ts';
import type { EncoderOutput } from './pipeline/imageEncoder.ts';
import { cloneRanker, initialRanker, retrainRanker, trainV13, type Ranker } from './pipeline/ranker.ts';
import { cloneArms, launchArms, retrainArms, type ArmModels } from './pipeline/experiment.ts';
import { RequestScratch } from './pipeline/scratch.ts';
import { buildItemRecords } from './pipeline/itemRecords.ts';
import type { DayCounts } from './pipeline/session.ts';
import { dayVisits, serveShard, type ShardResult, type Visits } from './dayShard.ts';
import type { ServingDay } from './pipeline/serving.ts';
import { logBuilders, SESSION_LOGS, TrainingBuffer, type LogBuilders } from './logs/builders.ts';
import type { ResolvedDistractor, ResolvedFault } from './faults/specs.ts';

/** Unlogged days before day 1, served to a share of users, that train the first ranker. */
export const BURN_IN_DAYS = 4;
const BURN_IN_USER_SHARE = 0.4;
const TRENDING_SIZE = 300;
const TRENDING_PER_AESTHETIC = 40;
const FRESH_WINDOW_DAYS = 2;

export class Simulation {
  private history: Histories;
  private stats: ItemStats;
  private ranker: Ranker;
  /** A running experiment's per-arm models (null when none runs). */
  private arms: ArmModels | null = null;
  /** The tower spec the serving ranker's tower was trained for (null: none). */
  private towerKey: string | null = null;
  /** The model a tower version replaced (what rolling it back restores). */
  private towerBase: Ranker | null = null;
  private logs: LogBuilders;
  private readonly training = new TrainingBuffer();
  /** A running experiment's training logs since it launched (what its arms are refit on). */
  private armTraining = new TrainingBuffer();
  private readonly requests = { next: 0 };
  private readonly pipeline: PipelineSpec[] = [];
  private readonly encoderByDay: EncoderOutput[] = [];
  private readonly rankerByDay: Ranker[] = [];
  private readonly armsByDay: (ArmModels | null)[] = [];
  /** The last day simulated (burn-in days are ≤ 0). */
  day: number;

  constructor(
    private readonly setup: WorldSetup,
    private readonly pipelineFor: (day: number) => PipelineSpec,
    from?: Simulation,
  ) {
    const { config, users, items } = setup;
    this.scratch = from?.scratch ?? new RequestScratch(items.count);
    this.sourceTop = from?.sourceTop ?? new TopK(64);
    if (from) {
      const h = from.history;
      this.history = { picks: h.picks.slice(), recent: h.recent.slice(), recentCount: h.recentCount.slice() };
      this.stats = cloneItemStats(from.stats);
      this.ranker = cloneRanker(from.ranker);
      this.arms = from.arms && cloneArms(from.arms);
      this.armTraining = from.armTraining.clone();
      this.towerKey = from.towerKey;
      this.towerBase = from.towerBase && cloneRanker(from.towerBase);
      this.logs = Object.fromEntries(Object.entries(from.logs).map(([k, b]) => [k, b.clone()])) as unknown as LogBuilders;
      this.requests.next = from.requests.next;
      this.day = from.day;
      this.pipeline.push(...from.pipeline);
      this.encoderByDay.push(...from.encoderByDay);
      this.rankerByDay.push(...from.rankerByDay);
      this.armsByDay.push(...from.armsByDay);
      return;
    }
    this.history = seedHistories(config.seed, users, items);
    this.stats = cloneItemStats(setup.priorStats);
    this.ranker = initialRanker();
    this.logs = logBuilders(config.days, Math.round(users.count * 8 * config.days));
    this.day = -BURN_IN_DAYS;
    this.pipeline.push(pipelineFor(1));
    this.encoderByDay.push(setup.reference);
    this.rankerByDay.push(cloneRanker(this.ranker));
    this.armsByDay.push(null);
  }

  private readonly scratch: RequestScratch;
  private readonly sourceTop: TopK;

  /** An independent copy of the run so far that continues with a different pipeline (the twin). */
  fork(pipelineFor: (day: number) => PipelineSpec): Simulation {
    return new Simulation(this.setup, pipelineFor, this);
  }

  /** Serves the next day on this thread (one shard: every visit). */
  runDay(): void {
    const plan = this.beginDay();
    this.endDay(plan, [this.serveHere(plan)(0, plan.visits.users.length, plan.requestBase)]);
  }

  /**
   * Serves the next day with its visits cut into shards, served by `serve` (other threads, and
   * this one) — the same world as `runDay`, whatever the number of shards.
   */
  async runDayWith(serve: ShardServer): Promise<void> {
    const plan = this.beginDay();
    this.endDay(plan, await serve(plan, this.serveHere(plan)));
  }

  /**
   * Serving visits of the plan on this thread. Its shard comes first in the day, so it writes
   * straight into the world's logs; other shards' rows are appended after it.
   */
  private serveHere(plan: DayPlan): (from: number, to: number, requestBase: number) => ShardResult {
    return (from, to, requestBase) =>
      serveShard(plan.serving, this.setup.config.seed, plan.visits, from, to, requestBase, plan.logged, this.scratch, this.sourceTop, this.logs);
  }

  /** The day's serving state and visits: everything up to serving the sessions. */
  private beginDay(): DayPlan {
    const day = ++this.day;
    const { setup } = this;
    const { items, config } = setup;
    const logged = day >= 1;
    const spec = this.pipelineFor(Math.max(1, day));
    const encoder = setup.encoderFor(spec.imageEncoder);
    // The nightly index build: items up to yesterday, unless the build has stopped.
    const builtThrough = spec.annIndex.frozenThrough === null ? day - 1 : Math.min(day - 1, spec.annIndex.frozenThrough);
    const live = (i: number) => items.createdDay[i] <= builtThrough;
    const visualIndex = setup.visualIndexFor(encoder);
    this.deployTower(spec);
    // An experiment launches with the production model in both arms (plus the treatment's term)
    // and keeps its arms' models, retrained nightly, until it stops.
    const experiment = spec.experimentPlatform.experiment;
    if (!experiment || !logged) this.arms = null;
    else if (!this.arms) {
      this.arms = launchArms(this.ranker, experiment.lift);
      this.armTraining.clear();
    }
    const serving: ServingDay = {
      day,
      spec,
      items,
      users: setup.users,
      encoder,
      text: setup.text,
      indexes: { ...setup.indexes, visual: visualIndex },
      visualBuckets: buildBuckets(visualIndex, live, this.stats.clicks),
      textBuckets: buildBuckets(setup.indexes.text, live, this.stats.clicks),
      coGraph: setup.coGraph,
      indexBuiltThrough: builtThrough,
      trending: trendingItems(this.stats, live, TRENDING_SIZE),
      trendingByAesthetic: trendingByAesthetic(this.stats, live, encoder.predAesthetic, TRENDING_PER_AESTHETIC),
      globalTrending:
        spec.trendingMode === 'global' ? globalTrending(this.stats, live, encoder.predAesthetic, TRENDING_SIZE) : new Int32Array(0),
      // Fresh pins are listed by the same nightly job: the newest items it has seen.
      fresh: freshItems(items.createdDay, builtThrough),
      stats: this.stats,
      records: buildItemRecords(items, encoder, setup.text, popularityLogits(this.stats)),
      history: this.history,
      ranker: this.ranker,
      experimentArm: setup.experimentArm,
      arms: this.arms,
    };
    if (day === 1) this.training.clear();
    if (logged) for (const b of Object.values(this.logs) as LogBuilders[keyof LogBuilders][]) b.startDay(day);
    const visits = dayVisits(config.seed, serving, logged ? 1 : BURN_IN_USER_SHARE);
    return { serving, visits, requestBase: this.requests.next, logged: logged ? { days: config.days } : null };
  }

  /** Joins the shards (in order), then the night: evaluation logs, retraining, counters. */
  private endDay(plan: DayPlan, shards: ShardResult[]): void {
    const { serving, visits, logged } = plan;
    const { day } = serving;
    const { items, config } = this.setup;
    const spec = serving.spec;
    const encoder = serving.encoder;
    const experiment = spec.experimentPlatform.experiment;
    if (logged) this.requests.next += visits.users.length;
    const h = this.history;
    for (const shard of shards) {
      if (shard.logs) {
        for (const name of SESSION_LOGS) this.logs[name].appendRows(shard.logs[name].columns as never, shard.logs[name].rows);
      }
      this.training.append(shard.training);
      const { firstUser, recent, recentCount } = shard.history;
      // A shard served on this thread wrote the histories in place; another thread's are copied in.
      if (recent.buffer !== h.recent.buffer) {
        h.recent.set(recent, firstUser * RECENT);
        h.recentCount.set(recentCount, firstUser);
      }
    }
    addDayCounts(this.stats, shards.map((r) => r.counts));
    if (logged) {
      this.pipeline.push(spec);
      this.encoderByDay.push(encoder);
      this.rankerByDay.push(cloneRanker(this.ranker));
      this.armsByDay.push(this.arms && cloneArms(this.arms));
      logCatalogue(this.logs, day, items, encoder, this.setup.reference, this.setup.labelledFlag);
      logRetrievalEval(this.logs, serving, config.seed, this.scratch);
    }
    // Nightly: retrain (burn-in, or when the pipeline retrains daily) and a running experiment's
    // arms, age the counters.
    if (!logged || spec.ranker.retrainDaily) {
      this.ranker = retrainRanker(this.ranker, this.training, Boolean(logged), spec.ranker);
    }
    if (this.arms && experiment) {
      this.armTraining.append(this.training);
      this.arms = retrainArms(this.arms, this.armTraining, experiment.sharedTraining);
    }
    // The burn-in fits on everything it has seen; logged days retrain on the day alone.
    if (logged) this.training.clear();
    decayItemStats(this.stats);
  }

  /**
   * A ranker version with an engagement tower trains it when it is deployed (on the logged
   * traffic as it stands) and keeps it until its spec changes; a version without one drops it.
   */
  private deployTower(spec: PipelineSpec): void {
    const wanted = spec.ranker.tower;
    const key = wanted && JSON.stringify(wanted);
    if (key === this.towerKey) return;
    this.towerKey = key;
    const base = this.towerBase ?? this.ranker;
    this.towerBase = wanted ? base : null;
    const f = this.logs.features;
    const sample = { rows: f.rows, ...f.columns };
    this.ranker = wanted ? trainV13(base, sample, this.setup.items, this.stats.impressions, this.history, wanted) : cloneRanker(base);
  }

  finish(faults: readonly ResolvedFault[], distractors: readonly ResolvedDistractor[], counterfactual: boolean): World {
    const { setup } = this;
    const logs = this.logs;
    return {
      config: setup.config,
      items: setup.items,
      users: setup.users,
      text: setup.text,
      pipeline: this.pipeline,
      encoderByDay: this.encoderByDay,
      rankerByDay: this.rankerByDay,
      armsByDay: this.armsByDay,
      experimentArm: setup.experimentArm,
      labelledItems: setup.labelledItems,
      faults: [...faults],
      distractors: [...distractors],
      counterfactual,
      logs: {
        impressions: logs.impressions.finish(),
        requests: logs.requests.finish(),
        requestSources: logs.requestSources.finish(),
        retrievalEval: logs.retrievalEval.finish(),
        catalogue: logs.catalogue.finish(),
        features: logs.features.finish(),
      },
    };
  }
}

/** The day's plan: the serving state, who visits, the first request id, and whether it is logged. */
export interface DayPlan {
  serving: ServingDay;
  visits: Visits;
  requestBase: number;
  logged: { days: number } | null;
}

/**
 * Serves a day's visits in shards: given the plan and a way to serve a range of visits on this
 * thread, returns every shard's result in visit order.
 */
export type ShardServer = (plan: DayPlan, here: (from: number, to: number, requestBase: number) => ShardResult) => Promise<ShardResult[]>;

/** The day's engagement added to the counters (summed as integers first: any cut, the same sum). */
function addDayCounts(stats: ItemStats, counts: DayCounts[]): void {
  for (const key of ['impressions', 'clicks', 'saves'] as const) {
    const target = stats[key];
    if (counts.length === 1) {
      const c = counts[0][key];
      for (let i = 0; i < target.length; i++) if (c[i]) target[i] += c[i];
      continue;
    }
    for (let i = 0; i < target.length; i++) {
      let sum = 0;
      for (const c of counts) sum += c[key][i];
      if (sum) target[i] += sum;
    }
  }
}

function freshItems(createdDay: Int16Array, builtThrough: number): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < createdDay.length; i++) {
    if (createdDay[i] <= builtThrough + 1 && createdDay[i] >= builtThrough + 1 - FRESH_WINDOW_DAYS) out.push(i);
  }
  return Int32Array.from(out);
}
