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
  /** With several faults acting: those the diagnosis did not name, each with the expert move that shows it. */
  missedFaults: (ActingFault & { expert: string | null })[];
  /** The share of correctness and evidence the faults named earn (1: every acting fault named, or one fault acts). */
  credit: number;
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
  const given = 'actions' in transcript ? transcript.actions : transcript;
  const n = naming(c, given);
  const actions = n.actions;
  // A diagnosis naming another fault that acts (and not the primary) is judged against that fault, for part of the credit.
  const otherFault = n.otherFault;
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
    ...scoreAttempt(graded, actions, judgement, expertMoves, n.credit),
    actions: judged,
    truth: c.truth,
    otherFault,
    missedFaults: n.missedFaults.map((f) => ({ ...f, expert: revealingMove(c, f) })),
    credit: n.credit,
    expertPath: steps,
    missed,
    debrief: c.scenario.debrief ?? null,
  };
}

/** Naming the primary fault alone, when others act too, earns this share; naming every acting fault earns it all. */
export const PRIMARY_ONLY_CREDIT = 0.8;
/** Each extra fault named that does not act multiplies the credit by this (a shotgun diagnosis costs). */
export const WRONG_EXTRA_FACTOR = 0.8;

interface Naming {
  /** The transcript as graded: a diagnosis whose `also` names the primary is read with the primary first. */
  actions: readonly Action[];
  otherFault: ActingFault | null;
  credit: number;
  missedFaults: ActingFault[];
}

type Named = { cause: string; component?: string; stage?: string };
const names = (f: ActingFault, n: Named) => n.cause === f.cause && (!n.component || n.component === f.component);

/**
 * Which acting faults a diagnosis names (its cause and its `also`), and the credit that earns:
 * the primary and every other fault — full; the primary alone — PRIMARY_ONLY_CREDIT, plus its
 * share of the others named; another fault without the primary — OTHER_FAULT_CREDIT, graded
 * against it. Each `also` entry that names no acting fault costs WRONG_EXTRA_FACTOR.
 */
function naming(c: Case, actions: readonly Action[]): Naming {
  const at = actions.findIndex((a) => a.type === 'submit');
  const d = at >= 0 ? (actions[at] as Extract<Action, { type: 'submit' }>).diagnosis : undefined;
  const t = c.truth;
  const primary: ActingFault | null = t.cause !== 'no-regression' && t.stage && t.component && t.onsetDay !== null
    ? { stage: t.stage, component: t.component, cause: t.cause, onsetDay: t.onsetDay }
    : null;
  const acting = [...(primary ? [primary] : []), ...t.others];
  if (!d) return { actions, otherFault: null, credit: 1, missedFaults: t.others };
  const also = d.also ?? [];
  const all: Named[] = [d, ...also];
  const extras = also.filter((n) => !acting.some((f) => names(f, n))).length;
  const penalty = WRONG_EXTRA_FACTOR ** extras;
  const missedFaults = t.others.length ? acting.filter((f) => !all.some((n) => names(f, n))) : [];
  const othersNamed = t.others.filter((f) => all.some((n) => names(f, n))).length;
  const share = t.others.length ? PRIMARY_ONLY_CREDIT + ((1 - PRIMARY_ONLY_CREDIT) * othersNamed) / t.others.length : 1;
  if (primary && d.cause !== primary.cause) {
    const listed = also.find((n) => names(primary, n));
    if (listed) {
      // The primary named second: read the diagnosis with it first (the segment stays the learner's).
      const swapped = { ...d, stage: listed.stage ?? primary.stage, component: listed.component ?? primary.component, cause: primary.cause, also: [...also.filter((n) => n !== listed), { cause: d.cause, ...(d.stage ? { stage: d.stage } : {}), ...(d.component ? { component: d.component } : {}) }] } as typeof d;
      const next = [...actions];
      next[at] = { ...actions[at], diagnosis: swapped } as Action;
      return { actions: next, otherFault: null, credit: share * penalty, missedFaults };
    }
    const other = t.others.find((f) => names(f, d)) ?? null;
    if (other) return { actions, otherFault: other, credit: OTHER_FAULT_CREDIT * penalty, missedFaults };
    return { actions, otherFault: null, credit: penalty, missedFaults };
  }
  return { actions, otherFault: null, credit: (primary ? share : 1) * penalty, missedFaults };
}

/** The expert's move that would have shown an acting fault's cause (its own expert path), in words. */
function revealingMove(c: Case, f: ActingFault): string | null {
  const own = c.truth.cause === f.cause && c.truth.component === f.component ? c : caseForFault(c, f);
  const steps = expertSteps(own);
  return steps.find((s) => s.reveals.includes('cause'))?.reason ?? steps.find((s) => s.reveals.includes('component'))?.reason ?? null;
}
