// The pipeline's configuration on one day: every component's version and knobs. A healthy
// world uses HEALTHY_PIPELINE every day; a fault is a change to one of these entries.
import { ENCODER_V1, type EncoderSpec } from './imageEncoder.ts';
import { TEXT_ENCODER_V1, type TextEncoderSpec } from './textEncoder.ts';
import type { ComponentId, SourceId } from '../vocabulary.ts';

export interface SourceSpec {
  version: string;
  /** Candidates the source returns per request. */
  k: number;
  latencyMedianMs: number;
  /** Log-normal spread of latency. */
  latencySpread: number;
  timeoutMs: number;
}

export interface PipelineSpec {
  imageEncoder: EncoderSpec;
  textEncoder: TextEncoderSpec;
  featurePipeline: { version: string };
  annIndex: { version: string; nprobe: number; window: number };
  sources: Record<SourceId, SourceSpec>;
  /** A healthy ranker is trained before the window and frozen; retraining is opt-in. */
  ranker: { version: string; retrainDaily: boolean };
  blender: { version: string; slateSize: number; maxPerAesthetic: number; maxTrending: number };
  feedClient: { version: string; imageFailureRate: number; renderMedianMs: [number, number, number] };
  imageCdn: { version: string; failureRate: number };
  eventLogger: { version: string; clientLossRate: number };
  experimentPlatform: { version: string; treatmentShare: number };
}

const source = (version: string, k: number, latencyMedianMs: number): SourceSpec => ({
  version,
  k,
  latencyMedianMs,
  latencySpread: 0.35,
  timeoutMs: 250,
});

export const HEALTHY_PIPELINE: PipelineSpec = {
  imageEncoder: ENCODER_V1,
  textEncoder: TEXT_ENCODER_V1,
  featurePipeline: { version: 'v7' },
  annIndex: { version: 'ivf-64', nprobe: 2, window: 36 },
  sources: {
    'co-engagement': source('v4', 40, 45),
    'visual-similarity': source('v3', 24, 60),
    'text-embedding': source('v2', 10, 50),
    trending: source('v2', 6, 12),
    fresh: source('v1', 6, 18),
  },
  ranker: { version: 'v12', retrainDaily: false },
  blender: { version: 'v5', slateSize: 10, maxPerAesthetic: 4, maxTrending: 2 },
  feedClient: { version: 'v42', imageFailureRate: 0, renderMedianMs: [170, 230, 310] },
  imageCdn: { version: 'v3', failureRate: 0.004 },
  eventLogger: { version: 'v9', clientLossRate: 0.012 },
  experimentPlatform: { version: 'v2', treatmentShare: 0.5 },
};

/** Each component's version as the pipeline map and changelog show it. */
export function componentVersions(spec: PipelineSpec): Record<ComponentId, string> {
  return {
    'image-encoder': spec.imageEncoder.version,
    'text-encoder': spec.textEncoder.version,
    'feature-pipeline': spec.featurePipeline.version,
    'ann-index': spec.annIndex.version,
    'source:co-engagement': spec.sources['co-engagement'].version,
    'source:visual-similarity': spec.sources['visual-similarity'].version,
    'source:text-embedding': spec.sources['text-embedding'].version,
    'source:trending': spec.sources.trending.version,
    'source:fresh': spec.sources.fresh.version,
    ranker: spec.ranker.version,
    blender: spec.blender.version,
    'feed-client': spec.feedClient.version,
    'image-cdn': spec.imageCdn.version,
    'event-logger': spec.eventLogger.version,
    'experiment-platform': spec.experimentPlatform.version,
  };
}
