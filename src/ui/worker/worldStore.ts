// Worlds kept in this browser (IndexedDB), so reopening a scenario, a submitted attempt or a
// transcript reads its world and twin instead of generating them again. Keyed by the hash of
// worldKey (config, distractors, the pipeline of each day, the generating code's version), stored as the browser
// clones them (typed arrays byte for byte) — the object graph in one record, the arrays in records
// of at most 64 MB each, since a browser refuses a single value the size of a full world. Past
// the cap the least recently used are dropped. Any failure (no IndexedDB, a full quota, a
// corrupt record) only costs speed: the world is generated as if nothing were kept.
import { worldKey, type WorldKey, type WorldRole } from '../../sim/worldKey.ts';
import type { WorldRequest } from '../../scenario/scenarioWorld.ts';
import type { World } from '../../sim/world/world.ts';

const DB_NAME = 'faultline-worlds';
const WORLDS = 'worlds';
const META = 'meta';
/** Enough for a few full-size worlds and their twins. */
export const WORLD_STORE_CAP_BYTES = 1.5 * 2 ** 30;

interface Meta {
  key: string;
  bytes: number;
  used: number;
  /** Records holding the world's arrays: `${key}/0` … (a browser refuses one record of a full world). */
  parts: number;
}

/** The most array bytes one record holds (Chromium refuses a value much over 128 MB). */
const PART_BYTES = 64 * 2 ** 20;

/** A world's object graph with each typed array replaced by its number, and the arrays. */
function split(world: World): { skeleton: unknown; arrays: ArrayBufferView[] } {
  const arrays: ArrayBufferView[] = [];
  const made = new Map<unknown, unknown>();
  const strip = (x: unknown): unknown => {
    if (typeof x !== 'object' || x === null) return x;
    if (made.has(x)) return made.get(x);
    if (ArrayBuffer.isView(x)) {
      const ref = { $array: arrays.push(x) - 1 };
      made.set(x, ref);
      return ref;
    }
    const copy: Record<string, unknown> = Array.isArray(x) ? ([] as unknown as Record<string, unknown>) : {};
    made.set(x, copy);
    for (const [k, v] of Object.entries(x)) copy[k] = strip(v);
    return copy;
  };
  return { skeleton: strip(world), arrays };
}

/** The world `split` took apart (shared objects stay shared). */
function join(skeleton: unknown, arrays: ArrayBufferView[]): unknown {
  const seen = new Set<unknown>();
  const fill = (x: unknown): unknown => {
    if (typeof x !== 'object' || x === null) return x;
    const ref = (x as { $array?: number }).$array;
    if (typeof ref === 'number') return arrays[ref];
    if (seen.has(x)) return x;
    seen.add(x);
    for (const [k, v] of Object.entries(x)) (x as Record<string, unknown>)[k] = fill(v);
    return x;
  };
  return fill(skeleton);
}

/** The arrays in consecutive groups of at most PART_BYTES (one group per record). */
function parts(arrays: ArrayBufferView[]): ArrayBufferView[][] {
  const out: ArrayBufferView[][] = [[]];
  let bytes = 0;
  for (const a of arrays) {
    if (bytes + a.byteLength > PART_BYTES && out[out.length - 1].length) {
      out.push([]);
      bytes = 0;
    }
    out[out.length - 1].push(a);
    bytes += a.byteLength;
  }
  return out;
}

let opening: Promise<IDBDatabase | null> | null = null;

function database(): Promise<IDBDatabase | null> {
  opening ??= new Promise((resolve) => {
    try {
      const request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = () => {
        request.result.createObjectStore(WORLDS);
        request.result.createObjectStore(META, { keyPath: 'key' });
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(null);
      request.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
  return opening;
}

const done = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
const committed = (tx: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = tx.onabort = () => reject(tx.error);
  });

/** The hash a world is stored under. */
export async function worldStoreKey(keyText: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(keyText));
  return Array.from(new Uint8Array(digest).subarray(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
}

const looksLikeWorld = (x: unknown): x is World =>
  typeof x === 'object' && x !== null && typeof (x as World).logs?.impressions?.rows === 'number';

export async function readWorld(key: string): Promise<World | null> {
  const db = await database();
  if (!db) return null;
  try {
    const tx = db.transaction([WORLDS, META], 'readwrite');
    const meta = (await done(tx.objectStore(META).get(key))) as Meta | undefined;
    if (!meta) return null;
    const skeleton = await done(tx.objectStore(WORLDS).get(key));
    const arrays: ArrayBufferView[] = [];
    for (let p = 0; p < meta.parts; p++) arrays.push(...((await done(tx.objectStore(WORLDS).get(`${key}/${p}`))) as ArrayBufferView[]));
    tx.objectStore(META).put({ ...meta, used: Date.now() });
    await committed(tx);
    const value = join(skeleton, arrays);
    return looksLikeWorld(value) ? value : null;
  } catch {
    return null;
  }
}

/** Every typed array under `x`, each once (a world shares objects: the twin's items are the world's). */
export function arraysOf(x: unknown, out: ArrayBufferView[] = [], seen = new Set<unknown>()): ArrayBufferView[] {
  if (typeof x !== 'object' || x === null || seen.has(x)) return out;
  seen.add(x);
  if (ArrayBuffer.isView(x)) out.push(x);
  else for (const v of Object.values(x)) arraysOf(v, out, seen);
  return out;
}

/** The bytes a world's arrays hold (what storing it costs, near enough). */
export function worldBytes(world: World): number {
  return arraysOf(world).reduce((bytes, a) => bytes + a.byteLength, 0);
}

export async function keepWorld(key: string, world: World): Promise<void> {
  const db = await database();
  if (!db) return;
  const bytes = worldBytes(world);
  if (bytes > WORLD_STORE_CAP_BYTES) return;
  try {
    const metas = (await done(db.transaction(META).objectStore(META).getAll())) as Meta[];
    const tx = db.transaction([WORLDS, META], 'readwrite');
    let total = metas.filter((m) => m.key !== key).reduce((sum, m) => sum + m.bytes, 0) + bytes;
    for (const m of metas.sort((a, b) => a.used - b.used)) {
      if (total <= WORLD_STORE_CAP_BYTES) break;
      if (m.key === key) continue;
      tx.objectStore(WORLDS).delete(m.key);
      for (let p = 0; p < (m.parts ?? 0); p++) tx.objectStore(WORLDS).delete(`${m.key}/${p}`);
      tx.objectStore(META).delete(m.key);
      total -= m.bytes;
    }
    const { skeleton, arrays } = split(world);
    const groups = parts(arrays);
    tx.objectStore(WORLDS).put(skeleton, key);
    groups.forEach((group, p) => tx.objectStore(WORLDS).put(group, `${key}/${p}`));
    tx.objectStore(META).put({ key, bytes, used: Date.now(), parts: groups.length } satisfies Meta);
    await committed(tx);
  } catch {
    // Quota or storage trouble: the world stays in memory, unkept.
  }
}

declare const __SIM_CODE_VERSION__: string;

/** Where the world of `role` for this request is kept in the browser (null: not keepable), and how to name it when read back. */
export async function storeKeyOf(role: WorldRole, { config, faults, distractors }: WorldRequest): Promise<{ key: string; label: WorldKey['label'] } | null> {
  const key = worldKey(role, config, { faults, distractors }, __SIM_CODE_VERSION__);
  return key && { key: await worldStoreKey(key.text), label: key.label };
}

/** The world of `role` from the browser's store, named as this request names it. */
export async function readKept(stored: { key: string; label: WorldKey['label'] } | null): Promise<World | null> {
  const kept = stored && (await readWorld(stored.key));
  return kept && stored.label(kept);
}
