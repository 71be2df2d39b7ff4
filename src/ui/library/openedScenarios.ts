// Scenario files the person opened (picker or drag-and-drop): kept in localStorage as text, so
// a link to one (?scenario=its-id) reopens it after a reload. Each is loaded with the same loader
// as the built-in files; ids are unique across both.
import { create } from 'zustand';
import { loadScenario } from '../../scenario/load.ts';
import type { ScenarioError } from '../../scenario/errors.ts';
import { BUILT_IN_SCENARIOS } from './builtInScenarios.ts';
import type { LibraryEntry, LoadedEntry } from './libraryEntry.ts';
import { readStored, writeStored } from './storage.ts';

export const OPENED_KEY = 'faultline.opened-scenarios.v1';

interface OpenedFile {
  fileName: string;
  text: string;
}

const isFiles = (value: unknown): value is OpenedFile[] =>
  Array.isArray(value) && value.every((f) => typeof f?.fileName === 'string' && typeof f?.text === 'string');

function entryOf({ fileName, text }: OpenedFile): LibraryEntry {
  const loaded = loadScenario(text, fileName);
  return loaded.ok
    ? { origin: 'opened', fileName, text, ok: true, scenario: loaded.scenario }
    : { origin: 'opened', fileName, text, ok: false, errors: loaded.errors };
}

/** The outcome of opening a file: added (or replaced), or why not. */
export type OpenOutcome =
  | { ok: true; id: string; replaced: boolean }
  | { ok: false; fileName: string; text: string; errors: ScenarioError[] };

interface OpenedState {
  entries: LibraryEntry[];
  problem: string | null;
  open(fileName: string, text: string): OpenOutcome;
  remove(id: string): void;
}

const initial = readStored<OpenedFile[]>(OPENED_KEY, [], isFiles);

export const useOpenedScenarios = create<OpenedState>((set, get) => ({
  entries: initial.value.map(entryOf),
  problem: initial.problem,
  open(fileName, text) {
    const loaded = loadScenario(text, fileName);
    if (!loaded.ok) return { ok: false, fileName, text, errors: loaded.errors };
    const id = loaded.scenario.id;
    if (BUILT_IN_SCENARIOS.some((e) => e.ok && e.scenario.id === id)) {
      const message = `a built-in scenario already has the id "${id}"; give this one another id`;
      return { ok: false, fileName, text, errors: [{ file: fileName, line: 1, col: 1, path: 'id', message }] };
    }
    const entries = get().entries;
    const replaced = entries.some((e) => e.ok && e.scenario.id === id);
    const next = [...entries.filter((e) => !(e.ok && e.scenario.id === id)), entryOf({ fileName, text })];
    set({ entries: next, problem: save(next) });
    return { ok: true, id, replaced };
  },
  remove(id) {
    const next = get().entries.filter((e) => !(e.ok && e.scenario.id === id));
    set({ entries: next, problem: save(next) });
  },
}));

function save(entries: LibraryEntry[]): string | null {
  return writeStored(OPENED_KEY, entries.map(({ fileName, text }) => ({ fileName, text })));
}

/** A scenario by id: built-in first, then the opened ones. */
export function findScenario(id: string): LoadedEntry | null {
  const all = [...BUILT_IN_SCENARIOS, ...useOpenedScenarios.getState().entries];
  return (all.find((e) => e.ok && e.scenario.id === id) as LoadedEntry | undefined) ?? null;
}
