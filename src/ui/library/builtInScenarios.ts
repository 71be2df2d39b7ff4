// The built-in scenarios: every scenarios/*.yaml, bundled as text at build time and checked by
// the same loader as the CLI's. A file that does not load is listed with its errors, not hidden.
import { loadScenario } from '../../scenario/load.ts';
import type { LibraryEntry } from './libraryEntry.ts';

const FILES = import.meta.glob<string>('../../../scenarios/*.yaml', { query: '?raw', import: 'default', eager: true });

function fileNameOf(path: string): string {
  return `scenarios/${path.split('/').pop()}`;
}

export const BUILT_IN_SCENARIOS: LibraryEntry[] = Object.entries(FILES)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([path, text]) => {
    const fileName = fileNameOf(path);
    const loaded = loadScenario(text, fileName);
    return loaded.ok
      ? { origin: 'built-in', fileName, text, ok: true, scenario: loaded.scenario }
      : { origin: 'built-in', fileName, text, ok: false, errors: loaded.errors };
  });
