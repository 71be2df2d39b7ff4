// Attempts and best score per scenario, as the library shows them: an attempt counts once it
// has been graded.
import { isRecord } from '../../scenario/guards.ts';
import { readStored, writeStored, type Reading } from './storage.ts';

export interface AttemptStats {
  attempts: number;
  /** Best score 0–100, or null when no attempt was graded. */
  best: number | null;
  /** Ids of the attempts counted (a reload re-grades an attempt: it counts once). */
  counted?: string[];
}

export const ATTEMPTS_KEY = 'faultline.attempts.v1';

type StatsById = Record<string, AttemptStats>;

// Checked by hand, not with zod: the library's first screen reads these, and zod would double
// what it loads (the scenario reader loads it when a file is opened).
const isCount = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;
const isScore = (x: unknown): x is number => typeof x === 'number' && x >= 0 && x <= 100;
const isIds = (x: unknown): x is string[] => Array.isArray(x) && x.every((id) => typeof id === 'string');

/** An entry as it reads: whole, without its list of attempts counted, or not at all. */
function statsOf(entry: unknown): { stats: AttemptStats; whole: boolean } | null {
  if (!isRecord(entry) || !isCount(entry.attempts) || !(entry.best === null || isScore(entry.best))) return null;
  const stats: AttemptStats = { attempts: entry.attempts, best: entry.best };
  if (entry.counted === undefined) return { stats, whole: true };
  return isIds(entry.counted) ? { stats: { ...stats, counted: entry.counted }, whole: true } : { stats, whole: false };
}

/** Each scenario's entry on its own: one that does not read is left out (the record is set aside whole). */
function readStats(value: unknown): Reading<StatsById> {
  if (!isRecord(value)) return null;
  const stats: StatsById = {};
  const dropped: string[] = [];
  for (const [id, entry] of Object.entries(value)) {
    const read = statsOf(entry);
    if (read) stats[id] = read.stats;
    if (!read) dropped.push(`${id}: its attempts and best score`);
    else if (!read.whole) dropped.push(`${id}: its list of attempts counted`);
  }
  return { value: stats, dropped };
}

export function readAttemptStats(): { stats: StatsById; problem: string | null } {
  const { value, problem } = readStored<StatsById>(ATTEMPTS_KEY, {}, readStats, 'scores');
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
