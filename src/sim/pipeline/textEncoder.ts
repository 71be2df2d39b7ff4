// ingestion / text-encoder: embeds titles and descriptions. Text says less about an image than
// pixels do, so its embedding sits further from the true vector than the visual one.
import type { Items } from '../world/items.ts';
import { DIM, normalizeRow } from '../vectors.ts';
import { normalFrom, stream } from '../random.ts';

export interface TextEncoderSpec {
  version: string;
  noise: number;
}

export const TEXT_ENCODER_V1: TextEncoderSpec = { version: 'v1', noise: 0.55 };

export function runTextEncoder(seed: number, items: Items, spec: TextEncoderSpec): Float32Array {
  const normal = normalFrom(stream(seed, `encoder/text/${spec.version}`));
  const out = new Float32Array(items.count * DIM);
  for (let i = 0; i < items.count; i++) {
    const o = i * DIM;
    for (let k = 0; k < DIM; k++) out[o + k] = items.latent[o + k] + spec.noise * normal();
    normalizeRow(out, i);
  }
  return out;
}
