// What opening a file does — a scenario joins the library, a transcript opens its attempt — with
// the readers it needs (YAML, schema, the attempt's rules). Loaded when a file is opened.
import { importTranscript } from '../../engine/importTranscript.ts';
import type { WorldSizes } from '../../sim/config.ts';
import { hasSaved, saveTranscript } from '../attempt/autosave.ts';
import { replayName } from '../attempt/attemptKey.ts';
import { attemptRules, refusedMoves } from '../attempt/rules.ts';
import { navigate, workspaceSearch } from '../route.ts';
import { findScenario } from './openedEntries.ts';

export { openScenarioFile } from './openedEntries.ts';

/**
 * A transcript file (.json) opens its attempt in a slot of its own (beside the person's attempt
 * at the same scenario, seed and mode, never over it), then the workspace resumes it —
 * submitted, it goes straight to the debrief. Opening the same file again returns to its slot as
 * it was left.
 */
export function openTranscript(fileName: string, text: string, sizes: Partial<WorldSizes>): string[] {
  const imported = importTranscript(text, fileName);
  if (!imported.ok) return imported.errors;
  const t = imported.transcript;
  const entry = t.scenario ? findScenario(t.scenario) : null;
  if (!entry) {
    return [`${fileName}: scenario: ${t.scenario ? `"${t.scenario}" is not in the library; open its scenario file first` : 'is required to open a transcript in the app'}`];
  }
  const key = { scenario: entry.scenario.id, seed: t.seed ?? entry.scenario.world.seed, mode: t.mode ?? 'practice', sizes, replay: replayName(text) } as const;
  const { input } = attemptRules(entry.scenario, key.mode);
  const refused = refusedMoves(input, t.actions);
  if (refused.length) {
    const allowed = input.hintCount ? `${input.hintCount} hint${input.hintCount === 1 ? '' : 's'}` : 'no hints';
    return refused.map((i) =>
      `${fileName}: actions[${i}] (${t.actions[i].type}): ${key.mode} mode of "${key.scenario}" allows ${allowed}; the app cannot replay this attempt as recorded (faultline grade can)`,
    );
  }
  if (!hasSaved(key)) {
    const problem = saveTranscript(key, t.actions, t.actions.length ? t.actions[t.actions.length - 1].at : 0);
    if (problem) return [`${fileName}: ${problem}`];
  }
  navigate(workspaceSearch(key.scenario, key.seed, key.mode, sizes, { replay: key.replay }));
  return [];
}

