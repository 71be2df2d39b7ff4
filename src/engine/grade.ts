// Rule: a grade is a pure function of the case and the moves — the same transcript graded twice,
// in the CLI or the app, gives the same numbers. It holds the score, every move's judgement, the
// truth, the expert path and what the learner missed. When several faults act, a diagnosis naming
// one that is not the primary (the one the file's answer names) is graded against that fault, for part of the credit.
import type { Action } from '../scenario/actions.ts';
import type { Transcript } from '../scenario/transcript.ts';
import { caseForFault, type Case } from './case.ts';
import { expertPath, type ExpertPath } from './expertPath.ts';
import { judge, type JudgedAction } from './judge.ts';
import { otherFaultReason } from './reasons.ts';
import { RUNGS, type Rung } from './rungs.ts';
import { OTHER_FAULT_CREDIT, scoreAttempt, type ScoreResult } from './score.ts';
import type { ActingFault, Truth } from './truth.ts';

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
  /** The other acting fault the diagnosis named instead of the primary one (graded for part of the credit), or null. */
  otherFault: ActingFault | null;
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
  // A diagnosis naming another fault that acts is judged against that fault, for part of the credit.
  const otherFault = otherFaultNamed(c, actions);
  const graded = otherFault ? caseForFault(c, otherFault) : c;
  const judgement = judge(graded, actions);
  const primary = otherFault ? judge(c, actions) : judgement;
  const steps = expertSteps(c);
  const expertMoves = steps.filter((s) => s.action.type !== 'submit').length;
  const missed = c.truth.cause === 'no-regression' ? [] : RUNGS.filter((r) => !primary.seen.includes(r)).map((rung) => ({
    rung,
    expert: steps.find((s) => s.reveals.includes(rung))?.reason ?? null,
  }));
  const judged = otherFault
    ? judgement.actions.map((a) => (a.type === 'submit' ? { ...a, reason: otherFaultReason(c, otherFault, OTHER_FAULT_CREDIT) } : a))
    : judgement.actions;
  return {
    ...scoreAttempt(graded, actions, judgement, expertMoves, otherFault ? OTHER_FAULT_CREDIT : 1),
    actions: judged,
    truth: c.truth,
    otherFault,
    expertPath: steps,
    missed,
    debrief: c.scenario.debrief ?? null,
  };
}

/** The acting fault a submitted diagnosis names when it is not the primary one. */
function otherFaultNamed(c: Case, actions: readonly Action[]): ActingFault | null {
  const d = actions.find((a): a is Extract<Action, { type: 'submit' }> => a.type === 'submit')?.diagnosis;
  if (!d || d.cause === c.truth.cause) return null;
  return c.truth.others.find((f) => f.cause === d.cause && (!d.component || d.component === f.component)) ?? null;
}
