// Where an attempt is saved: one slot per scenario, seed, mode and world size — and, for an
// opened transcript, one per transcript file, so opening a transcript never replaces the attempt
// in progress. Light on purpose: the library reads it to say which attempts are under way.
import type { WorldSizes } from '../../sim/config.ts';
import type { Mode } from '../route.ts';

export interface AttemptKey {
  scenario: string;
  seed: number;
  mode: Mode;
  sizes: Partial<WorldSizes>;
  /** The slot of an opened transcript (a hash of its file); none for the person's own attempt. */
  replay?: string;
}

const PREFIX = 'faultline.attempt.v1:';

export function storageKey({ scenario, seed, mode, sizes, replay }: AttemptKey): string {
  const size = ['users', 'items', 'days'].map((k) => sizes[k as keyof WorldSizes] ?? '').join('/');
  return `${PREFIX}${scenario}:${seed}:${mode}:${size}${replay ? `:replay:${replay}` : ''}`;
}

/** A short, stable name for a transcript file's slot (FNV-1a of its text). */
export function replayName(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** The moves a saved attempt holds, read loosely (the workspace reads it properly). */
function movesOf(text: string | null): { type?: unknown }[] | null {
  try {
    const saved = JSON.parse(text ?? 'null') as { snapshot?: { context?: { actions?: unknown } }; transcript?: { actions?: unknown } } | null;
    const actions = saved?.snapshot?.context?.actions ?? saved?.transcript?.actions;
    return Array.isArray(actions) ? actions : null;
  } catch {
    return null;
  }
}

/** How many of the person's own attempts at a scenario are saved with moves and not yet submitted (opened transcripts are not theirs). */
export function attemptsInProgress(scenarioId: string): number {
  let count = 0;
  try {
    const store = window.localStorage;
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (!key?.startsWith(`${PREFIX}${scenarioId}:`) || key.includes('.corrupt') || key.includes(':replay:')) continue;
      const moves = movesOf(store.getItem(key));
      if (moves?.length && !moves.some((m) => m?.type === 'submit')) count++;
    }
  } catch {
    // storage disabled: nothing saved
  }
  return count;
}
