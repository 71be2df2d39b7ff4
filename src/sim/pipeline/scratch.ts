// Buffers reused by every request of a simulation run, so serving a session allocates nothing.
import { AESTHETICS } from '../world/taxonomy.ts';
import { SOURCES } from '../vocabulary.ts';
import { DIM } from '../vectors.ts';
import { TopK } from './clusterIndex.ts';
import { FEATURES } from './ranker.ts';

export const MAX_CANDIDATES = 160;
export const MAX_ANCHORS = 8;

export class RequestScratch {
  readonly visualQuery = new Float32Array(DIM);
  readonly textQuery = new Float32Array(DIM);
  /** Visual embeddings of the items the user picked or engaged with recently. */
  readonly anchors = new Float32Array(MAX_ANCHORS * DIM);
  anchorCount = 0;
  /** The user's engagement profile over predicted aesthetics (shares). */
  readonly profile = new Float32Array(AESTHETICS.length);
  readonly top = new TopK(64);

  /** Deduplicated candidates of the request and the source that retrieved each first. */
  readonly candidates = new Int32Array(MAX_CANDIDATES);
  readonly candidateSource = new Uint8Array(MAX_CANDIDATES);
  count = 0;
  /** Feature values as serving used them, and as the training pipeline computes them. */
  readonly features = new Float32Array(MAX_CANDIDATES * FEATURES);
  readonly trainingFeatures = new Float32Array(MAX_CANDIDATES * FEATURES);
  readonly scores = new Float32Array(MAX_CANDIDATES);
  /** The experiment treatment's visual-match score per candidate (NaN when not computed). */
  readonly match = new Float32Array(MAX_CANDIDATES);
  /** True affinity of the user with each candidate and its NDCG gain (hidden ground truth). */
  readonly affinity = new Float32Array(MAX_CANDIDATES);
  readonly gain = new Float32Array(MAX_CANDIDATES);
  readonly order = new Int32Array(MAX_CANDIDATES);

  /** Per source: candidates returned, latency, timed out. */
  readonly sourceCount = new Uint8Array(SOURCES.length);
  readonly sourceLatency = new Float32Array(SOURCES.length);
  readonly sourceTimeout = new Uint8Array(SOURCES.length);

  /** Stamp per item: equals `stamp` when the item is already a candidate of this request. */
  private readonly seen: Int32Array;
  private stamp = 0;

  constructor(itemCount: number) {
    this.seen = new Int32Array(itemCount);
  }

  beginRequest(): void {
    this.count = 0;
    this.stamp++;
  }

  /** Adds `item` unless present; returns whether it was added. */
  add(item: number, source: number): boolean {
    if (this.seen[item] === this.stamp || this.count === MAX_CANDIDATES) return false;
    this.seen[item] = this.stamp;
    this.candidates[this.count] = item;
    this.candidateSource[this.count] = source;
    this.count++;
    return true;
  }

  has(item: number): boolean {
    return this.seen[item] === this.stamp;
  }
}
