// Rule: a grade is a pure function of the case and the moves — the same transcript graded twice,
// in the CLI or the app, gives the same numbers. It holds the score, every move's judgement, the
// truth, the expert path and what the learner missed.
import type { Action } from '../scenario/actions.ts';
import type { Transcript } from '../scenario/transcript.ts';
import type { Case } from './case.ts';
import { expertPath, type ExpertPath } from './expertPath.ts';
import { judge, type JudgedAction } from './judge.ts';
import { RUNGS, type Rung } from './rungs.ts';
import { scoreAttempt, type ScoreResult } from './score.ts';
import type { Truth } from './truth.ts';

export interface ExpertStep {
  index: number;
  action: Action;
  reveals: Rung[];
  reason: string;
}

export interface Grade extends ScoreResult {
  actions: JudgedAction[];
  truth: Truth;
  expertPath: ExpertStep[];
  /** Rungs the learner never saw, each with the expert move that shows it. */
  missed: { rung: Rung; expert: string | null }[];
  debrief: string | null;
}

const experts = new WeakMap<Case, ExpertPath>();

/** The expert path of a case, derived once. */
export function expertOf(c: Case): ExpertPath {
  let e = experts.get(c);
  if (!e) {
    e = expertPath(c);
    experts.set(c, e);
  }
  return e;
}

/** The expert path as steps: each move with what it reveals and why (the grade's and `faultline solve`'s). */
export function expertSteps(c: Case): ExpertStep[] {
  const expert = expertOf(c);
  return expert.actions.map((action, index) => ({
    index,
    action,
    reveals: expert.judgement.actions[index].reveals,
    reason: expert.judgement.actions[index].reason,
  }));
}

export function grade(c: Case, transcript: Pick<Transcript, 'actions'> | readonly Action[]): Grade {
  const actions = 'actions' in transcript ? transcript.actions : transcript;
  const judgement = judge(c, actions);
  const steps = expertSteps(c);
  const expertMoves = steps.filter((s) => s.action.type !== 'submit').length;
  const missed = c.truth.cause === 'no-regression' ? [] : RUNGS.filter((r) => !judgement.seen.includes(r)).map((rung) => ({
    rung,
    expert: steps.find((s) => s.reveals.includes(rung))?.reason ?? null,
  }));
  return {
    ...scoreAttempt(c, actions, judgement, expertMoves),
    actions: judgement.actions,
    truth: c.truth,
    expertPath: steps,
    missed,
    debrief: c.scenario.debrief ?? null,
  };
}
