// Worlds kept on disk between runs, so that no command generates the same world twice. An entry
// holds one world as V8 serializes it (typed arrays byte for byte), keyed by everything its data
// is a function of — the config, the distractors, the pipeline as it runs each day, the version
// of the generating code (src/sim/worldKey.ts) — so a pair is two entries, and the fault-free
// twin of most faults is the same entry as the healthy world and as every other such twin.
// Entries past the size cap are dropped, least recently used first. A corrupt or unreadable
// entry is regenerated, never trusted.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { WorldConfig } from '../sim/config.ts';
import { worldKey, type WorldKey, type WorldRole } from '../sim/worldKey.ts';
import type { SimulationOptions, WorldPair } from '../sim/simulate.ts';
import type { World } from '../sim/world/world.ts';
import { REPO_ROOT } from './paths.ts';

export interface CacheSettings {
  dir: string;
  maxBytes: number;
}

const DEFAULT_MAX_MB = 2048;

/**
 * Where the cache lives and how big it may grow: FAULTLINE_CACHE_DIR (default
 * $XDG_CACHE_HOME/faultline or ~/.cache/faultline) and FAULTLINE_CACHE_MB (default 2048).
 * `FAULTLINE_CACHE=off` or a command's `--no-cache` flag turns it off (null).
 */
export function cacheSettings(bypass = false, env: NodeJS.ProcessEnv = process.env): CacheSettings | null {
  if (bypass || env.FAULTLINE_CACHE === 'off') return null;
  const base = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  const mb = Number(env.FAULTLINE_CACHE_MB ?? DEFAULT_MAX_MB);
  return { dir: env.FAULTLINE_CACHE_DIR || join(base, 'faultline'), maxBytes: (Number.isFinite(mb) && mb >= 0 ? mb : DEFAULT_MAX_MB) * 2 ** 20 };
}

let codeHash: string | null = null;

/** A hash of the world-generating code (src/sim), so a changed simulator never reads old worlds. */
export function codeVersion(): string {
  if (codeHash) return codeHash;
  const h = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) h.update(entry.name).update(readFileSync(path));
    }
  };
  walk(join(REPO_ROOT, 'src', 'sim'));
  codeHash = h.digest('hex').slice(0, 16);
  return codeHash;
}

interface Key {
  name: string;
  label: WorldKey['label'];
}

function keyOf(role: WorldRole, partial: Partial<WorldConfig>, changes: SimulationOptions): Key | null {
  const key = worldKey(role, partial, changes, codeVersion());
  // An invalid request has no key: the generator will say what is wrong.
  return key && { name: `world-${createHash('sha256').update(key.text).digest('hex').slice(0, 32)}`, label: key.label };
}

function read<T>(settings: CacheSettings, key: string, valid: (x: unknown) => x is T): T | null {
  const file = join(settings.dir, `${key}.v8`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return null;
  }
  try {
    const value = deserialize(bytes) as unknown;
    if (!valid(value)) throw new Error('not a world');
    const now = new Date();
    utimesSync(file, now, now); // recently used: the last to be evicted
    return value;
  } catch {
    rmSync(file, { force: true });
    return null;
  }
}

function write(settings: CacheSettings, key: string, value: unknown): void {
  try {
    mkdirSync(settings.dir, { recursive: true });
    const file = join(settings.dir, `${key}.v8`);
    // An entry's content is fixed by its key: one already there (written by another process, or
    // as the twin that is also the factual world) is as good as this one.
    if (existsSync(file)) return;
    const bytes = serialize(value);
    if (bytes.length > settings.maxBytes) return;
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, bytes);
    renameSync(tmp, file);
    evict(settings);
  } catch {
    // A cache that cannot be written (read-only home, full disk) only costs speed.
  }
}

/** Drops the least recently used entries until the cache fits its cap. */
function evict(settings: CacheSettings): void {
  const entries = readdirSync(settings.dir)
    .filter((name) => name.endsWith('.v8'))
    .map((name) => {
      const stat = statSync(join(settings.dir, name), { throwIfNoEntry: false });
      return { name, size: stat?.size ?? 0, used: stat?.mtimeMs ?? 0 };
    })
    .sort((a, b) => a.used - b.used);
  let total = entries.reduce((sum, e) => sum + e.size, 0);
  for (const e of entries) {
    if (total <= settings.maxBytes) break;
    rmSync(join(settings.dir, e.name), { force: true });
    total -= e.size;
  }
}

const isWorld = (x: unknown): x is World =>
  typeof x === 'object' && x !== null && typeof (x as World).logs?.impressions?.rows === 'number';

/** What the cache holds for a request (null: nothing usable) and how to keep a new one. */
export interface CacheEntry<T> {
  hit: T | null;
  keep(value: T): void;
}

const NO_ENTRY: CacheEntry<never> = { hit: null, keep: () => {} };

/** The entry of one world: the factual world of a request, or its fault-free twin. */
export function worldEntry(settings: CacheSettings | null, config: Partial<WorldConfig>, changes: SimulationOptions, role: WorldRole = 'world'): CacheEntry<World> {
  const key = settings && keyOf(role, config, changes);
  if (!settings || !key) return NO_ENTRY;
  const kept = read(settings, key.name, isWorld);
  return { hit: kept && key.label(kept), keep: (world) => write(settings, key.name, world) };
}

/** What completes a pair when the cache holds part of it. */
export type PairNeed = 'pair' | 'world' | 'twin' | null;

/**
 * A world and its twin are kept as two worlds, so a pair shares its twin with every pair whose
 * faults leave the same healthy world behind (and with that world asked for alone): `need` says
 * what is left to generate — both, the factual world, the twin, or nothing — and `complete`
 * assembles the pair from what was made and keeps what was new.
 */
export function pairEntry(settings: CacheSettings | null, config: Partial<WorldConfig>, changes: SimulationOptions) {
  const factual = worldEntry(settings, config, changes, 'world');
  const twin = worldEntry(settings, config, changes, 'twin');
  const need: PairNeed = factual.hit && twin.hit ? null : factual.hit ? 'twin' : twin.hit ? 'world' : 'pair';
  return {
    need,
    complete(made: WorldPair | World | null): WorldPair {
      const pair =
        need === 'pair' ? (made as WorldPair) : { factual: factual.hit ?? (made as World), twin: twin.hit ?? (made as World) };
      if (!factual.hit) factual.keep(pair.factual);
      if (!twin.hit) twin.keep(pair.twin); // (no second write when the world is its own twin)
      return pair;
    },
  };
}

/** From the cache, or generated and kept. */
export function cached<T>(entry: CacheEntry<T>, generate: () => T): T {
  if (entry.hit) return entry.hit;
  const value = generate();
  entry.keep(value);
  return value;
}

/** `cached` for a generator that takes its time (worker threads). */
export async function cachedAsync<T>(entry: CacheEntry<T>, generate: () => Promise<T>): Promise<T> {
  if (entry.hit) return entry.hit;
  const value = await generate();
  entry.keep(value);
  return value;
}

/** How to generate each part of a pair. */
export interface PairMakers<P, W> {
  pair: () => P;
  world: () => W;
  twin: () => W;
}

/** The factual world and its twin: from the cache, generating only the part it lacks. */
export function cachedPair(settings: CacheSettings | null, config: Partial<WorldConfig>, changes: SimulationOptions, make: PairMakers<WorldPair, World>): WorldPair {
  const entry = pairEntry(settings, config, changes);
  return entry.complete(entry.need && make[entry.need]());
}

/** `cachedPair` for generators that take their time (worker threads). */
export async function cachedPairAsync(
  settings: CacheSettings | null,
  config: Partial<WorldConfig>,
  changes: SimulationOptions,
  make: PairMakers<Promise<WorldPair>, Promise<World>>,
): Promise<WorldPair> {
  const entry = pairEntry(settings, config, changes);
  return entry.complete(entry.need && (await make[entry.need]()));
}

/** One world: from the cache, or generated and kept. */
export function cachedWorld(settings: CacheSettings | null, config: Partial<WorldConfig>, changes: SimulationOptions, generate: () => World): World {
  return cached(worldEntry(settings, config, changes), generate);
}
