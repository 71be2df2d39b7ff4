// candidates / source:co-engagement's graph: "people who engaged with this also engaged with".
// Built offline once: behaviour follows true taste, so each item's neighbours are the items
// of its behavioural cluster closest to it in the true space — among the cluster's most engaged
// pins (the head of its posting list, which co-occur with everything) and a seeded sample.
import type { Items } from '../world/items.ts';
import { DIM, dot } from '../vectors.ts';
import { randomInt, type Rng } from '../random.ts';
import type { Buckets, ClusterIndex } from './clusterIndex.ts';
import { TopK } from './clusterIndex.ts';

export const CO_NEIGHBOURS = 8;
const CO_SAMPLE = 32;
/** Of the sample, this many are the cluster's most engaged pins. */
const CO_HEAD = 28;

/** `neighbours[i * CO_NEIGHBOURS + j]`: item i's j-th strongest neighbour (-1 when none). */
export function buildCoEngagementGraph(items: Items, index: ClusterIndex, buckets: Buckets, rng: Rng): Int32Array {
  const out = new Int32Array(items.count * CO_NEIGHBOURS).fill(-1);
  const top = new TopK(CO_NEIGHBOURS);
  const { offsets, ids } = buckets;
  for (let i = 0; i < items.count; i++) {
    const c = index.assignment[i];
    const start = offsets[c];
    const size = offsets[c + 1] - start;
    top.reset(CO_NEIGHBOURS);
    for (let t = 0; t < Math.min(CO_SAMPLE, size); t++) {
      const j = ids[start + (t < CO_HEAD ? t : randomInt(rng, size))];
      if (j !== i) top.push(j, dot(items.latent, i * DIM, items.latent, j * DIM));
    }
    top.sortDescending();
    for (let t = 0; t < top.size; t++) out[i * CO_NEIGHBOURS + t] = top.ids[t];
  }
  return out;
}
