// The attempt autosaves after every move (and when the page is hidden), per scenario, seed, mode
// and world size: the statechart's persisted snapshot (which holds the moves) and the seconds
// spent. An imported transcript is saved as a transcript, its moves replayed on opening. A reload
// resumes either; a saved attempt that does not restore (not a snapshot of the attempt chart, or
// moves that do not read as a transcript's) is set aside under `<key>.corrupt` and reported,
// never fatal.
import { createActor } from 'xstate';
import { attemptMachine } from '../../engine/attempt.ts';
import { isRecord } from '../../scenario/guards.ts';
import { transcriptSchema, TRANSCRIPT_FORMAT, TRANSCRIPT_VERSION, type Transcript } from '../../scenario/transcript.ts';
import type { Action } from '../../scenario/actions.ts';
import type { WorldSizes } from '../../sim/config.ts';
import { readStored, writeStored } from '../library/storage.ts';
import type { Mode } from '../route.ts';
import type { AttemptSession, Resume } from './session.ts';

export interface AttemptKey {
  scenario: string;
  seed: number;
  mode: Mode;
  sizes: Partial<WorldSizes>;
}

/** Seconds spent when it was saved (the clock resumes from here), and the attempt itself. */
export type SavedAttempt = { elapsed: number } & ({ snapshot: unknown } | { transcript: Transcript });

export function storageKey({ scenario, seed, mode, sizes }: AttemptKey): string {
  const size = ['users', 'items', 'days'].map((k) => sizes[k as keyof WorldSizes] ?? '').join('/');
  return `faultline.attempt.v1:${scenario}:${seed}:${mode}:${size}`;
}

const readsAsMoves = (actions: unknown) =>
  transcriptSchema.safeParse({ format: TRANSCRIPT_FORMAT, version: TRANSCRIPT_VERSION, actions }).success;

/** A persisted snapshot of the attempt chart whose moves read as a transcript's, and which restores. */
function restores(snapshot: unknown): boolean {
  if (!isRecord(snapshot) || !isRecord(snapshot.context) || !readsAsMoves(snapshot.context.actions)) return false;
  try {
    const actor = createActor(attemptMachine, { input: { mode: 'practice' }, snapshot: snapshot as never });
    // An observer for the error, or xstate reports it as uncaught: a bad save is expected here.
    actor.subscribe({ error: () => undefined });
    actor.start();
    const ok = actor.getSnapshot().status !== 'error';
    actor.stop();
    return ok;
  } catch {
    return false;
  }
}

const isSaved = (value: unknown): value is SavedAttempt => {
  if (!isRecord(value) || typeof value.elapsed !== 'number' || !(value.elapsed >= 0)) return false;
  return 'snapshot' in value ? restores(value.snapshot) : transcriptSchema.safeParse(value.transcript).success;
};

/** What a session continues from a saved attempt. */
export function resumeOf(saved: SavedAttempt): Resume {
  return 'snapshot' in saved ? { snapshot: saved.snapshot, elapsed: saved.elapsed } : { actions: saved.transcript.actions, elapsed: saved.elapsed };
}

export function loadAttempt(key: AttemptKey): { saved: SavedAttempt | null; problem: string | null } {
  const { value, problem } = readStored<SavedAttempt | null>(storageKey(key), null, (v): v is SavedAttempt | null => isSaved(v));
  return { saved: value, problem };
}

export function transcriptOf(key: AttemptKey, actions: readonly Action[]): Transcript {
  return { format: TRANSCRIPT_FORMAT, version: TRANSCRIPT_VERSION, scenario: key.scenario, seed: key.seed, mode: key.mode, actions: [...actions] };
}

/** The session as it is now: the actor's persisted snapshot and the seconds spent. */
export function saveAttempt(key: AttemptKey, session: AttemptSession): string | null {
  return writeStored(storageKey(key), { snapshot: session.actor.getPersistedSnapshot(), elapsed: session.elapsed() } satisfies SavedAttempt);
}

/** An imported transcript, to be opened as the attempt for its key. */
export function saveTranscript(key: AttemptKey, actions: readonly Action[], elapsed: number): string | null {
  return writeStored(storageKey(key), { transcript: transcriptOf(key, actions), elapsed } satisfies SavedAttempt);
}

export function discardAttempt(key: AttemptKey): void {
  try {
    window.localStorage.removeItem(storageKey(key));
  } catch {
    // storage disabled: nothing was saved either
  }
}
