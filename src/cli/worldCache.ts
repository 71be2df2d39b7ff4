// Worlds kept on disk between runs, so that no command generates the same world twice. An entry
// is keyed by everything a world is a function of — its config, the faults and distractors as
// resolved (parameters filled in), and the version of the code that generates it — and holds
// the world (or the factual world and its twin) as V8 serializes it: typed arrays byte for byte,
// shared objects shared. Entries past the size cap are dropped, least recently used first.
// A corrupt or unreadable entry is regenerated, never trusted.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { WorldConfig } from '../sim/config.ts';
import { worldKeyText } from '../sim/worldKey.ts';
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

function keyOf(kind: 'world' | 'pair', partial: Partial<WorldConfig>, changes: SimulationOptions): string | null {
  const text = worldKeyText(kind, partial, changes, codeVersion());
  // An invalid request has no key: the generator will say what is wrong.
  return text && `${kind}-${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
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
    const bytes = serialize(value);
    if (bytes.length > settings.maxBytes) return;
    const file = join(settings.dir, `${key}.v8`);
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
const isPair = (x: unknown): x is WorldPair => typeof x === 'object' && x !== null && isWorld((x as WorldPair).factual) && isWorld((x as WorldPair).twin);

/** What the cache holds for a request (null: nothing usable) and how to keep a new one. */
export interface CacheEntry<T> {
  hit: T | null;
  keep(value: T): void;
}

const NO_ENTRY: CacheEntry<never> = { hit: null, keep: () => {} };

/** The entry of a world and its twin. */
export function pairEntry(settings: CacheSettings | null, config: Partial<WorldConfig>, changes: SimulationOptions): CacheEntry<WorldPair> {
  const key = settings && keyOf('pair', config, changes);
  if (!settings || !key) return NO_ENTRY;
  return { hit: read(settings, key, isPair), keep: (pair) => write(settings, key, pair) };
}

/** The entry of one world: a cached pair's factual world will do. */
export function worldEntry(settings: CacheSettings | null, config: Partial<WorldConfig>, changes: SimulationOptions): CacheEntry<World> {
  const key = settings && keyOf('world', config, changes);
  if (!settings || !key) return NO_ENTRY;
  const pair = pairEntry(settings, config, changes).hit;
  return { hit: pair?.factual ?? read(settings, key, isWorld), keep: (world) => write(settings, key, world) };
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

/** The factual world and its twin: from the cache, or generated and kept. */
export function cachedPair(settings: CacheSettings | null, config: Partial<WorldConfig>, changes: SimulationOptions, generate: () => WorldPair): WorldPair {
  return cached(pairEntry(settings, config, changes), generate);
}

/** One world: from the cache (a cached pair's factual world will do), or generated and kept. */
export function cachedWorld(settings: CacheSettings | null, config: Partial<WorldConfig>, changes: SimulationOptions, generate: () => World): World {
  return cached(worldEntry(settings, config, changes), generate);
}
