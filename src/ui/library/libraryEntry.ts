// One scenario in the library: built in or opened by the person, loaded or broken.
import type { ScenarioError } from '../../scenario/errors.ts';
import type { Scenario } from '../../scenario/schema.ts';

export type LibraryEntry = {
  origin: 'built-in' | 'opened';
  fileName: string;
  text: string;
} & ({ ok: true; scenario: Scenario; /** The briefing's first paragraph, plain, for the card. */ summary: string } | { ok: false; errors: ScenarioError[] });

export type LoadedEntry = Extract<LibraryEntry, { ok: true }>;
