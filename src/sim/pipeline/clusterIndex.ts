// candidates / ann-index: an inverted-file index. Vectors are bucketed by their nearest
// centroid; a query probes its nearest buckets and scores a window of each, so retrieval costs
// a few hundred dot products whatever the catalogue size (never a scan of every item).
import { DIM, dot } from '../vectors.ts';
import { normalFrom, randomInt, shuffleInPlace, type Rng } from '../random.ts';

export interface ClusterIndex {
  clusters: number;
  centroids: Float32Array;
  /** Nearest centroid of every vector. */
  assignment: Uint16Array;
  /** Item order used to fill buckets: a seeded shuffle, so a window is a fair sample. */
  order: Int32Array;
}

/**
 * Bucket contents for one build of the index (which items were live when it was built). Each
 * bucket's posting list is ordered by the engagement the items had when it was built, most
 * first — a search reads the head of every list it probes (see `annSearch`).
 */
export interface Buckets {
  offsets: Int32Array;
  ids: Int32Array;
}

export function trainClusterIndex(
  vectors: Float32Array,
  count: number,
  clusters: number,
  rng: Rng,
  iterations = 6,
): ClusterIndex {
  const normal = normalFrom(rng);
  const centroids = new Float32Array(clusters * DIM);
  // Seed centroids with random vectors plus jitter, then a few Lloyd iterations on a sample.
  for (let c = 0; c < clusters; c++) {
    const i = randomInt(rng, count);
    for (let k = 0; k < DIM; k++) centroids[c * DIM + k] = vectors[i * DIM + k] + 0.01 * normal();
  }
  const sample = Math.min(count, clusters * 40);
  const sampleIds = new Int32Array(sample);
  for (let s = 0; s < sample; s++) sampleIds[s] = randomInt(rng, count);
  const sums = new Float64Array(clusters * DIM);
  const sizes = new Int32Array(clusters);
  for (let it = 0; it < iterations; it++) {
    sums.fill(0);
    sizes.fill(0);
    for (let s = 0; s < sample; s++) {
      const i = sampleIds[s];
      const c = nearestCentroid(centroids, clusters, vectors, i * DIM);
      sizes[c]++;
      for (let k = 0; k < DIM; k++) sums[c * DIM + k] += vectors[i * DIM + k];
    }
    for (let c = 0; c < clusters; c++) {
      if (sizes[c] === 0) continue;
      for (let k = 0; k < DIM; k++) centroids[c * DIM + k] = sums[c * DIM + k] / sizes[c];
    }
  }
  const assignment = new Uint16Array(count);
  for (let i = 0; i < count; i++) assignment[i] = nearestCentroid(centroids, clusters, vectors, i * DIM);
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  shuffleInPlace(rng, order);
  return { clusters, centroids, assignment, order };
}

/** The same centroids and bucket order with every vector re-assigned (a new encoder's output). */
export function reassignClusterIndex(index: ClusterIndex, vectors: Float32Array): ClusterIndex {
  const count = index.assignment.length;
  const assignment = new Uint16Array(count);
  for (let i = 0; i < count; i++) {
    assignment[i] = nearestCentroid(index.centroids, index.clusters, vectors, i * DIM);
  }
  return { ...index, assignment };
}

export function nearestCentroid(
  centroids: Float32Array,
  clusters: number,
  vectors: Float32Array,
  offset: number,
): number {
  let best = 0;
  let bestScore = -Infinity;
  for (let c = 0; c < clusters; c++) {
    const s = dot(centroids, c * DIM, vectors, offset);
    if (s > bestScore) {
      bestScore = s;
      best = c;
    }
  }
  return best;
}

/**
 * Buckets holding the items `include` admits (e.g. created before the last refresh), each
 * posting list ordered by `engagement` (most first; ties keep the seeded shuffle) when given.
 */
export function buildBuckets(index: ClusterIndex, include: (item: number) => boolean, engagement?: Float32Array): Buckets {
  const { clusters, assignment, order } = index;
  const offsets = new Int32Array(clusters + 1);
  for (let j = 0; j < order.length; j++) {
    const i = order[j];
    if (include(i)) offsets[assignment[i] + 1]++;
  }
  for (let c = 0; c < clusters; c++) offsets[c + 1] += offsets[c];
  const ids = new Int32Array(offsets[clusters]);
  const fill = offsets.slice(0, clusters);
  for (let j = 0; j < order.length; j++) {
    const i = order[j];
    if (include(i)) ids[fill[assignment[i]]++] = i;
  }
  if (engagement) {
    for (let c = 0; c < clusters; c++) {
      const list = ids.subarray(offsets[c], offsets[c + 1]);
      // Positions in the list sorted (most engaged first; ties keep the seeded shuffle's order).
      const at = Array.from(list, (_, j) => j).sort((x, y) => engagement[list[y]] - engagement[list[x]] || x - y);
      list.set(at.map((j) => list[j]));
    }
  }
  return { offsets, ids };
}

/**
 * Reusable top-k buffer: a min-heap of the k best (id, score) pairs seen, so a push costs
 * O(log k). Call `sortDescending()` before reading `ids`/`scores` in rank order.
 */
export class TopK {
  ids: Int32Array;
  scores: Float32Array;
  size = 0;
  k = 0;
  constructor(readonly capacity: number) {
    this.ids = new Int32Array(capacity);
    this.scores = new Float32Array(capacity);
  }
  reset(k: number): void {
    this.size = 0;
    this.k = Math.min(k, this.capacity);
  }
  push(id: number, score: number): void {
    const { ids, scores } = this;
    if (this.size < this.k) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (scores[parent] <= score) break;
        scores[i] = scores[parent];
        ids[i] = ids[parent];
        i = parent;
      }
      scores[i] = score;
      ids[i] = id;
    } else if (this.k > 0 && score > scores[0]) {
      this.siftDown(0, id, score, this.size);
    }
  }
  private siftDown(from: number, id: number, score: number, size: number): void {
    const { ids, scores } = this;
    let i = from;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && scores[child + 1] < scores[child]) child++;
      if (scores[child] >= score) break;
      scores[i] = scores[child];
      ids[i] = ids[child];
      i = child;
    }
    scores[i] = score;
    ids[i] = id;
  }
  /** Orders the kept pairs best first (heap sort: repeatedly move the minimum to the end). */
  sortDescending(): void {
    for (let end = this.size - 1; end > 0; end--) {
      const id = this.ids[end];
      const score = this.scores[end];
      this.ids[end] = this.ids[0];
      this.scores[end] = this.scores[0];
      this.siftDown(0, id, score, end);
    }
  }
}

const probeScratch = new TopK(8);

/**
 * Approximate nearest neighbours of `query` among bucketed `vectors`: probe the `nprobe`
 * nearest buckets, score a `window` of each — the first `head` of its posting list (the most
 * engaged items, as production indexes order lists by a static score) and the rest from a random
 * start — keep the best `out.k`. Item i's vector is read at `vectors[i * stride + base]`.
 */
export function annSearch(
  index: ClusterIndex,
  buckets: Buckets,
  vectors: Float32Array,
  stride: number,
  base: number,
  query: Float32Array,
  nprobe: number,
  window: number,
  head: number,
  rng: Rng,
  out: TopK,
): void {
  const { centroids, clusters } = index;
  probeScratch.reset(nprobe);
  for (let c = 0; c < clusters; c++) probeScratch.push(c, dot(centroids, c * DIM, query, 0));
  for (let p = 0; p < probeScratch.size; p++) {
    const c = probeScratch.ids[p];
    const start = buckets.offsets[c];
    const size = buckets.offsets[c + 1] - start;
    if (size === 0) continue;
    const take = Math.min(window, size);
    const top = Math.min(take, head);
    for (let j = 0; j < top; j++) {
      const item = buckets.ids[start + j];
      out.push(item, dot(vectors, item * stride + base, query, 0));
    }
    // The rest of the window from a random start among the items the head did not cover.
    const rest = size - top;
    let j = top + (rest > 0 ? randomInt(rng, rest) : 0);
    for (let t = top; t < take; t++) {
      const item = buckets.ids[start + j];
      out.push(item, dot(vectors, item * stride + base, query, 0));
      if (++j === size) j = top;
    }
  }
}
