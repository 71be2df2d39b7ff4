// Loading a scenario file: YAML text → a checked, migrated Scenario, or every error in the file
// as `file:line:col: path: message`. Pure: the caller reads the file; nothing in it is executed.
import type { ScenarioError } from './errors.ts';
import { migrate } from './migrations.ts';
import { scenarioSchema, type Scenario } from './schema.ts';
import { transcriptSchema, type Transcript } from './transcript.ts';
import { validateYaml } from './validateYaml.ts';
import { CURRENT_SCHEMA_VERSION } from './version.ts';

export type LoadResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

export function loadScenario(text: string, fileName: string): LoadResult {
  const result = validateYaml(text, fileName, scenarioSchema, {
    prepare: (doc) => migrate(doc).error,
    emptyMessage: `the file is empty; a scenario starts with "schemaVersion: ${CURRENT_SCHEMA_VERSION}"`,
  });
  return result.ok ? { ok: true, scenario: result.value as Scenario } : result;
}

export type TranscriptResult = { ok: true; transcript: Transcript } | { ok: false; errors: ScenarioError[] };

/** A transcript file (JSON, or YAML), with errors in the same format. */
export function loadTranscript(text: string, fileName: string): TranscriptResult {
  const result = validateYaml(text, fileName, transcriptSchema, { emptyMessage: 'the file is empty; a transcript is a JSON object', kind: 'transcripts' });
  return result.ok ? { ok: true, transcript: result.value } : result;
}
