// Slice keys (the vocabulary's dimensions): their values, and a dictionary-code column per
// log table, materialised once per table and cached, so a query only compares small integers.
import {
  AESTHETIC_IDS,
  APP_VERSION_IDS,
  BRIGHTNESS_BUCKETS,
  CATEGORIES,
  CREATOR_SIZES,
  EXPERIMENT_ARMS,
  FRESHNESS_BUCKETS,
  PLATFORMS,
  QUALITY_LABELS,
  REGIONS,
  SOURCES_LIST,
  SURFACES,
  TENURES,
  brightnessBucket,
  freshnessBucket,
} from './labels.ts';
import { FEATURE_NAMES } from '../pipeline/ranker.ts';
import type { Dimension } from '../vocabulary.ts';
import type { World, WorldLogs } from '../world/world.ts';
import type { Table } from '../logs/table.ts';

export type TableId = keyof WorldLogs;

/** Position buckets: each of the first ten slots, then ranges. */
export const POSITION_BUCKETS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11-20', '21-30', '31-60'];
const positionBucket = (p: number): number => (p < 10 ? p : p < 20 ? 10 : p < 30 ? 11 : 12);

export function dimensionValues(world: World, dimension: Dimension): readonly string[] {
  switch (dimension) {
    case 'tenure': return TENURES;
    case 'platform': return PLATFORMS;
    case 'region': return REGIONS;
    case 'app_version': return APP_VERSION_IDS;
    case 'user_interest':
    case 'aesthetic': return AESTHETIC_IDS;
    case 'category': return CATEGORIES;
    case 'brightness': return BRIGHTNESS_BUCKETS;
    case 'predicted_quality': return QUALITY_LABELS;
    case 'freshness': return FRESHNESS_BUCKETS;
    case 'creator_size': return CREATOR_SIZES;
    case 'source': return SOURCES_LIST;
    case 'position': return POSITION_BUCKETS;
    case 'surface': return SURFACES;
    case 'experiment_arm': return EXPERIMENT_ARMS;
    case 'feature': return FEATURE_NAMES;
    case 'day': return Array.from({ length: world.config.days }, (_, i) => String(i + 1));
  }
}

type Cols = Record<string, ArrayLike<number>>;
type Coder = (world: World, cols: Cols, rows: number) => Uint8Array | null;

const fromUser = (pick: (world: World) => ArrayLike<number>): Coder => (world, cols, rows) => {
  if (!cols.user) return null;
  const attr = pick(world);
  const user = cols.user;
  const out = new Uint8Array(rows);
  for (let r = 0; r < rows; r++) out[r] = attr[user[r]];
  return out;
};

const fromItem = (code: (world: World, item: number) => number): Coder => (world, cols, rows) => {
  if (!cols.item) return null;
  const item = cols.item;
  const out = new Uint8Array(rows);
  for (let r = 0; r < rows; r++) out[r] = code(world, item[r]);
  return out;
};

const column = (name: string, map?: (v: number) => number): Coder => (_world, cols, rows) => {
  const c = cols[name];
  if (!c) return null;
  const out = new Uint8Array(rows);
  for (let r = 0; r < rows; r++) out[r] = map ? map(c[r]) : c[r];
  return out;
};

const CODERS: Record<Dimension, Coder> = {
  tenure: column('tenure'),
  platform: fromUser((w) => w.users.platform),
  region: fromUser((w) => w.users.region),
  app_version: fromUser((w) => w.users.appVersion),
  user_interest: fromUser((w) => w.users.interest),
  experiment_arm: fromUser((w) => w.experimentArm),
  aesthetic: fromItem((w, i) => w.items.aesthetic[i]),
  category: fromItem((w, i) => w.items.category[i]),
  brightness: fromItem((w, i) => brightnessBucket(w.items.brightness[i])),
  creator_size: fromItem((w, i) => w.items.creatorSize[i]),
  // Quality label and freshness depend on the day: the encoder may change, items age.
  predicted_quality: (world, cols, rows) => {
    if (cols.predQuality) return column('predQuality')(world, cols, rows);
    if (!cols.item) return null;
    const out = new Uint8Array(rows);
    for (let r = 0; r < rows; r++) out[r] = world.encoderByDay[cols.day[r]].predQuality[cols.item[r]];
    return out;
  },
  freshness: (world, cols, rows) => {
    if (!cols.item) return null;
    const out = new Uint8Array(rows);
    for (let r = 0; r < rows; r++) out[r] = freshnessBucket(cols.day[r], world.items.createdDay[cols.item[r]]);
    return out;
  },
  source: column('source'),
  position: column('position', positionBucket),
  surface: column('surface'),
  feature: column('feature'),
  day: column('day'),
};

const cache = new WeakMap<Table, Map<Dimension, Uint8Array | null>>();

/** The code column of `dimension` for `table`, or null when the table has no such slice. */
export function dimensionCodes(world: World, table: Table, dimension: Dimension): Uint8Array | null {
  let perTable = cache.get(table);
  if (!perTable) {
    perTable = new Map();
    cache.set(table, perTable);
  }
  if (!perTable.has(dimension)) {
    perTable.set(dimension, CODERS[dimension](world, table.columns as Cols, table.rows));
  }
  return perTable.get(dimension)!;
}

/** Dimensions a table can be sliced by (computed from which entity columns it carries). */
export function tableDimensions(table: Table): Dimension[] {
  const cols = table.columns as Cols;
  const out: Dimension[] = [];
  if (cols.tenure) out.push('tenure');
  if (cols.user) out.push('platform', 'region', 'app_version', 'user_interest');
  if (cols.item) out.push('aesthetic', 'category', 'brightness', 'predicted_quality', 'freshness', 'creator_size');
  if (cols.source) out.push('source');
  if (cols.position) out.push('position');
  if (cols.surface) out.push('surface');
  if (cols.user) out.push('experiment_arm');
  out.push('day');
  if (cols.feature) out.push('feature');
  return out;
}
