// The world as a pure function of its config: entities, a short unlogged burn-in that trains
// the ranker and warms engagement counters, then the logged days, each served by the pipeline
// as configured for that day.
import { worldConfig, type WorldConfig } from './config.ts';
import { keyedStreams, normalFrom, stream } from './random.ts';
import { buildCentres } from './world/centres.ts';
import { generateItems } from './world/items.ts';
import { generateUsers, tenureOn } from './world/users.ts';
import { seedHistories } from './world/history.ts';
import { decayItemStats, emptyItemStats, popularityLogits, trendingItems } from './world/itemStats.ts';
import { chooseLabelledItems, logCatalogue, logRetrievalEval } from './world/evalSets.ts';
import type { Progress, World } from './world/world.ts';
import { runImageEncoder, type EncoderOutput, type EncoderSpec } from './pipeline/imageEncoder.ts';
import { runTextEncoder } from './pipeline/textEncoder.ts';
import {
  buildBuckets,
  reassignClusterIndex,
  trainClusterIndex,
  TopK,
  type ClusterIndex,
} from './pipeline/clusterIndex.ts';
import { HEALTHY_PIPELINE, type PipelineSpec } from './pipeline/spec.ts';
import { cloneRanker, initialRanker, retrainRanker, type Ranker } from './pipeline/ranker.ts';
import { RequestScratch } from './pipeline/scratch.ts';
import { buildCoEngagementGraph } from './pipeline/coEngagement.ts';
import { buildItemRecords } from './pipeline/itemRecords.ts';
import { serveSession } from './pipeline/session.ts';
import type { Indexes, ServingDay } from './pipeline/serving.ts';
import { logBuilders, TrainingBuffer, type LogBuilders } from './logs/builders.ts';

/** Unlogged days before day 1, served to a share of users, that train the first ranker. */
const BURN_IN_DAYS = 4;
const BURN_IN_USER_SHARE = 0.4;
const TRENDING_SIZE = 300;
const FRESH_WINDOW_DAYS = 2;
const VISUAL_CLUSTERS = 64;

export interface SimulationOptions {
  /** The pipeline on a given day; the healthy pipeline when omitted. */
  pipelineFor?: (day: number) => PipelineSpec;
  onProgress?: Progress;
}

export function simulateWorld(partial: Partial<WorldConfig> = {}, options: SimulationOptions = {}): World {
  const config = worldConfig(partial);
  const { seed, days } = config;
  const pipelineFor = options.pipelineFor ?? (() => HEALTHY_PIPELINE);
  const progress = options.onProgress ?? (() => {});
  progress(0, 'Generating users and items');

  const centres = buildCentres(seed);
  const items = generateItems(seed, config.items, days, centres);
  const users = generateUsers(config, centres);
  const history = seedHistories(seed, users, items);
  const labelledItems = chooseLabelledItems(seed, items);
  const labelledFlag = new Uint8Array(items.count);
  for (const i of labelledItems) labelledFlag[i] = 1;

  progress(0.05, 'Encoding the catalogue and building indexes');
  const encoders = new Map<string, EncoderOutput>();
  const encoderFor = (spec: EncoderSpec): EncoderOutput => {
    const key = JSON.stringify(spec);
    let out = encoders.get(key);
    if (!out) {
      out = runImageEncoder(seed, items, centres, spec);
      encoders.set(key, out);
    }
    return out;
  };
  const reference = encoderFor(pipelineFor(1).imageEncoder);
  const text = runTextEncoder(seed, items, pipelineFor(1).textEncoder);
  const indexes: Indexes = {
    visual: trainClusterIndex(reference.visual, items.count, VISUAL_CLUSTERS, stream(seed, 'index/visual')),
    text: trainClusterIndex(text, items.count, VISUAL_CLUSTERS, stream(seed, 'index/text')),
    co: trainClusterIndex(items.latent, items.count, VISUAL_CLUSTERS * 3, stream(seed, 'index/co-engagement')),
  };

  // An encoder change re-buckets the catalogue against the same trained centroids.
  const visualIndexes = new Map<EncoderOutput, ClusterIndex>([[reference, indexes.visual]]);
  const visualIndexFor = (encoder: EncoderOutput): ClusterIndex => {
    let index = visualIndexes.get(encoder);
    if (!index) {
      index = reassignClusterIndex(indexes.visual, encoder.visual);
      visualIndexes.set(encoder, index);
    }
    return index;
  };

  const coGraph = buildCoEngagementGraph(
    items,
    indexes.co,
    buildBuckets(indexes.co, () => true),
    stream(seed, 'co-engagement/graph'),
  );

  const stats = emptyItemStats(items.count);
  const scratch = new RequestScratch(items.count);
  const sourceTop = new TopK(64);
  const training = new TrainingBuffer();
  const logs = logBuilders(days, Math.round(users.count * 9 * days));
  let ranker: Ranker = initialRanker();
  const pipeline: PipelineSpec[] = [pipelineFor(1)];
  const encoderByDay: EncoderOutput[] = [reference];
  const rankerByDay: Ranker[] = [cloneRanker(ranker)];
  const requests = { next: 0 };

  const totalSteps = BURN_IN_DAYS + days;
  for (let day = 1 - BURN_IN_DAYS; day <= days; day++) {
    const logged = day >= 1;
    const spec = pipelineFor(Math.max(1, day));
    const encoder = encoderFor(spec.imageEncoder);
    const builtThrough = day - 1;
    const live = (i: number) => items.createdDay[i] <= builtThrough;
    const serving: ServingDay = {
      day,
      spec,
      items,
      users,
      encoder,
      text,
      indexes: { ...indexes, visual: visualIndexFor(encoder) },
      visualBuckets: buildBuckets(visualIndexFor(encoder), live),
      textBuckets: buildBuckets(indexes.text, live),
      coGraph,
      indexBuiltThrough: builtThrough,
      trending: trendingItems(stats, live, TRENDING_SIZE),
      fresh: Int32Array.from(
        Array.from({ length: items.count }, (_, i) => i).filter(
          (i) => items.createdDay[i] <= day && items.createdDay[i] >= day - FRESH_WINDOW_DAYS,
        ),
      ),
      stats,
      records: buildItemRecords(items, encoder, text, popularityLogits(stats)),
      history,
      ranker,
    };
    if (logged) {
      for (const b of Object.values(logs) as LogBuilders[keyof LogBuilders][]) b.startDay(day);
    }
    serveDay(serving, seed, logged ? logs : null, scratch, sourceTop, training, logged ? 1 : BURN_IN_USER_SHARE, requests);
    if (logged) {
      pipeline.push(spec);
      encoderByDay.push(encoder);
      rankerByDay.push(cloneRanker(ranker));
      logCatalogue(logs, day, items, encoder, reference, labelledFlag);
      logRetrievalEval(logs, serving, seed, scratch);
    }
    // Nightly: retrain on the day's logged sample, age the engagement counters.
    if (!logged || spec.ranker.retrainDaily) {
      ranker = retrainRanker(ranker, training, logged, stream(seed, `day/${day}/ranker-training`));
    }
    training.clear();
    decayItemStats(stats);
    progress(0.08 + (0.9 * (day + BURN_IN_DAYS)) / totalSteps, logged ? `Simulated day ${day} of ${days}` : 'Training the ranker');
  }
  progress(1, 'Done');
  const finished = {
    impressions: logs.impressions.finish(),
    requests: logs.requests.finish(),
    requestSources: logs.requestSources.finish(),
    retrievalEval: logs.retrievalEval.finish(),
    catalogue: logs.catalogue.finish(),
    features: logs.features.finish(),
  };
  return {
    config,
    centres,
    items,
    users,
    text,
    pipeline,
    encoderByDay,
    rankerByDay,
    experimentArm: assignArms(seed, users.count, pipeline[1].experimentPlatform.treatmentShare),
    labelledItems,
    logs: finished,
  };
}

/** logging / experiment-platform: a stable per-user assignment to control or treatment. */
function assignArms(seed: number, count: number, treatmentShare: number): Uint8Array {
  const rng = stream(seed, 'experiment-platform/arms');
  const arms = new Uint8Array(count);
  for (let u = 0; u < count; u++) arms[u] = rng() < treatmentShare ? 1 : 0;
  return arms;
}

function serveDay(
  s: ServingDay,
  seed: number,
  logs: LogBuilders | null,
  scratch: RequestScratch,
  sourceTop: TopK,
  training: TrainingBuffer,
  userShare: number,
  requests: { next: number },
): void {
  const { users } = s;
  const dayRng = stream(seed, `day/${s.day}/sessions`);
  const sessionStreams = keyedStreams(seed, 'sessions');
  for (let user = 0; user < users.count; user++) {
    // Two draws per user per day, whether or not they show up, so days stay aligned.
    const uActive = dayRng();
    const uSurface = dayRng();
    if (users.signupDay[user] > s.day) continue;
    if (uActive >= users.activity[user] * userShare) continue;
    const retrievalRng = sessionStreams(s.day + 64, user, 0);
    const behaviourRng = sessionStreams(s.day + 64, user, 1);
    serveSession(
      s,
      {
        user,
        tenure: tenureOn(users, user, s.day),
        surface: uSurface < 0.8 ? 0 : 1,
        request: logs ? requests.next++ : 0,
        indexAgeHours: 24 * (s.day - 1 - s.indexBuiltThrough) + 24 * retrievalRng(),
        retrievalRng,
        retrievalNormal: normalFrom(retrievalRng),
        behaviourRng,
        normal: normalFrom(behaviourRng),
      },
      scratch,
      sourceTop,
      logs,
      training,
    );
  }
}
