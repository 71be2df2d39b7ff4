// Worlds kept in this browser (IndexedDB), so reopening a scenario, a submitted attempt or a
// transcript reads its world and twin instead of generating them again. Keyed by the hash of
// worldKeyText (config, resolved changes, the generating code's version), stored as the browser
// clones them (typed arrays byte for byte). Past the cap the least recently used are dropped.
// Any failure (no IndexedDB, a full quota, a corrupt record) only costs speed: the world is
// generated as if nothing were kept.
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
    const value = await done(tx.objectStore(WORLDS).get(key));
    if (!looksLikeWorld(value)) return null;
    const meta = (await done(tx.objectStore(META).get(key))) as Meta | undefined;
    if (meta) tx.objectStore(META).put({ ...meta, used: Date.now() });
    await committed(tx);
    return value;
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
      tx.objectStore(META).delete(m.key);
      total -= m.bytes;
    }
    tx.objectStore(WORLDS).put(world, key);
    tx.objectStore(META).put({ key, bytes, used: Date.now() } satisfies Meta);
    await committed(tx);
  } catch {
    // Quota or storage trouble: the world stays in memory, unkept.
  }
}
