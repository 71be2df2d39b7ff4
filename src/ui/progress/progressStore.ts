// A learner's graded attempts, kept in this browser (localStorage), for the progress view: one
// entry per attempt, at most MAX_ENTRIES (the oldest dropped). Exported and imported as one JSON
// file; an import adds the entries this browser lacks and reports those it cannot read.
import { isRecord } from '../../scenario/guards.ts';
import { SKILLS, type ProgressEntry } from '../../engine/progress.ts';
import { readStored, writeStored, type Reading } from '../library/storage.ts';

export const PROGRESS_KEY = 'faultline.progress.v1';
export const PROGRESS_FORMAT = 'faultline-progress';
export const MAX_ENTRIES = 2000;

const isUnit = (x: unknown): x is number => typeof x === 'number' && x >= 0 && x <= 1;

/** An entry as it reads, or why not. */
function entryOf(x: unknown): ProgressEntry | string {
  if (!isRecord(x)) return 'not an object';
  const { id, scenario, kind, stage, at, score, skills, generated } = x;
  if (typeof id !== 'string' || typeof scenario !== 'string' || typeof kind !== 'string') return 'id, scenario and kind must be text';
  if (!(stage === null || typeof stage === 'string')) return 'stage must be text or null';
  if (!Number.isFinite(at) || !(typeof score === 'number' && score >= 0 && score <= 100)) return 'at must be a time and score 0–100';
  if (!isRecord(skills) || !SKILLS.every((s) => isUnit(skills[s]))) return `skills must each be 0–1 (${SKILLS.join(', ')})`;
  return { id, scenario, kind, stage, at: at as number, score, skills: Object.fromEntries(SKILLS.map((s) => [s, skills[s]])) as ProgressEntry['skills'], generated: generated === true };
}

function readEntries(value: unknown): Reading<ProgressEntry[]> {
  if (!Array.isArray(value)) return null;
  const entries: ProgressEntry[] = [];
  const dropped: string[] = [];
  value.forEach((x, i) => {
    const e = entryOf(x);
    if (typeof e === 'string') dropped.push(`attempt ${i + 1}: ${e}`);
    else entries.push(e);
  });
  return { value: entries, dropped };
}

export function readProgress(): { entries: ProgressEntry[]; problem: string | null } {
  const { value, problem } = readStored<ProgressEntry[]>(PROGRESS_KEY, [], readEntries, 'progress');
  return { entries: value, problem };
}

/** Adds a graded attempt (once per attempt id: a re-grade replaces nothing). */
export function recordProgress(entry: ProgressEntry): string | null {
  const { entries } = readProgress();
  if (entries.some((e) => e.id === entry.id)) return null;
  return writeStored(PROGRESS_KEY, [...entries, entry].slice(-MAX_ENTRIES));
}

export function exportProgress(entries: readonly ProgressEntry[]): string {
  return JSON.stringify({ format: PROGRESS_FORMAT, version: 1, entries }, null, 2) + '\n';
}

/** Reads an exported file and adds the attempts this browser lacks; what was added and what could not be read. */
export function importProgress(fileName: string, text: string): { added: number; problems: string[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { added: 0, problems: [`${fileName}: not JSON (${error instanceof Error ? error.message : String(error)})`] };
  }
  if (!isRecord(value) || value.format !== PROGRESS_FORMAT || !Array.isArray(value.entries)) {
    return { added: 0, problems: [`${fileName}: format: not a Faultline progress file (it must say "format": "${PROGRESS_FORMAT}" and list "entries")`] };
  }
  const read = readEntries(value.entries)!;
  const { entries } = readProgress();
  const known = new Set(entries.map((e) => e.id));
  const fresh = read.value.filter((e) => !known.has(e.id));
  const merged = [...entries, ...fresh].sort((a, b) => a.at - b.at).slice(-MAX_ENTRIES);
  const problem = fresh.length ? writeStored(PROGRESS_KEY, merged) : null;
  return { added: problem ? 0 : fresh.length, problems: [...(read.dropped ?? []).map((d) => `${fileName}: entries: ${d}`), ...(problem ? [problem] : [])] };
}
