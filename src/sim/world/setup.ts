// Everything about a world that no fault can change: entities, encoders' base outputs, the
// indexes' centroids, the co-engagement graph, experiment arms. Built once and shared by the
// factual world and its fault-free twin.
import type { WorldConfig } from '../config.ts';
import { stream } from '../random.ts';
import { buildCentres, type Centres } from './centres.ts';
import { generateItems, type Items } from './items.ts';
import { generateUsers, type Users } from './users.ts';
import { chooseLabelledItems } from './evalSets.ts';
import { initialItemStats, type ItemStats } from './itemStats.ts';
import { runImageEncoder, type EncoderOutput, type EncoderSpec } from '../pipeline/imageEncoder.ts';
import { runTextEncoder, TEXT_ENCODER_V1 } from '../pipeline/textEncoder.ts';
import { buildBuckets, reassignClusterIndex, trainClusterIndex, type ClusterIndex } from '../pipeline/clusterIndex.ts';
import { buildCoEngagementGraph } from '../pipeline/coEngagement.ts';
import { ENCODER_V1 } from '../pipeline/imageEncoder.ts';
import type { Indexes } from '../pipeline/serving.ts';
import type { ResolvedDistractor } from '../faults/specs.ts';

const CLUSTERS = 64;

export interface WorldSetup {
  config: WorldConfig;
  centres: Centres;
  items: Items;
  users: Users;
  text: Float32Array;
  indexes: Indexes;
  coGraph: Int32Array;
  labelledItems: Int32Array;
  labelledFlag: Uint8Array;
  experimentArm: Uint8Array;
  /** Engagement counters as the window opens (each run starts from a copy). */
  priorStats: ItemStats;
  /** The healthy encoder's output: the reference for embedding drift. */
  reference: EncoderOutput;
  encoderFor: (spec: EncoderSpec) => EncoderOutput;
  visualIndexFor: (encoder: EncoderOutput) => ClusterIndex;
}

/** What a setup is a function of: the config and a sign-up campaign (the only change it reads). */
export function setupKey(config: WorldConfig, distractors: readonly ResolvedDistractor[]): string {
  const campaign = distractors.find((d) => d.kind === 'mix-shift');
  return JSON.stringify([config, campaign ? [campaign.onsetDay, campaign.params.factor] : null]);
}

/**
 * The setup, shared by later runs that ask for the same one (a setup is never changed by a run:
 * each run copies the counters it starts from). The last eight are kept, a few MB each. Tests and
 * scripts that generate many worlds at one seed and size — a fault and its variants, the kinds
 * of the Signatures at their three seeds — build each once.
 */
const recentSetups = new Map<string, WorldSetup>();
const KEPT_SETUPS = 8;

export function sharedSetup(config: WorldConfig, distractors: readonly ResolvedDistractor[]): WorldSetup {
  const key = setupKey(config, distractors);
  let setup = recentSetups.get(key);
  if (setup) recentSetups.delete(key);
  else setup = buildSetup(config, distractors);
  recentSetups.set(key, setup);
  while (recentSetups.size > KEPT_SETUPS) recentSetups.delete(recentSetups.keys().next().value!);
  return setup;
}

export function buildSetup(config: WorldConfig, distractors: readonly ResolvedDistractor[]): WorldSetup {
  const { seed, days } = config;
  const centres = buildCentres(seed);
  const items = generateItems(seed, config.items, days, centres);
  const campaign = distractors.find((d) => d.kind === 'mix-shift');
  const users = generateUsers(
    config,
    centres,
    campaign ? { onsetDay: campaign.onsetDay, factor: campaign.params.factor as number } : null,
  );
  const labelledItems = chooseLabelledItems(seed, items);
  const labelledFlag = new Uint8Array(items.count);
  for (const i of labelledItems) labelledFlag[i] = 1;

  const encoders = new Map<string, EncoderOutput>();
  const encoderFor = (spec: EncoderSpec): EncoderOutput => {
    const key = JSON.stringify(spec);
    let out = encoders.get(key);
    if (!out) encoders.set(key, (out = runImageEncoder(seed, items, centres, spec)));
    return out;
  };
  const reference = encoderFor(ENCODER_V1);
  const text = runTextEncoder(seed, items, TEXT_ENCODER_V1);
  const indexes: Indexes = {
    visual: trainClusterIndex(reference.visual, items.count, CLUSTERS, stream(seed, 'index/visual')),
    text: trainClusterIndex(text, items.count, CLUSTERS, stream(seed, 'index/text')),
    co: trainClusterIndex(items.latent, items.count, CLUSTERS * 3, stream(seed, 'index/co-engagement')),
  };
  // An encoder change re-buckets the catalogue against the same trained centroids.
  const visualIndexes = new Map<EncoderOutput, ClusterIndex>([[reference, indexes.visual]]);
  const visualIndexFor = (encoder: EncoderOutput): ClusterIndex => {
    let index = visualIndexes.get(encoder);
    if (!index) {
      index = encoder.visual === reference.visual ? indexes.visual : reassignClusterIndex(indexes.visual, encoder.visual);
      visualIndexes.set(encoder, index);
    }
    return index;
  };
  const priorStats = initialItemStats(items, stream(seed, 'items/engagement-history'));
  // The graph was mined from past engagement: popular pins were co-engaged with more of their neighbourhood.
  const coBuckets = buildBuckets(indexes.co, () => true, priorStats.impressions);
  const coGraph = buildCoEngagementGraph(items, indexes.co, coBuckets, stream(seed, 'co-engagement/graph'));
  return {
    config,
    centres,
    items,
    users,
    text,
    indexes,
    coGraph,
    labelledItems,
    labelledFlag,
    experimentArm: assignArms(seed, users.count, 0.5),
    priorStats,
    reference,
    encoderFor,
    visualIndexFor,
  };
}

/** logging / experiment-platform: a stable per-user assignment to control or treatment. */
function assignArms(seed: number, count: number, treatmentShare: number): Uint8Array {
  const rng = stream(seed, 'experiment-platform/arms');
  const arms = new Uint8Array(count);
  for (let u = 0; u < count; u++) arms[u] = rng() < treatmentShare ? 1 : 0;
  return arms;
}
