// Generating a world (or a world and its fault-free twin) for a command, with progress on
// stderr when someone is watching.
import { simulatePair, simulateWorld, type SimulationOptions, type WorldPair } from '../sim/simulate.ts';
import type { WorldConfig } from '../sim/config.ts';
import type { World } from '../sim/world/world.ts';
import type { Progress } from '../sim/world/world.ts';

function progressFor(quiet: boolean): { onProgress?: Progress; done: () => void } {
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

export function generateWorld(config: Partial<WorldConfig>, quiet = false, changes: SimulationOptions = {}): World {
  const { onProgress, done } = progressFor(quiet);
  const world = simulateWorld(config, { ...changes, onProgress });
  done();
  return world;
}

export function generatePair(config: Partial<WorldConfig>, quiet = false, changes: SimulationOptions = {}): WorldPair {
  const { onProgress, done } = progressFor(quiet);
  const pair = simulatePair(config, { ...changes, onProgress });
  done();
  return pair;
}
