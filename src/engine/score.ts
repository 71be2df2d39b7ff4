// Rule: the score is 0–100 from four parts, each 0–1, weighted (rubric weights override the
// defaults): correctness — each claim right, at half credit unless the learner saw it;
// evidence — each right claim backed by a move that revealed it; directness — the ladder
// climbed, in order, in about as many moves as the expert, premature and misled moves costing;
// efficiency — time and hints, scaled by how far up the ladder the learner got. A right answer
// with no evidence (a lucky guess) therefore scores low.
import type { Action } from '../scenario/actions.ts';
import type { Case } from './case.ts';
import type { Judgement } from './judge.ts';
import { RUNGS, type Rung } from './rungs.ts';
import type { Segment } from './truth.ts';
import { showsSomething } from './view.ts';
import { dimensionValues } from '../sim/query/dimensions.ts';
import type { Dimension } from '../sim/vocabulary.ts';

export const DEFAULT_WEIGHTS = { correctness: 40, directness: 25, evidence: 25, efficiency: 10 };
export type Breakdown = typeof DEFAULT_WEIGHTS;

/** How much each claim of a diagnosis weighs in correctness and evidence. */
const CLAIMS = { stage: 0.2, component: 0.25, cause: 0.35, segment: 0.2 } as const;
type Claim = keyof typeof CLAIMS;
const BACKED_BY: Record<Claim, Rung> = { stage: 'stage', component: 'component', cause: 'cause', segment: 'scope' };

const PENALTY = { premature: 0.5, misled: 0.2, outOfOrder: 0.1, cap: 0.8 };
/** Extra moves cost gently: (expert / moves) to this power. */
const MOVES_EXPONENT = 0.35;
const HINT_FACTOR = 0.85;
const DEFAULT_MINUTES = 30;

export interface ScoreResult {
  score: number;
  /** Each part 0–100. */
  breakdown: Breakdown;
  weights: Breakdown;
  /** right: 0–1 (segment: overlap); share: how much of the claim the learner's moves revealed (segment: its slices). */
  claims: Record<Claim, { right: number; backed: boolean; share: number }>;
  submitted: boolean;
}

/** Correctness and evidence for a diagnosis of another fault that acts, not the one the briefing is about. */
export const OTHER_FAULT_CREDIT = 0.6;

/** `credit` scales correctness and evidence (OTHER_FAULT_CREDIT when `c` is graded against a fault that is not the primary). */
export function scoreAttempt(c: Case, actions: readonly Action[], j: Judgement, expertMoves: number, credit = 1): ScoreResult {
  const weights = { ...DEFAULT_WEIGHTS, ...definedOnly(c.scenario.rubric ?? {}) };
  const submit = actions.find((a): a is Extract<Action, { type: 'submit' }> => a.type === 'submit');
  const t = c.truth;
  const d = submit?.diagnosis;
  const claims = {} as ScoreResult['claims'];
  const looked = j.actions.some(showsSomething);
  for (const k of Object.keys(CLAIMS) as Claim[]) {
    let right = 0;
    if (d) {
      if (t.cause === 'no-regression') right = d.cause === 'no-regression' ? 1 : 0;
      else if (k === 'segment') right = overlap(c, t.segment, d.segment);
      else right = d[k] === t[k] ? 1 : 0;
    }
    const share = t.cause === 'no-regression' ? Number(looked) : k === 'segment' ? segmentBacking(t.segment, j) : Number(j.seen.includes(BACKED_BY[k]));
    claims[k] = { right, backed: share === 1, share };
  }
  const sum = (f: (k: Claim) => number) => (Object.keys(CLAIMS) as Claim[]).reduce((s, k) => s + CLAIMS[k] * f(k), 0);
  const correctness = credit * sum((k) => claims[k].right * (0.5 + 0.5 * claims[k].share));
  const evidence = credit * sum((k) => claims[k].right * claims[k].share);
  // How far up the ladder the learner got (with nothing broken: to a backed no-regression).
  const coverage = t.cause === 'no-regression' ? (claims.cause.backed ? claims.cause.right : 0) : j.seen.length / RUNGS.length;
  const breakdown = {
    correctness,
    directness: directness(j, coverage, expertMoves),
    evidence,
    efficiency: efficiency(c, actions, j) * coverage,
  };
  const total = Object.values(weights).reduce((a, b) => a + b, 0) || 1;
  const score = (100 * (Object.keys(weights) as (keyof Breakdown)[]).reduce((s, k) => s + weights[k] * breakdown[k], 0)) / total;
  const pct = (x: number) => Math.round(100 * x);
  return {
    score: Math.round(score),
    breakdown: { correctness: pct(breakdown.correctness), directness: pct(breakdown.directness), evidence: pct(breakdown.evidence), efficiency: pct(breakdown.efficiency) },
    weights,
    claims,
    submitted: Boolean(d),
  };
}

/** Share of the true segment's slices the learner saw the fault confined to (all of it for a fault that hits everyone). */
function segmentBacking(segment: Segment, j: Judgement): number {
  const dims = Object.keys(segment);
  if (!j.seen.includes('scope')) return 0;
  if (!dims.length) return 1;
  // Seeing the scope at all is half; each of the segment's own slices seen adds its share of the rest.
  return 0.5 + (0.5 * dims.filter((d) => j.scopeDimensions.includes(d)).length) / dims.length;
}

function definedOnly(r: Partial<Record<keyof Breakdown, number | undefined>>): Partial<Breakdown> {
  return Object.fromEntries(Object.entries(r).filter(([, v]) => typeof v === 'number')) as Partial<Breakdown>;
}

/** Mean over dimensions (either side's) of the Jaccard overlap; a dimension left out means all its values. */
export function overlap(c: Case, truth: Segment, claimed: Record<string, readonly (string | number)[] | undefined> | undefined): number {
  const dims = new Set([...Object.keys(truth), ...Object.keys(claimed ?? {})].filter((d) => d !== 'day'));
  if (!dims.size) return 1;
  let total = 0;
  for (const dim of dims) {
    const all = dimensionValues(c.pair.factual, dim as Dimension);
    const a = new Set(truth[dim] ?? all);
    const b = new Set((claimed?.[dim] ?? all).map(String));
    const inter = [...a].filter((v) => b.has(v)).length;
    total += inter / new Set([...a, ...b]).size;
  }
  return total / dims.size;
}

function directness(j: Judgement, coverage: number, expertMoves: number): number {
  const moves = j.actions.filter(showsSomething).length;
  const ratio = Math.min(1, Math.max(1, expertMoves) / Math.max(1, moves)) ** MOVES_EXPONENT;
  let inversions = 0;
  const at = j.revealedAt;
  RUNGS.forEach((r, i) => RUNGS.slice(i + 1).forEach((later) => {
    if (at[r] !== undefined && at[later] !== undefined && at[later]! < at[r]!) inversions++;
  }));
  const count = (k: string) => j.actions.filter((a) => a.classification === k).length;
  const penalty = Math.min(PENALTY.cap, count('premature') * PENALTY.premature + count('misled') * PENALTY.misled + inversions * PENALTY.outOfOrder);
  return Math.max(0, Math.min(1, coverage * ratio - penalty));
}

function efficiency(c: Case, actions: readonly Action[], j: Judgement): number {
  const budget = 60 * (c.scenario.timeLimitMinutes ?? DEFAULT_MINUTES);
  const spent = actions.length ? actions[actions.length - 1].at : 0;
  const time = spent <= budget / 2 ? 1 : Math.max(0.4, 1 - (0.6 * (spent - budget / 2)) / (1.5 * budget));
  const hints = j.actions.filter((a) => a.type === 'hint').length;
  return time * HINT_FACTOR ** hints;
}
