// A Vite plugin serving `virtual:built-in-scenarios`: every scenarios/*.yaml loaded at build time
// by the same loader as the CLI's (a file that does not load is listed with its errors), each
// with its briefing's first paragraph as plain text for its library card. The library screen so
// needs neither the YAML reader, the schema nor the Markdown renderer to show the built-ins:
// those load when a person opens a file of their own, or a scenario.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { loadScenario } from '../src/scenario/load.ts';
import { firstParagraphPlain } from '../src/ui/markdown.ts';
import type { LibraryEntry } from '../src/ui/library/libraryEntry.ts';

const ID = 'virtual:built-in-scenarios';
const RESOLVED = `\0${ID}`;
const ORDER = { intro: 0, medium: 1, hard: 2 } as const;
const rank = (e: LibraryEntry) => (e.ok ? ORDER[e.scenario.difficulty] : 3);

export function builtInEntries(dir: string): LibraryEntry[] {
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name): LibraryEntry => {
      const fileName = `scenarios/${name}`;
      const text = readFileSync(join(dir, name), 'utf8');
      const loaded = loadScenario(text, fileName);
      return loaded.ok
        ? { origin: 'built-in', fileName, text, ok: true, scenario: loaded.scenario, summary: firstParagraphPlain(loaded.scenario.briefing) }
        : { origin: 'built-in', fileName, text, ok: false, errors: loaded.errors };
    })
    .sort((a, b) => rank(a) - rank(b) || (a.ok && b.ok ? a.scenario.title.localeCompare(b.scenario.title) : a.fileName.localeCompare(b.fileName)));
}

export function builtInScenarios(dir: string): Plugin {
  return {
    name: 'faultline-built-in-scenarios',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      for (const name of readdirSync(dir)) if (/\.ya?ml$/.test(name)) this.addWatchFile(join(dir, name));
      return `export default ${JSON.stringify(builtInEntries(dir))};`;
    },
  };
}
