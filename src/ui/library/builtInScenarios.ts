// The built-in scenarios: every scenarios/*.yaml, bundled as text at build time and checked by
// the same loader as the CLI's. A file that does not load is listed with its errors, not hidden.
import { loadScenario } from '../../scenario/load.ts';
import type { LibraryEntry } from './libraryEntry.ts';

const FILES = import.meta.glob<string>('../../../scenarios/*.yaml', { query: '?raw', import: 'default', eager: true });

function fileNameOf(path: string): string {
  return `scenarios/${path.split('/').pop()}`;
}

const ORDER = { intro: 0, medium: 1, hard: 2 } as const;
const rank = (e: LibraryEntry) => (e.ok ? ORDER[e.scenario.difficulty] : 3);

/** Easiest first, then by title; files that do not load last. */
export const BUILT_IN_SCENARIOS: LibraryEntry[] = Object.entries(FILES)
  .map(([path, text]): LibraryEntry => {
    const fileName = fileNameOf(path);
    const loaded = loadScenario(text, fileName);
    return loaded.ok
      ? { origin: 'built-in', fileName, text, ok: true, scenario: loaded.scenario }
      : { origin: 'built-in', fileName, text, ok: false, errors: loaded.errors };
  })
  .sort((a, b) => rank(a) - rank(b) || (a.ok && b.ok ? a.scenario.title.localeCompare(b.scenario.title) : a.fileName.localeCompare(b.fileName)));
