// Generating a world for a command, with progress on stderr when someone is watching.
import { simulateWorld } from '../sim/simulate.ts';
import type { WorldConfig } from '../sim/config.ts';
import type { World } from '../sim/world/world.ts';

export function generateWorld(config: Partial<WorldConfig>, quiet = false): World {
  const show = !quiet && process.stderr.isTTY;
  const world = simulateWorld(config, {
    onProgress: show
      ? (fraction, label) => {
          process.stderr.write(`\r\x1b[2K  ${String(Math.round(fraction * 100)).padStart(3)}%  ${label}`);
        }
      : undefined,
  });
  if (show) process.stderr.write('\r\x1b[2K');
  return world;
}
