// Attempts and best score per scenario, as the library shows them. Attempts are recorded once the
// engine grades them (a later step); until then every scenario reads "no attempts yet".
import { readStored } from './storage.ts';

export interface AttemptStats {
  attempts: number;
  /** Best score 0–100, or null when no attempt was graded. */
  best: number | null;
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
