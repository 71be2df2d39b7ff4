// Slice keys (the vocabulary's dimensions): their values, and a dictionary-code column per
// log table, materialised once per table and cached, so a query only compares small integers.
import { brightnessBucket, freshnessBucket } from '../world/taxonomy.ts';
import { valuesOf } from './dimensionValues.ts';
import type { Dimension } from '../vocabulary.ts';
import type { World, WorldLogs } from '../world/world.ts';
import type { Table } from '../logs/table.ts';

export type TableId = keyof WorldLogs;

/** Code of a 0-based position in the position buckets (see dimensionValues.ts). */
const positionBucket = (p: number): number => (p < 10 ? p : p < 20 ? 10 : p < 30 ? 11 : 12);

export function dimensionValues(world: World, dimension: Dimension): readonly string[] {
  return valuesOf(dimension, world.config.days);
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
