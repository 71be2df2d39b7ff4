import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { simulateWorld } from '../src/sim/simulate.ts';
import { worldDigest } from '../src/sim/digest.ts';
import { SMALL } from './helpers/worlds.ts';

describe('a world is a pure function of config and seed', () => {
  const config = { ...SMALL, days: 4 };

  it('gives the same digest twice in one process', () => {
    expect(worldDigest(simulateWorld(config))).toBe(worldDigest(simulateWorld(config)));
  });

  it('gives the same digest in another process (the CLI)', () => {
    const inProcess = worldDigest(simulateWorld(config));
    const cli = execFileSync(
      'node',
      ['bin/faultline.js', 'digest', '--seed', '11', '--users', '3000', '--items', '6000', '--days', '4', '--quiet', '--no-cache'],
      { encoding: 'utf8' },
    ).trim();
    expect(cli).toMatch(/^[0-9a-f]{16}$/);
    expect(cli).toBe(inProcess);
  });

  it('gives a different digest for a different seed', () => {
    expect(worldDigest(simulateWorld({ ...config, seed: 12 }))).not.toBe(worldDigest(simulateWorld(config)));
  });

  it('leaves every user unchanged when the item count changes', () => {
    const a = simulateWorld({ ...config, days: 2 });
    const b = simulateWorld({ ...config, days: 2, items: 9000 });
    for (const key of ['signupDay', 'settledTenure', 'platform', 'appVersion', 'region', 'interest', 'taste', 'activity', 'latent'] as const) {
      expect(Array.from(b.users[key]), key).toEqual(Array.from(a.users[key]));
    }
    expect(Array.from(b.experimentArm)).toEqual(Array.from(a.experimentArm));
    expect(b.logs.impressions.rows).not.toBe(a.logs.impressions.rows);
  });

  it('rejects absurd sizes with the field named', () => {
    expect(() => simulateWorld({ users: 10_000_000 })).toThrow(/users: must be an integer from 200 to 200000/);
    expect(() => simulateWorld({ days: 0 })).toThrow(/days:/);
    expect(() => simulateWorld({ seed: -1 })).toThrow(/seed:/);
  });
});
