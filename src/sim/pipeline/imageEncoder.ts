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
  /** Probability the predicted aesthetic is right. */
  aestheticAccuracy: number;
  /** Noise of the visual embedding around the true vector. */
  embeddingNoise: number;
}

export const ENCODER_V1: EncoderSpec = { version: 'v1', aestheticAccuracy: 0.9, embeddingNoise: 0.22 };

export interface EncoderOutput {
  spec: EncoderSpec;
  predAesthetic: Uint8Array;
  predQuality: Uint8Array;
  /** P(low quality) as the encoder scores it; the label is this above 0.5. */
  lowScore: Float32Array;
  visual: Float32Array;
}

export function runImageEncoder(
  seed: number,
  items: Items,
  centres: Centres,
  spec: EncoderSpec,
): EncoderOutput {
  const rng = stream(seed, `encoder/image/${spec.version}`);
  const normal = normalFrom(rng);
  const n = items.count;
  const out: EncoderOutput = {
    spec,
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
