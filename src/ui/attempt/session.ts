// The attempt as the app runs it: the engine's statechart (src/engine/attempt.ts) as one xstate
// actor whose context holds every move, plus the clock that stamps them (`at`: whole seconds since
// the world was ready). The UI reads moves, the end and the time-up from the actor's snapshot
// (useAttempt); autosave writes its persisted snapshot. A saved snapshot is restored as it was;
// an imported transcript's moves are replayed into a new actor. Either way, when the world is
// ready again the clock resumes from the seconds saved (RESUME re-arms the interview limit).
import { useSyncExternalStore } from 'react';
import { createActor, type Actor, type SnapshotFrom } from 'xstate';
import { attemptMachine, eventOf, type AttemptInput } from '../../engine/attempt.ts';
import type { Action } from '../../scenario/actions.ts';

/** An action as the app reports it; the session stamps `at`. */
export type Move = Action extends infer A ? (A extends Action ? Omit<A, 'at'> : never) : never;

export type AttemptSnapshot = SnapshotFrom<typeof attemptMachine>;

/** What a session continues: a persisted snapshot (autosave) or a transcript's moves (an imported file). */
export type Resume = { elapsed: number } & ({ snapshot: unknown } | { actions: readonly Action[] });

export class AttemptSession {
  readonly actor: Actor<typeof attemptMachine>;
  private startedAt: number | null = null;
  private readonly resumedAt: number;
  /** Whether this attempt continues a saved one. */
  readonly resumed: boolean;

  constructor(
    input: AttemptInput,
    resume: Resume | null = null,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.resumedAt = resume?.elapsed ?? 0;
    if (resume && 'snapshot' in resume) {
      this.actor = createActor(attemptMachine, { input, snapshot: resume.snapshot as AttemptSnapshot }).start();
    } else {
      this.actor = createActor(attemptMachine, { input }).start();
      if (resume) {
        this.actor.send({ type: 'START' });
        for (const action of resume.actions) this.actor.send(eventOf(action));
      }
    }
    this.resumed = this.actions.length > 0 || this.resumedAt > 0;
  }

  /** The world is ready and shown: a new attempt starts; a resumed one's clock runs again. */
  start(): void {
    if (this.startedAt !== null) return;
    this.startedAt = this.now() - this.resumedAt * 1000;
    const snapshot = this.actor.getSnapshot();
    if (snapshot.matches('briefing')) this.actor.send({ type: 'START' });
    else if (snapshot.matches('investigating')) this.actor.send({ type: 'RESUME', at: this.resumedAt });
  }

  get started(): boolean {
    return this.startedAt !== null;
  }

  /** Seconds since the start (before it: those of the attempt resumed, or 0). */
  elapsed(): number {
    return this.startedAt === null ? this.resumedAt : Math.max(0, Math.floor((this.now() - this.startedAt) / 1000));
  }

  get actions(): readonly Action[] {
    return this.actor.getSnapshot().context.actions;
  }

  /** Records a move, stamped now; null when the attempt has not started or has ended (the chart refuses it). */
  record(move: Move): Action | null {
    if (this.startedAt === null) return null;
    const before = this.actions.length;
    const action = { at: this.elapsed(), ...move } as Action;
    this.actor.send(eventOf(action));
    return this.actions.length > before ? action : null;
  }

  /** The debrief is on screen: the chart reaches its final state. */
  debriefed(): void {
    this.actor.send({ type: 'DEBRIEF' });
  }

  subscribe = (listener: () => void): (() => void) => {
    const subscription = this.actor.subscribe(() => listener());
    return () => subscription.unsubscribe();
  };
}

/** Submitting ends the attempt, and so does the interview's time limit (then `timedOut`). */
export const hasEnded = (snapshot: AttemptSnapshot): boolean => snapshot.status === 'done' || snapshot.matches('submitted');

/** The actor's snapshot, re-read after every transition. */
export function useAttempt(session: AttemptSession): AttemptSnapshot {
  return useSyncExternalStore(session.subscribe, () => session.actor.getSnapshot());
}
