// Rule: the app feeds an attempt one move at a time. Each step is pure: it judges the moves so far
// (views are cached in the case, so only the new move costs anything) and returns the event for
// the attempt's statechart. Judging the whole list again is what lets a later move revise an
// earlier one (a lead shown, then chased, becomes misled) — and keeps app and CLI identical.
import type { Action } from '../scenario/actions.ts';
import { eventOf, type AttemptEvent } from './attempt.ts';
import { lookAt, type Case, type Look } from './case.ts';
import { judge, type Judgement, type JudgedAction } from './judge.ts';
import { showsSomething } from './view.ts';

export interface Step {
  actions: Action[];
  judgement: Judgement;
  /** The judgement of the move just made. */
  latest: JudgedAction;
  /** What the move shows (for the app to draw) and its readings. */
  look: Look | null;
  /** Send this to the attempt's actor. */
  event: AttemptEvent;
}

export function step(c: Case, before: readonly Action[], next: Action): Step {
  const actions = [...before, next];
  const judgement = judge(c, actions);
  const latest = judgement.actions[judgement.actions.length - 1];
  const look = showsSomething(next) ? lookAt(c, next) : null;
  return { actions, judgement, latest, look, event: eventOf(next, latest.reveals) };
}
