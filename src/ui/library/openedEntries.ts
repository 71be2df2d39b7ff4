// The opened files read as scenarios, with the same loader as the built-in files; ids are unique
// across both. Loaded on demand (it carries the YAML reader and the schema): by the library when
// there are stored files, by the workspace, and when a person opens a file.
import { loadScenario } from '../../scenario/load.ts';
import type { ScenarioError } from '../../scenario/errors.ts';
import { firstParagraphPlain } from '../markdown.ts';
import { BUILT_IN_SCENARIOS } from './builtInScenarios.ts';
import type { LibraryEntry, LoadedEntry } from './libraryEntry.ts';
import { useOpenedScenarios, type OpenedFile } from './openedScenarios.ts';

function entryOf({ fileName, text }: OpenedFile): LibraryEntry {
  const loaded = loadScenario(text, fileName);
  return loaded.ok
    ? { origin: 'opened', fileName, text, ok: true, scenario: loaded.scenario, summary: firstParagraphPlain(loaded.scenario.briefing) }
    : { origin: 'opened', fileName, text, ok: false, errors: loaded.errors };
}

/** The opened files as entries, read once. */
export function openedEntries(): LibraryEntry[] {
  const state = useOpenedScenarios.getState();
  if (state.entries) return state.entries;
  const entries = state.files.map(entryOf);
  useOpenedScenarios.setState({ entries });
  return entries;
}

/** The outcome of opening a file: added (or replaced), or why not. */
export type OpenOutcome =
  | { ok: true; id: string; replaced: boolean }
  | { ok: false; fileName: string; text: string; errors: ScenarioError[] };

export function openScenarioFile(fileName: string, text: string): OpenOutcome {
  const loaded = loadScenario(text, fileName);
  if (!loaded.ok) return { ok: false, fileName, text, errors: loaded.errors };
  const id = loaded.scenario.id;
  if (BUILT_IN_SCENARIOS.some((e) => e.ok && e.scenario.id === id)) {
    const message = `a built-in scenario already has the id "${id}"; give this one another id`;
    return { ok: false, fileName, text, errors: [{ file: fileName, line: 1, col: 1, path: 'id', message }] };
  }
  const entries = openedEntries();
  const replaced = entries.some((e) => e.ok && e.scenario.id === id);
  useOpenedScenarios.getState().setEntries([...entries.filter((e) => !(e.ok && e.scenario.id === id)), entryOf({ fileName, text })]);
  return { ok: true, id, replaced };
}

export function removeOpenedScenario(id: string): void {
  useOpenedScenarios.getState().setEntries(openedEntries().filter((e) => !(e.ok && e.scenario.id === id)));
}

/** Removes an opened file that does not load (it has no id to go by). */
export function removeOpenedFile(fileName: string): void {
  useOpenedScenarios.getState().setEntries(openedEntries().filter((e) => e.ok || e.fileName !== fileName));
}

/** A scenario by id: built-in first, then the opened ones. */
export function findScenario(id: string): LoadedEntry | null {
  const all = [...BUILT_IN_SCENARIOS, ...openedEntries()];
  return (all.find((e) => e.ok && e.scenario.id === id) as LoadedEntry | undefined) ?? null;
}
