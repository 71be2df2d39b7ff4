// The attempt autosaves after every move (and when the page is hidden): its transcript and the
// time spent, per scenario, seed, mode and world size. A reload resumes it; a saved attempt that
// no longer reads as a transcript is set aside under `<key>.corrupt` and reported, never fatal.
import { transcriptSchema, TRANSCRIPT_FORMAT, TRANSCRIPT_VERSION, type Transcript } from '../../scenario/transcript.ts';
import type { Action } from '../../scenario/actions.ts';
import type { WorldSizes } from '../../sim/config.ts';
import { readStored, writeStored } from '../library/storage.ts';
import type { Mode } from '../route.ts';

export interface AttemptKey {
  scenario: string;
  seed: number;
  mode: Mode;
  sizes: Partial<WorldSizes>;
}

export interface SavedAttempt {
  transcript: Transcript;
  /** Seconds spent when it was saved: the clock resumes from here. */
  elapsed: number;
}

export function storageKey({ scenario, seed, mode, sizes }: AttemptKey): string {
  const size = ['users', 'items', 'days'].map((k) => sizes[k as keyof WorldSizes] ?? '').join('/');
  return `faultline.attempt.v1:${scenario}:${seed}:${mode}:${size}`;
}

const isSaved = (value: unknown): value is SavedAttempt => {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<SavedAttempt>;
  return typeof v.elapsed === 'number' && v.elapsed >= 0 && transcriptSchema.safeParse(v.transcript).success;
};

export function loadAttempt(key: AttemptKey): { saved: SavedAttempt | null; problem: string | null } {
  const { value, problem } = readStored<SavedAttempt | null>(storageKey(key), null, (v): v is SavedAttempt | null => isSaved(v));
  return { saved: value, problem };
}

export function transcriptOf(key: AttemptKey, actions: readonly Action[]): Transcript {
  return { format: TRANSCRIPT_FORMAT, version: TRANSCRIPT_VERSION, scenario: key.scenario, seed: key.seed, mode: key.mode, actions: [...actions] };
}

export function saveAttempt(key: AttemptKey, actions: readonly Action[], elapsed: number): string | null {
  return writeStored(storageKey(key), { transcript: transcriptOf(key, actions), elapsed } satisfies SavedAttempt);
}

export function discardAttempt(key: AttemptKey): void {
  try {
    window.localStorage.removeItem(storageKey(key));
  } catch {
    // storage disabled: nothing was saved either
  }
}
