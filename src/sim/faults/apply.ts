// Faults and distractors as changes to the pipeline: the spec in force on a day is the healthy
// pipeline with every active change applied (scaled by its rollout ramp). Nothing here names a
// segment that should suffer — which segment does is left to the mechanics.
import { AESTHETIC_IDS, APP_VERSION_IDS, PLATFORMS, QUALITY_LABELS, REGIONS } from '../world/taxonomy.ts';
import { FEATURE_NAMES } from '../pipeline/ranker.ts';
import { componentSpecs, HEALTHY_PIPELINE, type PipelineSpec, type PositionMode } from '../pipeline/spec.ts';
import type { ComponentId, SourceId } from '../vocabulary.ts';
import { strengthOn, type ResolvedDistractor, type ResolvedFault } from './specs.ts';

const code = (list: readonly string[], id: unknown) => list.indexOf(String(id));
const codes = (list: readonly string[], ids: unknown) => (ids as string[]).map((id) => code(list, id));
const bump = (version: string) => version.replace(/(\d+)(?!.*\d)/, (n) => String(Number(n) + 1));

export interface PipelineOptions {
  /**
   * The counterfactual twin's pipeline: each fault is replaced by what the world would have
   * run without the breakage (see `applyCounterfactual`) — for most faults, nothing at all.
   */
  counterfactual?: boolean;
}

export function pipelineForDay(
  day: number,
  faults: readonly ResolvedFault[],
  distractors: readonly ResolvedDistractor[],
  options: PipelineOptions = {},
): PipelineSpec {
  const spec: PipelineSpec = structuredClone(HEALTHY_PIPELINE);
  for (const f of faults) {
    const s = strengthOn(f, day);
    if (s > 0) (options.counterfactual ? applyCounterfactual : applyFault)(spec, f, s, day);
  }
  for (const d of distractors) applyDistractor(spec, d, day);
  return spec;
}

function applyFault(spec: PipelineSpec, f: ResolvedFault, strength: number, day: number): void {
  const p = f.params;
  switch (f.kind) {
    case 'encoder-mislabel':
      spec.imageEncoder.version = 'v2';
      spec.imageEncoder.mislabel = {
        aesthetics: codes(AESTHETIC_IDS, p.aesthetics),
        label: code(QUALITY_LABELS, p.label),
        rate: (p.rate as number) * strength,
      };
      return;
    case 'embedding-collapse':
      spec.imageEncoder.version = 'v2';
      spec.imageEncoder.collapse = { aesthetics: codes(AESTHETIC_IDS, p.aesthetics), strength: (p.strength as number) * strength };
      return;
    case 'brightness-bias':
      spec.imageEncoder.version = 'v2';
      spec.imageEncoder.brightnessBias = { threshold: p.threshold as number, rate: (p.rate as number) * strength };
      return;
    case 'rare-class-regression':
      spec.ranker.version = 'v13';
      spec.ranker.tower = {
        undersampled: codes(AESTHETIC_IDS, p.aesthetics),
        sampleRate: p.sampleRate as number,
        strength,
      };
      return;
    case 'source-outage': {
      const source = spec.sources[p.source as SourceId];
      source.outageRate = (p.rate as number) * strength;
      source.outageRegions = p.regions ? codes(REGIONS, p.regions) : [];
      return;
    }
    case 'stale-index':
      spec.annIndex.frozenThrough = f.onsetDay - 1;
      return;
    case 'feature-null': {
      spec.featurePipeline.version = bump(spec.featurePipeline.version);
      // A scoped fault: without an explicit scope it hits android.
      const unscoped = p.platform === undefined && p.appVersion === undefined && p.region === undefined;
      spec.featurePipeline.nulls.push({
        feature: code(FEATURE_NAMES, p.feature),
        rate: (p.rate as number) * strength,
        platform: unscoped ? code(PLATFORMS, 'android') : p.platform === undefined ? undefined : code(PLATFORMS, p.platform),
        appVersion: p.appVersion === undefined ? undefined : code(APP_VERSION_IDS, p.appVersion),
        region: p.region === undefined ? undefined : code(REGIONS, p.region),
      });
      return;
    }
    case 'training-serving-skew':
      spec.featurePipeline.version = bump(spec.featurePipeline.version);
      spec.featurePipeline.skew = {
        feature: code(FEATURE_NAMES, p.feature),
        scale: 1 + ((p.scale as number) - 1) * strength,
        shift: (p.shift as number) * strength,
      };
      return;
    case 'feedback-loop':
      spec.ranker.version = 'v12-auto';
      spec.ranker.retrainDaily = true;
      spec.ranker.retrainRate = (p.strength as number) * strength;
      spec.ranker.positionDebiasing = false;
      return;
    case 'position-bias-logging':
      spec.eventLogger.version = bump(spec.eventLogger.version);
      spec.eventLogger.positionMode = p.mode as PositionMode;
      spec.ranker.retrainDaily = true;
      return;
    case 'client-render-bug':
      spec.feedClient.renderBugs.push({ appVersion: code(APP_VERSION_IDS, p.appVersion), failureRate: (p.failureRate as number) * strength });
      return;
    case 'event-logging-loss':
      spec.eventLogger.version = bump(spec.eventLogger.version);
      spec.eventLogger.platformLoss = { platform: code(PLATFORMS, p.platform), rate: (p.rate as number) * strength };
      return;
    case 'trend-sparse-niche':
      spec.sources.trending.version = 'v3';
      spec.trendingMode = 'global';
      return;
    case 'experiment-interference':
      startExperiment(spec, f, strength, true);
      return;
  }
  void day;
}

/**
 * What the twin keeps of a fault. Most faults are a breakage and nothing else, so the twin
 * simply goes without them. A fault that breaks something the team meant to do keeps the
 * intent and loses the breakage, so the footprint shows what the breakage did: an experiment
 * whose arms share training data is, in the twin, the same experiment with isolated arms; a
 * nightly retrain fed wrong positions is, in the twin, the same retrain fed the right ones.
 */
function applyCounterfactual(spec: PipelineSpec, f: ResolvedFault, strength: number): void {
  switch (f.kind) {
    case 'experiment-interference':
      startExperiment(spec, f, strength, false);
      return;
    case 'position-bias-logging':
      // The nightly retrain the broken logs feed runs in the twin too, on correct positions.
      spec.ranker.retrainDaily = true;
      return;
    default:
      return;
  }
}

function startExperiment(spec: PipelineSpec, f: ResolvedFault, strength: number, sharedTraining: boolean): void {
  spec.experimentPlatform.version = bump(HEALTHY_PIPELINE.experimentPlatform.version);
  spec.experimentPlatform.experiment = { lift: (f.params.lift as number) * strength, sharedTraining };
}

function applyDistractor(spec: PipelineSpec, d: ResolvedDistractor, day: number): void {
  const p = d.params;
  const since = day - d.onsetDay;
  switch (d.kind) {
    case 'seasonality': {
      // Weekend days (6 and 7 of each week from the onset) lift activity and clicks.
      if (since < 0) return;
      const weekend = ((day - 1) % 7) >= 5;
      const lift = weekend ? (p.amplitude as number) : -(p.amplitude as number) * (2 / 5);
      spec.behaviour.activityMultiplier *= 1 + lift;
      spec.behaviour.clickLogitOffset += Math.log1p(lift);
      return;
    }
    case 'holiday':
      if (since >= 0 && since < (p.days as number)) {
        spec.behaviour.activityMultiplier *= 1 + (p.lift as number);
        spec.behaviour.clickLogitOffset += Math.log1p(p.lift as number);
      }
      return;
    case 'novelty-effect':
      if (since >= 0) {
        spec.feedClient.version = 'v43';
        const lift = (p.lift as number) * Math.pow(0.5, since / (p.halfLifeDays as number));
        spec.behaviour.clickLogitOffset += Math.log1p(lift);
      }
      return;
    case 'unrelated-deploy':
      // A version bump and nothing else: the changelog shows it, the data does not.
      if (since >= 0) setVersion(spec, p.component as string);
      return;
    case 'mix-shift':
      // Acts on who signs up (see the users), not on the pipeline.
      return;
  }
}

function setVersion(spec: PipelineSpec, component: string): void {
  const target = componentSpecs(spec)[component as ComponentId];
  target.version = bump(target.version);
}
