// Distractors are real changes that are not the fault. Each is compared with the same world
// without it (same seed): it must show its own signature and nothing a fault would show.
import { describe, expect, it } from 'vitest';
import { DISTRACTOR_KINDS } from '../../src/sim/vocabulary.ts';
import { describeSignature } from './signatureRuns.ts';
import { generateWorld } from '../../src/cli/world.ts';
import { runQuery, type QueryResult } from '../../src/sim/query/query.ts';
import { worldDigest } from '../../src/sim/digest.ts';
import { deployLog } from '../../src/sim/changelog.ts';
import type { DistractorSpec } from '../../src/sim/faults/specs.ts';
import type { World } from '../../src/sim/world/world.ts';

const WORLD = { seed: 99, users: 4000, items: 8000, days: 14 };
const cache = new Map<string, World>();
const worldWith = (distractors: DistractorSpec[] = []) => {
  const key = JSON.stringify(distractors);
  if (!cache.has(key)) cache.set(key, generateWorld(WORLD, { quiet: true }, { distractors }));
  return cache.get(key)!;
};
const value = (r: QueryResult, group: string | null = null, day: number | null = null) =>
  r.cells.find((c) => c.group === group && c.day === day)!;
const z = (a: { value: number | null; se: number | null }, b: { value: number | null; se: number | null }) =>
  (a.value! - b.value!) / Math.hypot(a.se!, b.se!);


for (const kind of DISTRACTOR_KINDS) describeSignature(kind, true);

describe('mix-shift (a sign-up campaign)', () => {
  const after: [number, number] = [9, 14];

  it('shifts the mix toward new users while every segment stays flat — and the aggregate falls', () => {
    const base = worldWith();
    const campaign = worldWith([{ kind: 'mix-shift', onsetDay: 9, params: { factor: 2.5 } }]);
    const share = (w: World) => {
      const r = runQuery(w, { metric: 'session_depth', groupBy: 'tenure', window: after });
      const total = r.cells.reduce((s, c) => s + c.n, 0);
      return value(r, 'new').n / total;
    };
    expect(share(campaign)).toBeGreaterThan(share(base) * 1.3);
    const seg = (w: World) => runQuery(w, { metric: 'relevance', groupBy: 'tenure', window: after });
    for (const t of ['new', 'casual', 'core']) expect(Math.abs(z(value(seg(campaign), t), value(seg(base), t))), t).toBeLessThan(3);
    const all = (w: World) => runQuery(w, { metric: 'relevance', window: after });
    expect(value(all(campaign)).value!).toBeLessThan(value(all(base)).value!);
  });
});

describe('seasonality', () => {
  it('adds a weekly cycle in every segment', () => {
    const w = worldWith([{ kind: 'seasonality', onsetDay: 1 }]);
    const base = worldWith();
    for (const tenure of ['casual', 'core']) {
      const r = runQuery(w, { metric: 'ctr', byDay: true, filter: { tenure: [tenure] } });
      const b = runQuery(base, { metric: 'ctr', byDay: true, filter: { tenure: [tenure] } });
      const lift = (d: number) => value(r, null, d).value! / value(b, null, d).value! - 1;
      const weekend = [6, 7, 13, 14].map(lift);
      const weekday = [2, 3, 4, 9, 10, 11].map(lift);
      expect(Math.min(...weekend), tenure).toBeGreaterThan(Math.max(...weekday));
    }
  });
});

describe('holiday', () => {
  it('moves every segment on its days and only then', () => {
    const w = worldWith([{ kind: 'holiday', onsetDay: 6, params: { days: 2, lift: -0.2 } }]);
    const base = worldWith();
    for (const tenure of ['new', 'casual', 'core']) {
      const q = (world: World, window: [number, number]) => value(runQuery(world, { metric: 'ctr', window, filter: { tenure: [tenure] } }));
      expect(q(w, [6, 7]).value! / q(base, [6, 7]).value! - 1, tenure).toBeLessThan(-0.08);
      // Before the holiday the two worlds are the same world.
      expect(q(w, [1, 5]).value, tenure).toBe(q(base, [1, 5]).value);
    }
    const all = (world: World) => value(runQuery(world, { metric: 'ctr', window: [6, 7] }));
    expect(z(all(w), all(base))).toBeLessThan(-3);
  });
});

describe('unrelated-deploy', () => {
  it('appears in the deploy log and changes nothing in the data', () => {
    const w = worldWith([{ kind: 'unrelated-deploy', onsetDay: 7, params: { component: 'text-encoder' } }]);
    expect(deployLog(w)).toEqual([{ day: 7, component: 'text-encoder', from: 'v1', to: 'v2' }]);
    expect(worldDigest(w)).toBe(worldDigest(worldWith()));
  });
});

describe('novelty-effect', () => {
  it('lifts clicks at first, then decays back to baseline', () => {
    const w = worldWith([{ kind: 'novelty-effect', onsetDay: 5, params: { lift: 0.25, halfLifeDays: 1.5 } }]);
    const base = worldWith();
    const r = runQuery(w, { metric: 'ctr', byDay: true });
    const b = runQuery(base, { metric: 'ctr', byDay: true });
    const lift = (d: number) => value(r, null, d).value! / value(b, null, d).value! - 1;
    expect(lift(5)).toBeGreaterThan(0.1);
    expect(lift(7)).toBeLessThan(lift(5));
    expect(Math.abs(lift(13))).toBeLessThan(0.04);
    expect(deployLog(w).some((e) => e.component === 'feed-client' && e.day === 5)).toBe(true);
  });
});
