// The attempt's record: every move the learner makes, in transcript form (src/scenario/actions.ts,
// DESIGN §4), `at` in whole seconds since the attempt started. This is the one place the app
// records moves; when the engine's statechart (xstate) takes over the attempt, it replaces this
// module behind the same three calls: start, record, and reading the actions.
import { useSyncExternalStore } from 'react';
import type { Action } from '../../scenario/actions.ts';

/** An action as the app reports it; the trail stamps `at`. */
export type Move = Action extends infer A ? (A extends Action ? Omit<A, 'at'> : never) : never;

export class Trail {
  private actions: readonly Action[];
  private startedAt: number | null = null;
  private readonly resumedAt: number;
  private readonly listeners = new Set<() => void>();

  /** `resume`: the moves and seconds of a saved attempt, continued from where it stopped. */
  constructor(
    resume: { actions: readonly Action[]; elapsed: number } | null = null,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.actions = resume?.actions ?? [];
    this.resumedAt = resume?.elapsed ?? 0;
  }

  /** The attempt starts (the world is ready and shown); moves before this are not recorded. */
  start(): void {
    if (this.startedAt === null) this.startedAt = this.now() - this.resumedAt * 1000;
  }

  /** Whether this attempt continues a saved one. */
  get resumed(): boolean {
    return this.actions.length > 0 || this.resumedAt > 0;
  }

  get started(): boolean {
    return this.startedAt !== null;
  }

  /** Seconds since the start (before it: those of the attempt resumed, or 0). */
  elapsed(): number {
    return this.startedAt === null ? this.resumedAt : Math.max(0, Math.floor((this.now() - this.startedAt) / 1000));
  }

  private timedOut = false;

  /** Submitting ends the attempt, and so does the interview's time limit: nothing is recorded after. */
  get ended(): boolean {
    return this.timedOut || this.actions.some((a) => a.type === 'submit');
  }

  /** The interview's time ran out (the attempt's statechart says so). */
  timeUp(): void {
    if (this.ended) return;
    this.timedOut = true;
    this.actions = [...this.actions]; // a new snapshot, so readers re-render
    for (const listener of this.listeners) listener();
  }

  get isTimedOut(): boolean {
    return this.timedOut;
  }

  record(move: Move): Action | null {
    if (this.startedAt === null || this.ended) return null;
    const action = { at: this.elapsed(), ...move } as Action;
    this.actions = [...this.actions, action];
    for (const listener of this.listeners) listener();
    return action;
  }

  get snapshot(): readonly Action[] {
    return this.actions;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

export function useTrailActions(trail: Trail): readonly Action[] {
  return useSyncExternalStore(trail.subscribe, () => trail.snapshot);
}
