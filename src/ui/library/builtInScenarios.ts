// The built-in scenarios: every scenarios/*.yaml, loaded at build time by the same loader as the
// CLI's (scripts/builtInScenariosPlugin.ts) — easiest first, then by title; a file that does not
// load is listed last, with its errors, not hidden.
import entries from 'virtual:built-in-scenarios';
import type { LibraryEntry } from './libraryEntry.ts';

export const BUILT_IN_SCENARIOS: LibraryEntry[] = entries;
