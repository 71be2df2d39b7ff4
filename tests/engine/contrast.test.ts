// The contrast ranks a dimension by how much of the change a few of its groups account for beyond
// their rows (or by a shifted mix), lists only the groups the change sits in — never those that
// held up, nor unaffected ones — and scores a change spread evenly as 0. Checked on hand-made
// group values, so each property has one cause.
import { describe, expect, it } from 'vitest';
import { rankDimension } from '../../src/engine/contrast.ts';
import type { QueryResult } from '../../src/sim/query/query.ts';

type Group = [name: string, value: number, n: number];
const SE = 0.002;

function side(groups: Group[]): QueryResult {
  return {
    metric: { id: 'relevance', label: 'Rated relevance', unit: 'score', higherIsBetter: true, description: '', area: 'outcome' },
    groupBy: 'user_interest',
    filter: {},
    window: [1, 7],
    byDay: false,
    groups: groups.map(([g]) => g),
    cells: groups.map(([group, value, n]) => ({ group, day: null, value, n, se: SE })),
  } as QueryResult;
}
const mean = (groups: Group[]) => groups.reduce((s, [, v, n]) => s + v * n, 0) / groups.reduce((s, [, , n]) => s + n, 0);
const rank = (before: Group[], after: Group[]) => rankDimension('user_interest', side(after), side(before), mean(after), mean(before));

describe('the contrast', () => {
  it('puts the change in the small groups that fell, not in those that held up or stayed flat', () => {
    const before: Group[] = [['goblincore', 0.8, 500], ['cottagecore', 0.8, 500], ['grandmillennial', 0.8, 500], ['minimalist', 0.8, 8500]];
    const after: Group[] = [['goblincore', 0.5, 500], ['cottagecore', 0.55, 500], ['grandmillennial', 0.801, 500], ['minimalist', 0.79, 8500]];
    const d = rank(before, after);
    expect(d.how).toBe('within');
    expect(d.where).toEqual(['goblincore', 'cottagecore']);
    // They hold 10% of the rows and account for most of the fall.
    expect(d.score).toBeGreaterThan(0.5);
    const goblin = d.groups.find((g) => g.group === 'goblincore')!;
    expect(goblin.change).toBeCloseTo(-0.3, 9);
    expect(goblin.z).toBeLessThan(-50);
    expect(d.groups[0].group).toBe('goblincore');
  });

  it('scores a change spread evenly over the groups as nothing', () => {
    const before: Group[] = [['a', 0.8, 3000], ['b', 0.7, 3000], ['c', 0.6, 4000]];
    const after = before.map(([g, v, n]) => [g, v - 0.05, n] as Group);
    const d = rank(before, after);
    expect(d.score).toBeLessThan(0.02);
  });

  it('does not count a group that fell less than the rest as where the fall sits', () => {
    const before: Group[] = [['visual', 0.925, 5000], ['text', 0.9, 5000]];
    const after: Group[] = [['visual', 0.916, 5000], ['text', 0.75, 5000]];
    const d = rank(before, after);
    expect(d.where).toEqual(['text']);
  });

  it('explains a fall by a shifted mix when every group held still', () => {
    const before: Group[] = [['new', 0.6, 2000], ['core', 0.9, 8000]];
    const after: Group[] = [['new', 0.6, 6000], ['core', 0.9, 4000]];
    const d = rank(before, after);
    expect(d.how).toBe('mix');
    expect(d.score).toBeGreaterThan(0.9);
    expect(d.where).toEqual([]);
  });
});
