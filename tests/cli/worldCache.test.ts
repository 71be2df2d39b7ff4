// The CLI's world cache: a world generated once is read back (same digest) instead of being
// generated again; --no-cache regenerates; the cap evicts the least recently used; a corrupt
// entry is regenerated, never trusted.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { cachedPair, cachedWorld, cacheSettings, type CacheSettings } from '../../src/cli/worldCache.ts';
import { simulatePair, simulateTwin, simulateWorld, type SimulationOptions } from '../../src/sim/simulate.ts';
import { worldDigest } from '../../src/sim/digest.ts';

const TINY = { seed: 5, users: 300, items: 800, days: 3 };
const FAULT = { faults: [{ kind: 'encoder-mislabel' as const, onsetDay: 2 }] };
const made: string[] = [];
const tempDir = () => (made.push(mkdtempSync(join(tmpdir(), 'faultline-cache-test-'))), made.at(-1)!);
const fresh = (maxMb = 1024): CacheSettings => ({ dir: tempDir(), maxBytes: maxMb * 2 ** 20 });
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const entries = (s: CacheSettings) => readdirSync(s.dir).filter((f) => f.endsWith('.v8'));

describe('the world cache', () => {
  /** Pair makers that count what they generate. */
  const counting = (config: typeof TINY, changes: SimulationOptions, made: string[]) => ({
    pair: () => (made.push('pair'), simulatePair(config, changes)),
    world: () => (made.push('world'), simulateWorld(config, changes)),
    twin: () => (made.push('twin'), simulateTwin(config, changes)),
  });

  it('generates a pair once and reads it back with the same digests', () => {
    const settings = fresh();
    const generated: string[] = [];
    const first = cachedPair(settings, TINY, FAULT, counting(TINY, FAULT, generated));
    const second = cachedPair(settings, TINY, FAULT, counting(TINY, FAULT, generated));
    expect(generated).toEqual(['pair']);
    expect(worldDigest(second.factual)).toBe(worldDigest(first.factual));
    expect(worldDigest(second.twin)).toBe(worldDigest(first.twin));
    expect(second.twin.counterfactual).toBe(true);
    expect(second.twin.faults).toEqual([]);
    expect(second.factual.faults.map((f) => f.kind)).toEqual(['encoder-mislabel']);
    // A world request is answered by the cached pair's factual side.
    const world = cachedWorld(settings, TINY, FAULT, () => (generated.push('world'), simulateWorld(TINY, FAULT)));
    expect(generated).toEqual(['pair']);
    expect(worldDigest(world)).toBe(worldDigest(first.factual));
  });

  it('shares a twin between the faults that leave the same healthy world, and with that world', () => {
    const settings = fresh();
    const generated: string[] = [];
    const first = cachedPair(settings, TINY, FAULT, counting(TINY, FAULT, generated));
    // Another fault at the same seed: its twin (the healthy world) is already kept.
    const stale = { faults: [{ kind: 'stale-index' as const, onsetDay: 2 }] };
    const second = cachedPair(settings, TINY, stale, counting(TINY, stale, generated));
    expect(generated).toEqual(['pair', 'world']);
    expect(worldDigest(second.twin)).toBe(worldDigest(first.twin));
    expect(worldDigest(second.factual)).toBe(worldDigest(simulateWorld(TINY, stale)));
    expect(second.factual.faults.map((f) => f.kind)).toEqual(['stale-index']);
    // The healthy world asked for alone is that twin, named as a world without faults.
    const healthy = cachedWorld(settings, TINY, {}, () => (generated.push('healthy'), simulateWorld(TINY)));
    expect(generated).toEqual(['pair', 'world']);
    expect(worldDigest(healthy)).toBe(worldDigest(simulateWorld(TINY)));
    expect(healthy.counterfactual).toBe(false);
    // A fault whose twin keeps the team's intent (the nightly retrain the broken logs fed still
    // runs, on correct positions) has a twin of its own.
    const logging = { faults: [{ kind: 'position-bias-logging' as const, onsetDay: 2 }] };
    const third = cachedPair(settings, TINY, logging, counting(TINY, logging, generated));
    expect(generated).toEqual(['pair', 'world', 'pair']);
    expect(worldDigest(third.twin)).not.toBe(worldDigest(first.twin));
  });

  it('completes a pair whose factual world is kept by generating the twin alone', () => {
    const settings = fresh();
    const generated: string[] = [];
    const world = cachedWorld(settings, TINY, FAULT, () => simulateWorld(TINY, FAULT));
    const pair = cachedPair(settings, TINY, FAULT, counting(TINY, FAULT, generated));
    expect(generated).toEqual(['twin']);
    expect(worldDigest(pair.factual)).toBe(worldDigest(world));
    expect(worldDigest(pair.twin)).toBe(worldDigest(simulatePair(TINY, FAULT).twin));
  });

  it('keys by seed, sizes and changes', () => {
    const settings = fresh();
    let generated = 0;
    const make = (c: typeof TINY, ch = {}) => () => (generated++, simulateWorld(c, ch));
    cachedWorld(settings, TINY, {}, make(TINY));
    cachedWorld(settings, { ...TINY, seed: 6 }, {}, make({ ...TINY, seed: 6 }));
    cachedWorld(settings, { ...TINY, days: 2 }, {}, make({ ...TINY, days: 2 }));
    cachedWorld(settings, TINY, FAULT, make(TINY, FAULT));
    cachedWorld(settings, TINY, {}, make(TINY));
    expect(generated).toBe(4);
    expect(entries(settings)).toHaveLength(4);
  });

  it('regenerates a corrupt entry instead of trusting it', () => {
    const settings = fresh();
    const good = cachedWorld(settings, TINY, {}, () => simulateWorld(TINY));
    const [file] = entries(settings);
    writeFileSync(join(settings.dir, file), 'not a world');
    let generated = 0;
    const again = cachedWorld(settings, TINY, {}, () => (generated++, simulateWorld(TINY)));
    expect(generated).toBe(1);
    expect(worldDigest(again)).toBe(worldDigest(good));
  });

  it('stays under its size cap, dropping the least recently used entry', () => {
    const probe = fresh();
    cachedWorld(probe, TINY, {}, () => simulateWorld(TINY));
    const one = statSync(join(probe.dir, entries(probe)[0])).size;
    const settings = { ...fresh(), maxBytes: Math.floor(one * 2.5) };
    for (const seed of [1, 2, 3]) cachedWorld(settings, { ...TINY, seed }, {}, () => simulateWorld({ ...TINY, seed }));
    const left = entries(settings);
    expect(left).toHaveLength(2);
    let generated = 0;
    cachedWorld(settings, { ...TINY, seed: 1 }, {}, () => (generated++, simulateWorld({ ...TINY, seed: 1 })));
    expect(generated).toBe(1); // seed 1 was the oldest: evicted
  });

  it('is off with FAULTLINE_CACHE=off or --no-cache, and lives where FAULTLINE_CACHE_DIR says', () => {
    expect(cacheSettings(true, {})).toBeNull();
    expect(cacheSettings(false, { FAULTLINE_CACHE: 'off' })).toBeNull();
    expect(cacheSettings(false, { FAULTLINE_CACHE_DIR: '/x', FAULTLINE_CACHE_MB: '10' })).toEqual({ dir: '/x', maxBytes: 10 * 2 ** 20 });
    expect(cacheSettings(false, { XDG_CACHE_HOME: '/c' })?.dir).toBe('/c/faultline');
  });

  it('serves the CLI: a second digest reads the cache, --no-cache does not write it', () => {
    const dir = tempDir();
    const env = { ...process.env, FAULTLINE_CACHE_DIR: dir };
    const args = ['bin/faultline.js', 'digest', '--seed', '5', '--users', '300', '--items', '800', '--days', '3', '--quiet'];
    const bypass = spawnSync('node', [...args, '--no-cache'], { encoding: 'utf8', env });
    expect(readdirSync(dir)).toHaveLength(0);
    const first = spawnSync('node', args, { encoding: 'utf8', env });
    expect(readdirSync(dir).filter((f) => f.endsWith('.v8'))).toHaveLength(1);
    const second = spawnSync('node', args, { encoding: 'utf8', env });
    expect(first.stdout.trim()).toMatch(/^[0-9a-f]{16}$/);
    expect(second.stdout).toBe(first.stdout);
    expect(bypass.stdout).toBe(first.stdout);
  });
});
