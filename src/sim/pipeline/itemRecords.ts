// Everything serving reads about an item, packed into one fixed-width record per item and
// rebuilt each night. Retrieval and feature computation touch a few hundred random items per
// request; reading one record instead of six separate arrays is what keeps that cheap.
import type { Items } from '../world/items.ts';
import type { EncoderOutput } from './imageEncoder.ts';
import { DIM } from '../vectors.ts';

export const RECORD_WIDTH = 20;
export const REC_VISUAL = 0;
export const REC_TEXT = DIM;
export const REC_POPULARITY = 2 * DIM;
export const REC_PRED_AESTHETIC = 2 * DIM + 1;
export const REC_PRED_QUALITY = 2 * DIM + 2;
export const REC_CREATED_DAY = 2 * DIM + 3;

export function buildItemRecords(
  items: Items,
  encoder: EncoderOutput,
  text: Float32Array,
  popularity: Float32Array,
): Float32Array {
  const out = new Float32Array(items.count * RECORD_WIDTH);
  for (let i = 0; i < items.count; i++) {
    const o = i * RECORD_WIDTH;
    out.set(encoder.visual.subarray(i * DIM, i * DIM + DIM), o + REC_VISUAL);
    out.set(text.subarray(i * DIM, i * DIM + DIM), o + REC_TEXT);
    out[o + REC_POPULARITY] = popularity[i];
    out[o + REC_PRED_AESTHETIC] = encoder.predAesthetic[i];
    out[o + REC_PRED_QUALITY] = encoder.predQuality[i];
    out[o + REC_CREATED_DAY] = items.createdDay[i];
  }
  return out;
}
