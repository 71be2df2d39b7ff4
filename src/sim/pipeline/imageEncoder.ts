// ingestion / image-encoder: predicts each item's aesthetic, a quality label (ok or
// low-quality, i.e. "blurry") and a visual embedding. Every encoder version is a pure function
// of the items and its own noise stream, so re-encoding the catalogue is reproducible.
import { AESTHETICS } from '../world/taxonomy.ts';
import { LOW_QUALITY_THRESHOLD, type Items } from '../world/items.ts';
import type { Centres } from '../world/centres.ts';
import { DIM, dotRows, normalizeRow } from '../vectors.ts';
import { normalFrom, sigmoid, stream } from '../random.ts';

export const QUALITY_OK = 0;
export const QUALITY_LOW = 1;

export interface EncoderSpec {
  version: string;
  /** Faults: pins of these aesthetics get `label` with probability `rate`. */
  mislabel: { aesthetics: number[]; label: number; rate: number } | null;
  /** Faults: these aesthetics' embeddings move toward one point by `strength`. */
  collapse: { aesthetics: number[]; strength: number } | null;
  /** Faults: images darker than `threshold` are called low quality with extra probability `rate`. */
  brightnessBias: { threshold: number; rate: number } | null;
  /** Probability the predicted aesthetic is right. */
  aestheticAccuracy: number;
  /** Noise of the visual embedding around the true vector. */
  embeddingNoise: number;
}

/** Spread of collapsed embeddings around the collapse point (the point has length 1). */
const COLLAPSE_NOISE = 0.3;

export const ENCODER_V1: EncoderSpec = {
  version: 'v1',
  aestheticAccuracy: 0.9,
  embeddingNoise: 0.13,
  mislabel: null,
  collapse: null,
  brightnessBias: null,
};

export interface EncoderOutput {
  spec: EncoderSpec;
  predAesthetic: Uint8Array;
  predQuality: Uint8Array;
  /** P(low quality) as the encoder scores it; the label is this above 0.5. */
  lowScore: Float32Array;
  visual: Float32Array;
}

/**
 * The encoder's output for `spec`: the base model's predictions (one fixed noise stream, so
 * every version agrees on everything a fault does not touch), then the faults' changes, each
 * drawing per-item numbers from its own stream (so a ramp only ever adds affected items).
 */
export function runImageEncoder(seed: number, items: Items, centres: Centres, spec: EncoderSpec): EncoderOutput {
  const base = baseEncoder(seed, items, centres, spec);
  if (!spec.mislabel && !spec.collapse && !spec.brightnessBias) return { ...base, spec };
  const out: EncoderOutput = {
    spec,
    predAesthetic: base.predAesthetic,
    predQuality: base.predQuality.slice(),
    lowScore: base.lowScore.slice(),
    visual: spec.collapse ? base.visual.slice() : base.visual,
  };
  if (spec.mislabel) {
    const { aesthetics, label, rate } = spec.mislabel;
    const rng = stream(seed, 'encoder/image/fault/mislabel');
    const u = new Float32Array(items.count);
    for (let i = 0; i < items.count; i++) u[i] = rng();
    for (const a of aesthetics) {
      // The broken quality head reacts to the look itself: the more typical a pin is of the
      // aesthetic, the likelier it is called low quality. Within each aesthetic the `rate`
      // share with the highest susceptibility is mislabelled (a higher rate only adds pins).
      const ids = items.byAesthetic[a];
      const typical = typicalityRanks(items, centres, a);
      const key = new Float64Array(ids.length);
      for (let j = 0; j < ids.length; j++) key[j] = TYPICALITY_WEIGHT * typical[j] + (1 - TYPICALITY_WEIGHT) * u[ids[j]];
      const order = Array.from(ids.keys()).sort((x, y) => key[x] - key[y]);
      const affected = Math.round(rate * ids.length);
      for (let r = 0; r < affected; r++) {
        const i = ids[order[r]];
        out.predQuality[i] = label;
        out.lowScore[i] = label === QUALITY_LOW ? 0.95 - 0.4 * (r / affected) : 0.45 * (r / affected);
      }
    }
  }
  if (spec.brightnessBias) {
    const { threshold, rate } = spec.brightnessBias;
    const rng = stream(seed, 'encoder/image/fault/brightness');
    for (let i = 0; i < items.count; i++) {
      const u = rng();
      if (items.brightness[i] < threshold && u < rate) {
        out.predQuality[i] = QUALITY_LOW;
        out.lowScore[i] = Math.max(out.lowScore[i], 0.55 + 0.4 * (1 - u / rate));
      }
    }
  }
  if (spec.collapse) {
    const { aesthetics, strength } = spec.collapse;
    // Every affected embedding is pulled toward one degenerate point — the "average image" (the
    // mean of every aesthetic's centre) that a collapsed head falls back to — plus noise of its
    // own: what set a pin apart is gone, so which collapsed pins are "nearest" is arbitrary, and
    // they land among generic, mostly mainstream neighbours.
    const point = new Float32Array(DIM);
    for (let a = 0; a < AESTHETICS.length; a++) for (let k = 0; k < DIM; k++) point[k] += centres.aesthetic[a * DIM + k];
    let norm = 0;
    for (let k = 0; k < DIM; k++) norm += point[k] * point[k];
    for (let k = 0; k < DIM; k++) point[k] /= Math.sqrt(norm) || 1;
    const normal = normalFrom(stream(seed, 'encoder/image/fault/collapse'));
    for (let i = 0; i < items.count; i++) {
      const affected = aesthetics.includes(items.aesthetic[i]);
      for (let k = 0; k < DIM; k++) {
        const noise = COLLAPSE_NOISE * normal();
        if (affected) out.visual[i * DIM + k] = (1 - strength) * out.visual[i * DIM + k] + strength * (point[k] + noise);
      }
      if (affected) normalizeRow(out.visual, i);
    }
  }

  return out;
}

/** How much a pin's typicality, rather than chance, decides whether a broken head mislabels it. */
const TYPICALITY_WEIGHT = 0.85;

/** For the items of aesthetic `a` (in `byAesthetic` order): rank quantile of typicality, 0 = most typical. */
function typicalityRanks(items: Items, centres: Centres, a: number): Float64Array {
  const ids = items.byAesthetic[a];
  const t = ids.map((i) => dotRows(items.latent, i, centres.aesthetic, a));
  const order = Array.from(ids.keys()).sort((x, y) => t[y] - t[x]);
  const q = new Float64Array(ids.length);
  order.forEach((j, r) => (q[j] = r / Math.max(1, ids.length - 1)));
  return q;
}

const baseCache = new WeakMap<Items, Map<string, Omit<EncoderOutput, 'spec'>>>();

function baseEncoder(seed: number, items: Items, centres: Centres, spec: EncoderSpec): Omit<EncoderOutput, 'spec'> {
  const key = `${seed}/${spec.aestheticAccuracy}/${spec.embeddingNoise}`;
  let perItems = baseCache.get(items);
  if (!perItems) baseCache.set(items, (perItems = new Map()));
  const cached = perItems.get(key);
  if (cached) return cached;
  const rng = stream(seed, 'encoder/image/v1');
  const normal = normalFrom(rng);
  const n = items.count;
  const out = {
    predAesthetic: new Uint8Array(n),
    predQuality: new Uint8Array(n),
    lowScore: new Float32Array(n),
    visual: new Float32Array(n * DIM),
  };
  const confusable = nearestOtherAesthetic(centres);
  for (let i = 0; i < n; i++) {
    const a = items.aesthetic[i];
    const r = rng();
    out.predAesthetic[i] =
      r < spec.aestheticAccuracy ? a : r < spec.aestheticAccuracy + 0.06 ? confusable[a] : Math.floor(rng() * AESTHETICS.length);
    const score = sigmoid(12 * (LOW_QUALITY_THRESHOLD - items.quality[i]) + 0.7 * normal());
    out.lowScore[i] = score;
    out.predQuality[i] = score > 0.5 ? QUALITY_LOW : QUALITY_OK;
    const o = i * DIM;
    for (let k = 0; k < DIM; k++) {
      out.visual[o + k] = items.latent[o + k] + spec.embeddingNoise * normal();
    }
    normalizeRow(out.visual, i);
  }
  perItems.set(key, out);
  return out;
}

/** For each aesthetic, the other one whose centre is closest: what a confused encoder says. */
function nearestOtherAesthetic(centres: Centres): Uint8Array {
  const out = new Uint8Array(AESTHETICS.length);
  for (let a = 0; a < AESTHETICS.length; a++) {
    let best = -Infinity;
    for (let b = 0; b < AESTHETICS.length; b++) {
      if (b === a) continue;
      const s = dotRows(centres.aesthetic, a, centres.aesthetic, b);
      if (s > best) {
        best = s;
        out[a] = b;
      }
    }
  }
  return out;
}
