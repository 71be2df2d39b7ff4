// The pipeline's configuration on one day: every component's version and knobs. A healthy
// world uses HEALTHY_PIPELINE every day; a fault is a change to one of these entries.
import { ENCODER_V1, type EncoderSpec } from './imageEncoder.ts';
import { TEXT_ENCODER_V1, type TextEncoderSpec } from './textEncoder.ts';
import type { ComponentId, SourceId } from '../vocabulary.ts';
import type { TowerSpec } from './ranker.ts';

export interface SourceSpec {
  version: string;
  /** Candidates the source returns per request. */
  k: number;
  latencyMedianMs: number;
  /** Log-normal spread of latency. */
  latencySpread: number;
  timeoutMs: number;
  /** Share of calls that fail outright (time out), and the regions affected (all when empty). */
  outageRate: number;
  outageRegions: number[];
}

/** Feature values missing for requests in a scope (platform / app version / region codes). */
export interface FeatureNull {
  feature: number;
  rate: number;
  platform?: number;
  appVersion?: number;
  region?: number;
}

/** How the event logger records where a pin was shown (see session.ts): right, or broken. */
export type PositionMode = 'correct' | 'constant' | 'shuffled' | 'click';

export interface PipelineSpec {
  imageEncoder: EncoderSpec;
  textEncoder: TextEncoderSpec;
  featurePipeline: {
    version: string;
    nulls: FeatureNull[];
    /** Serving value = training value × scale + shift for this feature (-1: no skew). */
    skew: { feature: number; scale: number; shift: number } | null;
  };
  annIndex: {
    version: string;
    nprobe: number;
    window: number;
    /** When set, the nightly build stopped: the index holds items up to this day only. */
    frozenThrough: number | null;
  };
  sources: Record<SourceId, SourceSpec>;
  /** How trending picks: from trends within the user's interests, or one global list. */
  trendingMode: 'per-interest' | 'global';
  ranker: {
    version: string;
    /** A healthy ranker is trained before the window and frozen; nightly retraining is opt-in. */
    retrainDaily: boolean;
    /** Nightly retrain: learning-rate multiplier, and whether it models position bias. */
    retrainRate: number;
    positionDebiasing: boolean;
    /** v13's engagement tower and how its training data was sampled (null: v12, no tower). */
    tower: TowerSpec | null;
  };
  /**
   * qualityGate: pins labelled low quality are shown only when nothing else is left, unless
   * co-engagement evidence vouches for them (see blender.ts); maxPerAesthetic: the base per-slate
   * quota, raised for an aesthetic the user's profile leans on.
   */
  blender: { version: string; slateSize: number; maxPerAesthetic: number; maxTrending: number; qualityGate: boolean };
  feedClient: {
    version: string;
    imageFailureRate: number;
    renderMedianMs: [number, number, number];
    /** App versions (codes) failing to render images, with their failure rate. */
    renderBugs: { appVersion: number; failureRate: number }[];
  };
  imageCdn: { version: string; failureRate: number };
  eventLogger: {
    version: string;
    clientLossRate: number;
    /** Extra client event loss on one platform (code). */
    platformLoss: { platform: number; rate: number } | null;
    positionMode: PositionMode;
  };
  experimentPlatform: {
    version: string;
    treatmentShare: number;
    /**
     * A running A/B test of a ranker variant (see pipeline/experiment.ts): the treatment model's
     * weight on its visual-match score at launch, and whether the arms' nightly retrains read
     * the pooled training logs (shared) or each its own arm's (isolated, as they should).
     */
    experiment: { lift: number; sharedTraining: boolean } | null;
  };
  /** Behaviour on the day, for real-world changes that are not faults (distractors). */
  behaviour: { activityMultiplier: number; clickLogitOffset: number };
}

const source = (version: string, k: number, latencyMedianMs: number): SourceSpec => ({
  version,
  k,
  latencyMedianMs,
  latencySpread: 0.35,
  timeoutMs: 250,
  outageRate: 0,
  outageRegions: [],
});

export const HEALTHY_PIPELINE: PipelineSpec = {
  imageEncoder: ENCODER_V1,
  textEncoder: TEXT_ENCODER_V1,
  featurePipeline: { version: 'v7', nulls: [], skew: null },
  annIndex: { version: 'ivf-64', nprobe: 2, window: 36, frozenThrough: null },
  sources: {
    'co-engagement': source('v4', 40, 45),
    'visual-similarity': source('v3', 18, 60),
    'text-embedding': source('v2', 8, 50),
    trending: source('v2', 6, 12),
    fresh: source('v1', 6, 18),
  },
  trendingMode: 'per-interest',
  ranker: { version: 'v12', retrainDaily: false, retrainRate: 1, positionDebiasing: true, tower: null },
  blender: { version: 'v5', slateSize: 10, maxPerAesthetic: 4, maxTrending: 2, qualityGate: true },
  feedClient: { version: 'v42', imageFailureRate: 0, renderMedianMs: [170, 230, 310], renderBugs: [] },
  imageCdn: { version: 'v3', failureRate: 0.004 },
  eventLogger: { version: 'v9', clientLossRate: 0.012, platformLoss: null, positionMode: 'correct' },
  experimentPlatform: { version: 'v2', treatmentShare: 0.5, experiment: null },
  behaviour: { activityMultiplier: 1, clickLogitOffset: 0 },
};

/** Each component's entry in the spec: where its version (and knobs) live. */
export function componentSpecs(spec: PipelineSpec): Record<ComponentId, { version: string }> {
  return {
    'image-encoder': spec.imageEncoder,
    'text-encoder': spec.textEncoder,
    'feature-pipeline': spec.featurePipeline,
    'ann-index': spec.annIndex,
    'source:co-engagement': spec.sources['co-engagement'],
    'source:visual-similarity': spec.sources['visual-similarity'],
    'source:text-embedding': spec.sources['text-embedding'],
    'source:trending': spec.sources.trending,
    'source:fresh': spec.sources.fresh,
    ranker: spec.ranker,
    blender: spec.blender,
    'feed-client': spec.feedClient,
    'image-cdn': spec.imageCdn,
    'event-logger': spec.eventLogger,
    'experiment-platform': spec.experimentPlatform,
  };
}

/** Each component's version as the pipeline map and changelog show it. */
export function componentVersions(spec: PipelineSpec): Record<ComponentId, string> {
  const entries = componentSpecs(spec);
  return Object.fromEntries(Object.entries(entries).map(([id, e]) => [id, e.version])) as Record<ComponentId, string>;
}
