// Worlds shared by the tests of one file: generated once per process, at fixed seeds.
import { generateWorld } from '../../src/cli/world.ts';
import type { WorldConfig } from '../../src/sim/config.ts';
import type { World } from '../../src/sim/world/world.ts';

const cache = new Map<string, World>();

export function world(config: Partial<WorldConfig> = {}): World {
  const key = JSON.stringify(config);
  let w = cache.get(key);
  if (!w) {
    w = generateWorld(config, { quiet: true });
    cache.set(key, w);
  }
  return w;
}

/** A world small enough to generate in about a second, big enough for stable statistics. */
export const SMALL = { seed: 11, users: 3000, items: 6000, days: 6 } as const;

/** Two-sided z-score of the difference between two cells. */
export function zDiff(a: { value: number | null; se: number | null }, b: { value: number | null; se: number | null }): number {
  return ((a.value ?? NaN) - (b.value ?? NaN)) / Math.hypot(a.se ?? NaN, b.se ?? NaN);
}
