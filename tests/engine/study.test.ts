// The studio's study of a draft: the footprint (the suffering segment against the rest, world
// against twin), the solvability report and the claims — the numbers `faultline solve` and
// `faultline test` give, as plain data.
import { describe, expect, it } from 'vitest';
import { simulatePair } from '../../src/sim/simulate.ts';
import { openCase } from '../../src/engine/case.ts';
import { study } from '../../src/engine/study.ts';
import { solvability } from '../../src/engine/solvability.ts';
import type { Claim } from '../../src/scenario/claims.ts';

const ONSET = 5;
const pair = simulatePair({ seed: 4242, users: 3000, items: 6000, days: 8 }, {
  faults: [{ kind: 'embedding-collapse', onsetDay: ONSET, params: { aesthetics: ['cottagecore', 'goblincore'] } }],
});
const timeline = [{ day: ONSET, component: 'image-encoder' as const, text: 'image encoder v7 rolled out' }];
const c = openCase(pair, { timeline });
const claim = (change: number): Claim => ({ says: 'relevance fell', metric: 'relevance', compare: [[1, ONSET - 1], [ONSET, 8]], change, within: 0.01 });
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('study', () => {
  const s = study(c, [claim(-0.5)]);
  const f = s.footprint!;

  it('draws the segment the truth names against the rest of its slice, in the world and in the twin', () => {
    expect(Object.keys(c.truth.segment)).toContain('user_interest');
    expect(f.metric).toBe(c.truth.symptom);
    expect(f.lines.map((l) => `${l.group}/${l.world}`)).toEqual(['segment/factual', 'segment/twin', 'rest/factual', 'rest/twin']);
    expect(f.rest).toMatch(/^user_interest other than /);
    for (const l of f.lines) expect(l.points.map((p) => p.day)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(f.timeline).toEqual([{ day: ONSET, text: 'image encoder v7 rolled out' }]);
    expect(f.onsetDay).toBe(ONSET);
    expect(f.broken).toBe(true);
  });

  it('shows the fault where it acts: world and twin agree before the onset; after it the segment falls below its twin, the rest barely moves', () => {
    const line = (group: string, world: string) => f.lines.find((l) => l.group === group && l.world === world)!.points;
    const gap = (group: string, after: boolean) =>
      mean(line(group, 'factual').filter((p) => (p.day >= ONSET) === after).map((p, i) => p.value! - line(group, 'twin').filter((q) => (q.day >= ONSET) === after)[i].value!));
    expect(gap('segment', false)).toBe(0);
    expect(gap('rest', false)).toBe(0);
    expect(gap('segment', true)).toBeLessThan(-0.02);
    expect(Math.abs(gap('rest', true))).toBeLessThan(Math.abs(gap('segment', true)) / 3);
  });

  it('carries the solvability report and the expert path as solve prints them', () => {
    expect(s.solvability).toEqual(solvability(c));
    expect(s.truthLine).toMatch(/^embedding-collapse in image-encoder \(ingestion\), from day 5; it hits user_interest /);
    expect(s.expert.at(-1)!.move).toBe('Submitting the diagnosis');
    expect(s.seed).toBe(4242);
  });

  it('checks each claim against the world: a wrong number fails with the world’s, the world’s own number holds', () => {
    const [wrong] = s.claims;
    expect(wrong.ok).toBe(false);
    expect(wrong.line).toMatch(/^✗ relevance fell: .* — the world says [−+]\d/);
    const [right] = study(c, [claim(wrong.change!)]).claims;
    expect(right.ok).toBe(true);
    expect(right.line).toMatch(/^✓ relevance fell/);
  });
});
