// Everything a request is served from on one day: encoder outputs, the indexes as last
// refreshed, trending and fresh lists, the ranker, and the users' histories. Built once per
// day by the simulation and read by every session of that day.
import type { Items } from '../world/items.ts';
import type { Users } from '../world/users.ts';
import type { Histories } from '../world/history.ts';
import type { ItemStats } from '../world/itemStats.ts';
import type { EncoderOutput } from './imageEncoder.ts';
import type { Buckets, ClusterIndex } from './clusterIndex.ts';
import type { PipelineSpec } from './spec.ts';
import type { Ranker } from './ranker.ts';
import type { ArmModels } from './experiment.ts';

export interface Indexes {
  visual: ClusterIndex;
  text: ClusterIndex;
  /** Behavioural neighbourhoods (who engages with what), the basis of co-engagement. */
  co: ClusterIndex;
}

export interface ServingDay {
  day: number;
  spec: PipelineSpec;
  items: Items;
  users: Users;
  encoder: EncoderOutput;
  text: Float32Array;
  indexes: Indexes;
  visualBuckets: Buckets;
  textBuckets: Buckets;
  /** Co-engagement graph: CO_NEIGHBOURS neighbours per item. */
  coGraph: Int32Array;
  /** Last day whose items the embedding indexes contain. */
  indexBuiltThrough: number;
  trending: Int32Array;
  /** The one list global trending serves from (see `globalTrending`); empty unless in use. */
  globalTrending: Int32Array;
  /** Trending pins within each predicted aesthetic (for per-interest trending). */
  trendingByAesthetic: Int32Array[];
  fresh: Int32Array;
  stats: ItemStats;
  /** Per-item serving records (embeddings, labels, popularity as of last night). */
  records: Float32Array;
  history: Histories;
  ranker: Ranker;
  experimentArm: Uint8Array;
  /** A running experiment's per-arm models (null when none runs). */
  arms: ArmModels | null;
}
