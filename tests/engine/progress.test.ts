// A learner's progress is read from their grades: each attempt's five skills, averaged by stage
// and by fault kind, and the kind to practise next (one never met, else the lowest mean score).
import { describe, expect, it } from 'vitest';
import { profileOf, skillsOf, suggestionOf, type ProgressEntry } from '../../src/engine/progress.ts';
import { FAULT_KINDS } from '../../src/sim/vocabulary.ts';

const grade = (missed: string[], parts: { evidence: number; efficiency: number; correctness?: number }, misled = 0) => ({
  missed: missed.map((rung) => ({ rung, expert: null })),
  breakdown: { correctness: parts.correctness ?? 100, directness: 50, evidence: parts.evidence, efficiency: parts.efficiency },
  actions: Array.from({ length: misled }, () => ({ classification: 'misled' })),
  truth: { cause: 'feature-null' },
}) as unknown as Parameters<typeof skillsOf>[0];

const entry = (kind: string, stage: string, score: number, skills = skillsOf(grade([], { evidence: score, efficiency: score }))): ProgressEntry =>
  ({ id: `${kind}-${score}`, scenario: 's', kind, stage, at: score, score, skills, generated: false });

describe('progress', () => {
  it('reads each skill from what the grade says the learner did', () => {
    expect(skillsOf(grade([], { evidence: 80, efficiency: 60 }))).toEqual({ scoping: 1, localisation: 1, evidence: 0.8, efficiency: 0.6, distractors: 1 });
    // Never scoped, found the stage but not the component, chased one false lead.
    expect(skillsOf(grade(['scope', 'component', 'cause'], { evidence: 20, efficiency: 10 }, 1))).toEqual({ scoping: 0, localisation: 0.5, evidence: 0.2, efficiency: 0.1, distractors: 0.5 });
    expect(skillsOf(grade([], { evidence: 50, efficiency: 50 }, 3)).distractors).toBe(0);
  });

  it('averages by stage and by kind', () => {
    const p = profileOf([entry('feature-null', 'ingestion', 40), entry('feature-null', 'ingestion', 80), entry('stale-index', 'candidates', 90)]);
    expect(p.overall!.n).toBe(3);
    expect(p.byKind['feature-null']).toMatchObject({ n: 2, score: 60 });
    expect(p.byKind['feature-null'].skills.evidence).toBeCloseTo(0.6);
    expect(p.byStage).toMatchObject({ ingestion: { n: 2 }, candidates: { n: 1, score: 90 } });
  });

  it('suggests a kind never met first, then the weakest kind met, with its weakest skill', () => {
    expect(suggestionOf([])).toMatchObject({ kind: FAULT_KINDS[0], skill: null });
    const all = FAULT_KINDS.map((k, i) => entry(k, 'ranking', 50 + i));
    const weak = { ...entry('stale-index', 'candidates', 10), skills: { scoping: 1, localisation: 1, evidence: 0.9, efficiency: 0.05, distractors: 1 } };
    const s = suggestionOf([...all, weak]);
    expect(s.kind).toBe('stale-index');
    expect(s.because).toMatch(/mean score there is 33 over 2 attempts/); // (55 + 10) / 2
    expect(s.skill).toBe('efficiency');
  });
});
