// The default healthy world looks like a real recommendation product (fixed seed, tolerances).
import { beforeAll, describe, expect, it } from 'vitest';
import { runQuery, type QueryResult } from '../src/sim/query/query.ts';
import { AESTHETIC_IDS, AESTHETICS } from '../src/sim/world/taxonomy.ts';
import type { World } from '../src/sim/world/world.ts';
import { world, zDiff } from './helpers/worlds.ts';
import { baselineFigures, inRange } from '../src/sim/baseline.ts';
import { PLATFORM_CLICK_OFFSET, REGION_CLICK_OFFSET } from '../src/sim/world/behaviour.ts';
import { PLATFORMS, REGIONS } from '../src/sim/world/taxonomy.ts';

let w: World;
beforeAll(() => {
  w = world();
});

const cell = (r: QueryResult, group: string) => r.cells.find((c) => c.group === group)!;

describe('the default world', () => {
  it('has the documented size', () => {
    expect(w.users.count).toBeGreaterThanOrEqual(20_000);
    expect(w.items.count).toBeGreaterThanOrEqual(40_000);
    expect(w.config.days).toBe(14);
    expect(w.logs.impressions.rows).toBeGreaterThanOrEqual(2_000_000);
  });

  it('has long-tailed aesthetic popularity', () => {
    const counts = w.items.byAesthetic.map((ids) => ids.length);
    const sorted = [...counts].sort((a, b) => b - a);
    expect(sorted[0] / sorted[sorted.length - 1]).toBeGreaterThan(10);
    const head = sorted.slice(0, 4).reduce((s, x) => s + x, 0);
    expect(head / w.items.count).toBeGreaterThan(0.5);
    // Niche aesthetics exist and are rare, but people interested in them are not negligible.
    const niche = AESTHETICS.map((a, i) => (a.niche ? i : -1)).filter((i) => i >= 0);
    const nicheItems = niche.reduce((s, i) => s + counts[i], 0) / w.items.count;
    expect(nicheItems).toBeLessThan(0.25);
    const nicheUsers = Array.from(w.users.interest).filter((a) => AESTHETICS[a].niche).length / w.users.count;
    expect(nicheUsers).toBeGreaterThan(nicheItems);
  });

  it('has a click-through rate between 1% and 6%', () => {
    const ctr = runQuery(w, { metric: 'ctr' }).cells[0].value!;
    expect(ctr).toBeGreaterThan(0.01);
    expect(ctr).toBeLessThan(0.06);
  });

  it('has CTR falling with position', () => {
    const r = runQuery(w, { metric: 'ctr', groupBy: 'position' });
    const at = (p: string) => cell(r, p);
    for (const [higher, lower] of [['1', '2'], ['2', '3'], ['3', '10'], ['1', '11-20'], ['11-20', '31-60']]) {
      expect(zDiff(at(higher), at(lower)), `${higher} vs ${lower}`).toBeGreaterThan(3);
    }
  });

  it('serves new users from visual similarity at least twice as often as core users, who lean on co-engagement', () => {
    const r = runQuery(w, { metric: 'source_share', groupBy: 'source', filter: { tenure: ['new'] } });
    const core = runQuery(w, { metric: 'source_share', groupBy: 'source', filter: { tenure: ['core'] } });
    expect(cell(r, 'visual-similarity').value!).toBeGreaterThan(2 * cell(core, 'visual-similarity').value!);
    const coreShares = core.cells.map((c) => c.value!);
    expect(cell(core, 'co-engagement').value).toBe(Math.max(...coreShares));
    expect(cell(core, 'co-engagement').value!).toBeGreaterThan(3 * cell(r, 'co-engagement').value!);
  });

  it('rates relevance higher for core users than for new users', () => {
    const r = runQuery(w, { metric: 'relevance', groupBy: 'tenure' });
    expect(zDiff(cell(r, 'core'), cell(r, 'new'))).toBeGreaterThan(4);
  });

  it('has no weekly pattern: around its slow trend, daily CTR varies no more than sampling noise', () => {
    const days = runQuery(w, { metric: 'ctr', byDay: true }).cells;
    // Weighted least-squares line through the days, then a χ² test of what is left.
    const pts = days.map((c) => ({ x: c.day!, y: c.value!, w: 1 / c.se! ** 2 }));
    const sw = pts.reduce((s, p) => s + p.w, 0);
    const mx = pts.reduce((s, p) => s + p.w * p.x, 0) / sw;
    const my = pts.reduce((s, p) => s + p.w * p.y, 0) / sw;
    const slope = pts.reduce((s, p) => s + p.w * (p.x - mx) * (p.y - my), 0) / pts.reduce((s, p) => s + p.w * (p.x - mx) ** 2, 0);
    const residuals = pts.map((p) => p.y - (my + slope * (p.x - mx)));
    const chi2 = residuals.reduce((s, r, i) => s + r * r * pts[i].w, 0);
    // χ² with 12 degrees of freedom: its 99.9th percentile is about 32.9.
    expect(chi2).toBeLessThan(32.9);
    // Same weekday a week apart agree: no day-of-week cycle.
    const weekly = residuals.slice(0, 7).map((r, d) => (r + residuals[d + 7]) / 2);
    const spread = Math.max(...weekly) - Math.min(...weekly);
    expect(spread).toBeLessThan(6 * days[0].se!);
    // The slow drift (histories concentrating) stays small: under 1.5% of CTR a day.
    expect(Math.abs(slope) / my).toBeLessThan(0.015);
  });

  it('gives every aesthetic some interested users', () => {
    const interests = new Set(Array.from(w.users.interest));
    expect(interests.size).toBe(AESTHETIC_IDS.length);
  });
});

describe('the baseline a practitioner recognises', () => {
  // The default world at its own seed and two others: each figure within a real feed's range.
  it.each([undefined, 7, 4242])('has every headline figure in range (seed %s)', (seed) => {
    const figures = baselineFigures(seed === undefined ? w : world({ seed }));
    for (const f of figures) expect(inRange(f), `${f.label}: ${f.value.toFixed(4)} not in ${f.range.join('–')}`).toBe(true);
  });

  it('ranks platforms and regions by CTR as their documented propensities do', () => {
    const order = (ids: readonly string[], offsets: number[], dim: string) => {
      const r = runQuery(w, { metric: 'ctr', groupBy: dim });
      const byOffset = [...ids].sort((a, b) => offsets[ids.indexOf(b)] - offsets[ids.indexOf(a)]);
      const byCtr = [...ids].sort((a, b) => cell(r, b).value! - cell(r, a).value!);
      expect(byCtr, dim).toEqual(byOffset);
    };
    order(PLATFORMS, PLATFORM_CLICK_OFFSET, 'platform');
    order(REGIONS, REGION_CLICK_OFFSET, 'region');
  });

  it('has core users clicking and saving more than new users', () => {
    for (const metric of ['ctr', 'save_rate']) {
      const r = runQuery(w, { metric, groupBy: 'tenure' });
      expect(zDiff(cell(r, 'core'), cell(r, 'new')), metric).toBeGreaterThan(4);
    }
  });
});
