// Rule: a learner's progress is read from their graded attempts alone — what each grade says
// they did, never what they answered in the end only. Five skills, each 0–1: scoping (found who
// suffers), localisation (found the stage and the component), evidence (the grade's evidence
// part), efficiency (the grade's efficiency part) and resistance to distractors (no move chased
// a false lead). A profile averages them by stage and by fault kind; the suggestion is the kind
// they are weakest at.
import { FAULT_KINDS, type FaultKind } from '../sim/vocabulary.ts';
import { FAULTS } from '../sim/faults/catalog.ts';
import type { Grade } from './grade.ts';

export const SKILLS = ['scoping', 'localisation', 'evidence', 'efficiency', 'distractors'] as const;
export type Skill = (typeof SKILLS)[number];
export type Skills = Record<Skill, number>;

export const SKILL_LABELS: Record<Skill, string> = {
  scoping: 'Scoping',
  localisation: 'Localisation',
  evidence: 'Evidence',
  efficiency: 'Efficiency',
  distractors: 'Resisting distractors',
};

/** One graded attempt, as progress keeps it. */
export interface ProgressEntry {
  /** The attempt (counted once, however often it is graded again). */
  id: string;
  scenario: string;
  /** The fault the attempt was about ('no-regression' when nothing broke). */
  kind: string;
  stage: string | null;
  /** When it was graded, ms since the epoch. */
  at: number;
  score: number;
  skills: Skills;
  /** A generated incident rather than a built-in or opened file. */
  generated: boolean;
}

export function skillsOf(g: Pick<Grade, 'missed' | 'breakdown' | 'actions' | 'truth'>): Skills {
  const missed = new Set(g.missed.map((m) => m.rung));
  const broken = g.truth.cause !== 'no-regression';
  const misled = g.actions.filter((a) => a.classification === 'misled').length;
  return {
    scoping: broken ? (missed.has('scope') ? 0 : 1) : g.breakdown.evidence / 100,
    localisation: broken ? ['stage', 'component'].filter((r) => !missed.has(r as never)).length / 2 : g.breakdown.correctness / 100,
    evidence: g.breakdown.evidence / 100,
    efficiency: g.breakdown.efficiency / 100,
    distractors: Math.max(0, 1 - 0.5 * misled),
  };
}

export interface Group {
  n: number;
  score: number;
  skills: Skills;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function groupOf(entries: ProgressEntry[]): Group {
  return {
    n: entries.length,
    score: mean(entries.map((e) => e.score)),
    skills: Object.fromEntries(SKILLS.map((s) => [s, mean(entries.map((e) => e.skills[s]))])) as Skills,
  };
}

function groupBy(entries: ProgressEntry[], key: (e: ProgressEntry) => string | null): Record<string, Group> {
  const out: Record<string, ProgressEntry[]> = {};
  for (const e of entries) {
    const k = key(e);
    if (k) (out[k] ??= []).push(e);
  }
  return Object.fromEntries(Object.entries(out).map(([k, es]) => [k, groupOf(es)]));
}

export interface Profile {
  overall: Group | null;
  byStage: Record<string, Group>;
  byKind: Record<string, Group>;
}

export function profileOf(entries: readonly ProgressEntry[]): Profile {
  const list = [...entries];
  return { overall: list.length ? groupOf(list) : null, byStage: groupBy(list, (e) => e.stage), byKind: groupBy(list, (e) => e.kind) };
}

export interface Suggestion {
  kind: FaultKind;
  /** Why this kind, in words. */
  because: string;
  /** Its weakest skill there (null for a kind never met). */
  skill: Skill | null;
}

/**
 * What to practise next: a kind never met (the first in the catalogue's order), else the kind
 * with the lowest mean score (its weakest skill named).
 */
export function suggestionOf(entries: readonly ProgressEntry[]): Suggestion {
  const byKind = profileOf(entries).byKind;
  const unseen = FAULT_KINDS.find((k) => !byKind[k]);
  if (unseen) return { kind: unseen, because: `you have not met ${unseen} yet (${FAULTS[unseen].summary.replace(/\.$/, '').replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase())})`, skill: null };
  const [kind, group] = Object.entries(byKind)
    .filter(([k]) => (FAULT_KINDS as readonly string[]).includes(k))
    .sort((a, b) => a[1].score - b[1].score)[0] as [FaultKind, Group];
  const skill = [...SKILLS].sort((a, b) => group.skills[a] - group.skills[b])[0];
  return { kind, because: `your mean score there is ${Math.round(group.score)} over ${group.n} attempt${group.n === 1 ? '' : 's'}, lowest of the kinds you have met`, skill };
}
