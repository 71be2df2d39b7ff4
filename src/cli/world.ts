// Generating a world (or a world and its fault-free twin) for a command, with progress on
// stderr when someone is watching — or reading it from the disk cache when this exact world was
// generated before (see worldCache.ts; `--no-cache` regenerates it). Commands generate on every
// core (`loadWorld`, `loadPair`: each day's visits served in shards by worker threads); the
// synchronous `generateWorld`/`generatePair` run on this thread alone (tests, scripts) and give
// the same worlds.
import { simulatePair, simulateTwin, simulateWith, simulateWorld, type SimulationOptions, type WorldPair } from '../sim/simulate.ts';
import type { WorldConfig } from '../sim/config.ts';
import type { World } from '../sim/world/world.ts';
import type { Progress } from '../sim/world/world.ts';
import { cachedAsync, cachedPair, cachedPairAsync, cachedWorld, cacheSettings, worldEntry } from './worldCache.ts';
import { spareThreads, threadedServer } from './shardThreads.ts';

/** The flags every world-generating command takes (see WORLD_OPTIONS). */
export interface RunFlags {
  quiet?: boolean;
  'no-cache'?: boolean;
}

function progressFor(quiet: boolean | undefined): { onProgress?: Progress; done: () => void } {
  const show = !quiet && process.stderr.isTTY;
  return {
    onProgress: show
      ? (fraction, label) => process.stderr.write(`\r\x1b[2K  ${String(Math.round(fraction * 100)).padStart(3)}%  ${label}`)
      : undefined,
    done: () => {
      if (show) process.stderr.write('\r\x1b[2K');
    },
  };
}

/** Runs a generation with its progress shown (and the line cleared after, even on failure). */
function watched<T>(quiet: boolean | undefined, run: (onProgress?: Progress) => T): T {
  const { onProgress, done } = progressFor(quiet);
  try {
    const out = run(onProgress);
    return out instanceof Promise ? (out.finally(done) as T) : (done(), out);
  } catch (error) {
    done();
    throw error;
  }
}

export function generateWorld(config: Partial<WorldConfig>, flags: RunFlags = {}, changes: SimulationOptions = {}): World {
  return cachedWorld(cacheSettings(flags['no-cache']), config, changes, () =>
    watched(flags.quiet, (onProgress) => simulateWorld(config, { ...changes, onProgress })),
  );
}

export function generatePair(config: Partial<WorldConfig>, flags: RunFlags = {}, changes: SimulationOptions = {}): WorldPair {
  return cachedPair(cacheSettings(flags['no-cache']), config, changes, {
    pair: () => watched(flags.quiet, (onProgress) => simulatePair(config, { ...changes, onProgress })),
    world: () => watched(flags.quiet, (onProgress) => simulateWorld(config, { ...changes, onProgress })),
    twin: () => watched(flags.quiet, (onProgress) => simulateTwin(config, { ...changes, onProgress })),
  });
}

/** Simulates on every core: this thread and `spareThreads()` workers (none: this thread alone). */
export async function simulateThreaded(what: 'world' | 'pair' | 'twin', config: Partial<WorldConfig>, changes: SimulationOptions): Promise<{ factual?: World; twin?: World }> {
  const threads = spareThreads();
  if (threads === 0) {
    if (what === 'pair') return simulatePair(config, changes);
    return what === 'twin' ? { twin: simulateTwin(config, changes) } : { factual: simulateWorld(config, changes) };
  }
  return simulateWith((resolved, distractors) => threadedServer(threads, resolved, distractors), what, config, changes);
}

export function loadWorld(config: Partial<WorldConfig>, flags: RunFlags = {}, changes: SimulationOptions = {}): Promise<World> {
  return cachedAsync(worldEntry(cacheSettings(flags['no-cache']), config, changes), () =>
    watched(flags.quiet, async (onProgress) => (await simulateThreaded('world', config, { ...changes, onProgress })).factual!),
  );
}

export function loadPair(config: Partial<WorldConfig>, flags: RunFlags = {}, changes: SimulationOptions = {}): Promise<WorldPair> {
  const run = (what: 'world' | 'pair' | 'twin') => watched(flags.quiet, (onProgress) => simulateThreaded(what, config, { ...changes, onProgress }));
  return cachedPairAsync(cacheSettings(flags['no-cache']), config, changes, {
    pair: async () => {
      const { factual, twin } = await run('pair');
      return { factual: factual!, twin: twin! };
    },
    world: async () => (await run('world')).factual!,
    twin: async () => (await run('twin')).twin!,
  });
}
