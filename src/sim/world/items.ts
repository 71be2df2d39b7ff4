// Items (pins): true attributes drawn from the `items` stream only, so the user population
// never depends on how many items there are.
import {
  AESTHETICS,
  AESTHETIC_POPULARITY,
  CATEGORY_WEIGHTS,
  CREATOR_SIZE_WEIGHTS,
} from './taxonomy.ts';
import type { Centres } from './centres.ts';
import { DIM, normalizeRow } from '../vectors.ts';
import { cumulativeOf, drawCumulative, normalFrom, stream } from '../random.ts';

export interface Items {
  count: number;
  aesthetic: Uint8Array;
  category: Uint8Array;
  /** Image brightness in [0, 1]. */
  brightness: Float32Array;
  /** True image quality in [0, 1]; below LOW_QUALITY_THRESHOLD a careful human calls it blurry. */
  quality: Float32Array;
  creatorSize: Uint8Array;
  /** Day the pin was created; ≤ 0 is before the simulated window. */
  createdDay: Int16Array;
  /** True latent vector: what users really respond to. */
  latent: Float32Array;
  /** Item ids per true aesthetic. */
  byAesthetic: Int32Array[];
}

export const LOW_QUALITY_THRESHOLD = 0.45;
/** Share of the catalogue created during the simulated window rather than before it. */
const CREATED_IN_WINDOW = 0.2;
const CATALOGUE_HISTORY_DAYS = 120;

export function generateItems(seed: number, count: number, days: number, centres: Centres): Items {
  const rng = stream(seed, 'items');
  const normal = normalFrom(rng);
  const aestheticCum = cumulativeOf(AESTHETIC_POPULARITY);
  const categoryCum = cumulativeOf(CATEGORY_WEIGHTS);
  const creatorCum = cumulativeOf(CREATOR_SIZE_WEIGHTS);
  const items: Items = {
    count,
    aesthetic: new Uint8Array(count),
    category: new Uint8Array(count),
    brightness: new Float32Array(count),
    quality: new Float32Array(count),
    creatorSize: new Uint8Array(count),
    createdDay: new Int16Array(count),
    latent: new Float32Array(count * DIM),
    byAesthetic: [],
  };
  for (let i = 0; i < count; i++) {
    const a = drawCumulative(rng, aestheticCum);
    const c = drawCumulative(rng, categoryCum);
    const creator = drawCumulative(rng, creatorCum);
    items.aesthetic[i] = a;
    items.category[i] = c;
    items.creatorSize[i] = creator;
    items.brightness[i] = clamp01(AESTHETICS[a].brightness + 0.12 * normal());
    items.quality[i] = clamp01(0.7 + 0.05 * creator + 0.15 * normal());
    items.createdDay[i] =
      rng() < CREATED_IN_WINDOW
        ? 1 + Math.floor(rng() * days)
        : -Math.floor(rng() * CATALOGUE_HISTORY_DAYS);
    const o = i * DIM;
    for (let k = 0; k < DIM; k++) {
      items.latent[o + k] =
        centres.aesthetic[a * DIM + k] + 0.3 * centres.category[c * DIM + k] + 0.2 * normal();
    }
    normalizeRow(items.latent, i);
  }
  const sorted = sortForLocality(items, centres);
  sorted.byAesthetic = groupBy(sorted.aesthetic, AESTHETICS.length);
  return sorted;
}

/**
 * Renumbers items so that similar ones have neighbouring ids (by aesthetic, category, then a
 * projection of the true vector). Retrieval then reads nearby memory instead of jumping across
 * the whole catalogue, which is most of what serving a request costs.
 */
function sortForLocality(items: Items, centres: Centres): Items {
  const n = items.count;
  const key = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = items.aesthetic[i];
    let projection = 0;
    for (let k = 0; k < DIM; k++) projection += items.latent[i * DIM + k] * centres.category[k];
    key[i] = a * 1e4 + items.category[i] * 1e2 + (projection + 2) * 10 + i / (n * 10);
  }
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((x, y) => key[x] - key[y]);
  const pick = <T extends Uint8Array | Int16Array | Float32Array>(column: T): T => {
    const out = new (column.constructor as new (n: number) => T)(n);
    for (let j = 0; j < n; j++) out[j] = column[order[j]];
    return out;
  };
  const latent = new Float32Array(n * DIM);
  for (let j = 0; j < n; j++) latent.set(items.latent.subarray(order[j] * DIM, order[j] * DIM + DIM), j * DIM);
  return {
    count: n,
    aesthetic: pick(items.aesthetic),
    category: pick(items.category),
    brightness: pick(items.brightness),
    quality: pick(items.quality),
    creatorSize: pick(items.creatorSize),
    createdDay: pick(items.createdDay),
    latent,
    byAesthetic: [],
  };
}

export function groupBy(codes: Uint8Array, groups: number): Int32Array[] {
  const counts = new Int32Array(groups);
  for (let i = 0; i < codes.length; i++) counts[codes[i]]++;
  const out = Array.from({ length: groups }, (_, g) => new Int32Array(counts[g]));
  const fill = new Int32Array(groups);
  for (let i = 0; i < codes.length; i++) out[codes[i]][fill[codes[i]]++] = i;
  return out;
}

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);
