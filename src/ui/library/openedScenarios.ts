// Scenario files the person opened (picker or drag-and-drop): kept in localStorage as text, so
// a link to one (?scenario=its-id) reopens it after a reload. This store holds them as stored;
// reading them into scenarios (YAML, schema) is openedEntries.ts, loaded only when there is a
// file to read — the library screen's first load carries no scenario reader.
import { create } from 'zustand';
import type { LibraryEntry } from './libraryEntry.ts';
import { readStored, writeStored, type Reading } from './storage.ts';

export const OPENED_KEY = 'faultline.opened-scenarios.v1';

export interface OpenedFile {
  fileName: string;
  text: string;
}

// (Checked by hand, not with zod: the library's first screen reads this.)
const isFile = (f: unknown): f is OpenedFile =>
  typeof f === 'object' && f !== null && typeof (f as OpenedFile).fileName === 'string' && typeof (f as OpenedFile).text === 'string';

/** Each file on its own: one that does not read is left out (the record is set aside whole). */
function readFiles(value: unknown): Reading<OpenedFile[]> {
  if (!Array.isArray(value)) return null;
  const files: OpenedFile[] = [];
  const dropped: string[] = [];
  value.forEach((f: unknown, i) => {
    if (isFile(f)) files.push({ fileName: f.fileName, text: f.text });
    else dropped.push(`opened file ${i + 1} has no name or text`);
  });
  return { value: files, dropped };
}

interface OpenedState {
  /** The files as stored. */
  files: OpenedFile[];
  /** The files read as scenarios (null until openedEntries.ts has read them). */
  entries: LibraryEntry[] | null;
  problem: string | null;
  /** Replaces the entries and stores their files. */
  setEntries(entries: LibraryEntry[]): void;
}

const initial = readStored<OpenedFile[]>(OPENED_KEY, [], readFiles, 'opened scenario files');

export const useOpenedScenarios = create<OpenedState>((set) => ({
  files: initial.value,
  entries: initial.value.length ? null : [],
  problem: initial.problem,
  setEntries(entries) {
    const files = entries.map(({ fileName, text }) => ({ fileName, text }));
    set({ entries, files, problem: writeStored(OPENED_KEY, files) });
  },
}));

/** Reads the opened files into entries (loading the reader first) unless that is done. */
export async function readOpenedScenarios(): Promise<LibraryEntry[]> {
  const done = useOpenedScenarios.getState().entries;
  if (done) return done;
  const { openedEntries } = await import('./openedEntries.ts');
  return openedEntries();
}
