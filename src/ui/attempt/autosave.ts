// The attempt autosaves after every move (and when the page is hidden), per scenario, seed, mode
// and world size (attemptKey.ts): the statechart's persisted snapshot (which holds the moves) and
// the seconds spent. An imported transcript is saved as a transcript, in a slot of its own, its
// moves replayed on opening. A reload resumes either; a snapshot of an older shape resumes from
// its moves; a saved attempt that cannot be used at all is set aside (storage.ts) and reported,
// never fatal.
import { createActor } from 'xstate';
import { attemptMachine } from '../../engine/attempt.ts';
import { isRecord } from '../../scenario/guards.ts';
import { transcriptSchema, TRANSCRIPT_FORMAT, TRANSCRIPT_VERSION, type Transcript } from '../../scenario/transcript.ts';
import type { Action } from '../../scenario/actions.ts';
import { readStored, writeStored, type Reading } from '../library/storage.ts';
import { storageKey, type AttemptKey } from './attemptKey.ts';
import type { AttemptSession, Resume } from './session.ts';

/** Seconds spent when it was saved (the clock resumes from here), and the attempt itself. */
export type SavedAttempt = { elapsed: number } & ({ snapshot: unknown } | { transcript: Transcript });

const readsAsMoves = (actions: unknown): actions is Action[] =>
  transcriptSchema.safeParse({ format: TRANSCRIPT_FORMAT, version: TRANSCRIPT_VERSION, actions }).success;

/** No attempt lasts ten days: a larger (or negative, or non-numeric) elapsed is not a time. */
const MAX_SECONDS = 10 * 24 * 3600;
const secondsOf = (value: unknown): number | null =>
  typeof value === 'number' && value >= 0 && value <= MAX_SECONDS ? Math.floor(value) : null;
/** The last move's stamp: the seconds an attempt had spent at least. */
const lastAt = (actions: readonly Action[]) => actions.at(-1)?.at ?? 0;

/** Whether a saved context has every field today's chart keeps (an older save may lack `seen`). */
function currentShape(context: Record<string, unknown>): boolean {
  const today = createActor(attemptMachine, { input: { mode: 'practice' } }).getSnapshot().context as unknown as Record<string, unknown>;
  return Object.entries(today).every(([field, value]) => field in context && Array.isArray(value) === Array.isArray(context[field]));
}

/** A persisted snapshot of the attempt chart that restores without an error. */
function restores(snapshot: unknown): boolean {
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

/**
 * A saved attempt, brought up to date: a snapshot of today's chart resumes as it was; one of an
 * older shape whose moves still read resumes from its moves (replayed, as an imported transcript
 * is); an elapsed time that is not one is taken from the last move. Null: nothing usable.
 */
function readSaved(key: AttemptKey, value: unknown): Reading<SavedAttempt> {
  if (!isRecord(value)) return null;
  if ('transcript' in value) {
    const parsed = transcriptSchema.safeParse(value.transcript);
    if (!parsed.success) return null;
    const elapsed = secondsOf(value.elapsed) ?? lastAt(parsed.data.actions);
    return { value: { transcript: parsed.data, elapsed }, migrated: elapsed !== value.elapsed };
  }
  const snapshot = value.snapshot;
  if (!isRecord(snapshot) || !isRecord(snapshot.context) || !readsAsMoves(snapshot.context.actions)) return null;
  const actions = snapshot.context.actions;
  const elapsed = secondsOf(value.elapsed) ?? lastAt(actions);
  const replayed = { transcript: transcriptOf(key, actions), elapsed };
  // An older shape is brought up to date; today's shape that does not restore is damaged: its
  // moves still resume, and the record is set aside as it was.
  if (!currentShape(snapshot.context)) return { value: replayed, migrated: true };
  if (restores(snapshot)) return { value: { snapshot, elapsed }, migrated: elapsed !== value.elapsed };
  return { value: replayed, dropped: ['its saved state does not restore, so it resumes from its moves'] };
}

/** What a session continues from a saved attempt. */
export function resumeOf(saved: SavedAttempt): Resume {
  return 'snapshot' in saved ? { snapshot: saved.snapshot, elapsed: saved.elapsed } : { actions: saved.transcript.actions, elapsed: saved.elapsed };
}

export function loadAttempt(key: AttemptKey): { saved: SavedAttempt | null; problem: string | null } {
  const { value, problem } = readStored<SavedAttempt | null>(storageKey(key), null, (v) => readSaved(key, v), 'attempt');
  return { saved: value, problem };
}

export { storageKey, type AttemptKey };

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

/** Whether anything is saved in the attempt's slot. */
export function hasSaved(key: AttemptKey): boolean {
  try {
    return window.localStorage.getItem(storageKey(key)) !== null;
  } catch {
    return false;
  }
}

export function discardAttempt(key: AttemptKey): void {
  try {
    window.localStorage.removeItem(storageKey(key));
  } catch {
    // storage disabled: nothing was saved either
  }
}
