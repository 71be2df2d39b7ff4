// Attempts and best score per scenario, as the library shows them: an attempt counts once it
// has been graded.
import { readStored, writeStored } from './storage.ts';

export interface AttemptStats {
  attempts: number;
  /** Best score 0–100, or null when no attempt was graded. */
  best: number | null;
  /** Ids of the attempts counted (a reload re-grades an attempt: it counts once). */
  counted?: string[];
}

export const ATTEMPTS_KEY = 'faultline.attempts.v1';

type StatsById = Record<string, AttemptStats>;

const isStats = (value: unknown): value is StatsById =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value).every(
    (s) => typeof s === 'object' && s !== null && typeof s.attempts === 'number' && (s.best === null || typeof s.best === 'number'),
  );

export function readAttemptStats(): { stats: StatsById; problem: string | null } {
  const { value, problem } = readStored<StatsById>(ATTEMPTS_KEY, {}, isStats);
  return { stats: value, problem };
}

/** Counts a graded attempt (once per attempt id) and keeps the best score. */
export function recordAttempt(scenarioId: string, attemptId: string, score: number): void {
  const { stats } = readAttemptStats();
  const s = stats[scenarioId] ?? { attempts: 0, best: null, counted: [] };
  const counted = s.counted ?? [];
  if (counted.includes(attemptId)) return;
  stats[scenarioId] = { attempts: s.attempts + 1, best: Math.max(s.best ?? 0, score), counted: [...counted, attemptId].slice(-200) };
  writeStored(ATTEMPTS_KEY, stats);
}
