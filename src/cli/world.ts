// Generating a world (or a world and its fault-free twin) for a command, with progress on
// stderr when someone is watching — or reading it from the disk cache when this exact world was
// generated before (see worldCache.ts; `--no-cache` regenerates it).
import { simulatePair, simulateWorld, type SimulationOptions, type WorldPair } from '../sim/simulate.ts';
import type { WorldConfig } from '../sim/config.ts';
import type { World } from '../sim/world/world.ts';
import type { Progress } from '../sim/world/world.ts';
import { cachedPair, cachedWorld, cacheSettings } from './worldCache.ts';

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

export function generateWorld(config: Partial<WorldConfig>, flags: RunFlags = {}, changes: SimulationOptions = {}): World {
  return cachedWorld(cacheSettings(flags['no-cache']), config, changes, () => {
    const { onProgress, done } = progressFor(flags.quiet);
    const world = simulateWorld(config, { ...changes, onProgress });
    done();
    return world;
  });
}

export function generatePair(config: Partial<WorldConfig>, flags: RunFlags = {}, changes: SimulationOptions = {}): WorldPair {
  return cachedPair(cacheSettings(flags['no-cache']), config, changes, () => {
    const { onProgress, done } = progressFor(flags.quiet);
    const pair = simulatePair(config, { ...changes, onProgress });
    done();
    return pair;
  });
}
