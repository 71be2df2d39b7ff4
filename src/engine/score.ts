// Rule: the score grades the path, not the luck. Four parts, each 0–1, weighted (a scenario's
// rubric may reweigh them):
//  - correctness: each claim of the diagnosis that is right, at a fifth of its weight when
//    nothing the learner looked at showed it (a guess), in full when a move revealed it;
//  - evidence: what the learner's moves established — who is affected in full whatever the
//    diagnosis (scoping is the skill), and stage, component and cause when the diagnosis
//    claims them rightly; a rung first found by a premature deep dive counts half;
//  - directness: the ladder climbed (scope → stage → component → cause: the scope and each
//    deeper rung seen and claimed rightly), less each premature deep dive, each false lead
//    followed and each rung seen out of order;
//  - efficiency: the ladder climbed × 0.94 per move beyond the expert path × 0.85 per hint ×
//    the time factor (1 up to half the limit, down to 0.4 at twice it).
// So a right answer backed by nothing (at most a fifth of correctness: 7) scores below any
// transcript that saw the scope (evidence alone gives it 10), and following a distractor costs
// directness but keeps what the investigation established.
import type { Action } from '../scenario/actions.ts';
import type { Case } from './case.ts';
import type { Judgement } from './judge.ts';
import { RUNGS, type Rung } from './rungs.ts';
import type { Segment } from './truth.ts';
import { showsSomething } from './view.ts';
import { dimensionValues } from '../sim/query/dimensions.ts';
import type { Dimension } from '../sim/vocabulary.ts';

export const DEFAULT_WEIGHTS = { correctness: 35, directness: 20, evidence: 25, efficiency: 20 };
export type Breakdown = typeof DEFAULT_WEIGHTS;

/** How much each claim of a diagnosis weighs in correctness and evidence. */
const CLAIMS = { stage: 0.2, component: 0.25, cause: 0.35, segment: 0.2 } as const;
type Claim = keyof typeof CLAIMS;
const BACKED_BY: Record<Claim, Rung> = { stage: 'stage', component: 'component', cause: 'cause', segment: 'scope' };

/** What each rung the learner's moves revealed weighs in evidence (the scope counts whatever the diagnosis). */
const EVIDENCE = { scope: 0.4, stage: 0.15, component: 0.2, cause: 0.25 } as const;
/** The claim each rung backs (BACKED_BY the other way round). */
const CLAIM_OF = Object.fromEntries(Object.entries(BACKED_BY).map(([claim, rung]) => [rung, claim])) as Record<Rung, Claim>;
/** A right claim nothing the learner looked at showed earns this share of its correctness. */
export const GUESS_CREDIT = 0.2;
/** A rung first revealed by a premature deep dive counts this much in evidence. */
const PREMATURE_FIND = 0.5;
const PENALTY = { premature: 0.6, misled: 0.2, outOfOrder: 0.1, cap: 0.8 };
/** Each move beyond the expert path's count multiplies efficiency by this. */
export const MOVE_FACTOR = 0.94;
export const HINT_FACTOR = 0.85;
const DEFAULT_MINUTES = 30;

export interface ScoreResult {
  score: number;
  /** Each part 0–100. */
  breakdown: Breakdown;
  weights: Breakdown;
  /** right: 0–1 (segment: overlap); share: how much of the claim the learner's moves revealed (segment: its slices). */
  claims: Record<Claim, { right: number; backed: boolean; share: number }>;
  submitted: boolean;
  /** The arithmetic of efficiency, for the debrief. */
  efficiency: Efficiency;
}

export interface Efficiency {
  /** Share of the ladder climbed (0–1). */
  ladder: number;
  moves: number;
  expertMoves: number;
  hints: number;
  /** Seconds spent, and the interview's limit in seconds. */
  spent: number;
  limit: number;
  timeFactor: number;
  value: number;
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
  const correctness = credit * sum((k) => claims[k].right * (GUESS_CREDIT + (1 - GUESS_CREDIT) * claims[k].share));
  // Evidence: what the moves established. The scope counts whatever the diagnosis says; the
  // deeper rungs count when the diagnosis claims them rightly (seeing the ranker's curve and then
  // blaming the encoder established nothing about the ranker in the learner's eyes).
  // A rung first seen in a premature deep dive was found by guessing where to look: half of it.
  const found = (r: Rung) => (!j.seen.includes(r) ? 0 : j.actions[j.revealedAt[r]!]?.classification === 'premature' ? PREMATURE_FIND : 1);
  // With nothing broken the scope step is checking the alarm segment by segment; the rest is a backed no-regression.
  const noFault = t.cause === 'no-regression';
  const evidence = noFault
    ? credit * (EVIDENCE.scope * Number(j.sliced) + (1 - EVIDENCE.scope) * claims.cause.right * claims.cause.share)
    : credit * (Object.keys(EVIDENCE) as Rung[]).reduce((s, r) => s + EVIDENCE[r] * found(r) * (r === 'scope' ? 1 : claims[CLAIM_OF[r]].right), 0);
  // How far up the ladder the learner got (with nothing broken: the slice, then a backed no-regression).
  // The ladder climbed counts the rungs the diagnosis stands on: the scope, and each deeper rung
  // seen and claimed rightly (seeing the cause and naming another is no step up).
  const coverage = noFault
    ? 0.25 * Number(j.sliced) + 0.75 * (claims.cause.backed ? claims.cause.right : 0)
    : RUNGS.filter((r) => j.seen.includes(r) && (r === 'scope' || claims[CLAIM_OF[r]].right === 1)).length / RUNGS.length;
  const eff = efficiency(c, actions, j, coverage, expertMoves);
  const breakdown = {
    correctness,
    directness: directness(j, coverage),
    evidence,
    efficiency: eff.value,
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
    efficiency: eff,
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

function directness(j: Judgement, coverage: number): number {
  let inversions = 0;
  const at = j.revealedAt;
  RUNGS.forEach((r, i) => RUNGS.slice(i + 1).forEach((later) => {
    if (at[r] !== undefined && at[later] !== undefined && at[later]! < at[r]!) inversions++;
  }));
  const count = (k: string) => j.actions.filter((a) => a.classification === k).length;
  const penalty = Math.min(PENALTY.cap, count('premature') * PENALTY.premature + count('misled') * PENALTY.misled + inversions * PENALTY.outOfOrder);
  return Math.max(0, Math.min(1, coverage - penalty));
}

/** Efficiency = ladder × MOVE_FACTOR^(moves beyond the expert path) × HINT_FACTOR^hints × time. */
function efficiency(c: Case, actions: readonly Action[], j: Judgement, ladder: number, expertMoves: number): Efficiency {
  const limit = 60 * (c.scenario.timeLimitMinutes ?? DEFAULT_MINUTES);
  const spent = actions.length ? actions[actions.length - 1].at : 0;
  const timeFactor = spent <= limit / 2 ? 1 : Math.max(0.4, 1 - (0.6 * (spent - limit / 2)) / (1.5 * limit));
  const hints = j.actions.filter((a) => a.type === 'hint').length;
  const moves = j.actions.filter(showsSomething).length;
  const value = ladder * MOVE_FACTOR ** Math.max(0, moves - expertMoves) * HINT_FACTOR ** hints * timeFactor;
  return { ladder, moves, expertMoves, hints, spent, limit, timeFactor, value };
}
