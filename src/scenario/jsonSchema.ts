// The JSON Schemas editors use for completion and hover — `scenarios/scenario.schema.json` and
// `docs/transcript.schema.json` — generated from the zod schemas the loaders and the transcript
// importer check with, never written by hand. Cross-field checks (days within the
// world, an answer that agrees with the faults) are the loader's; JSON Schema cannot say them.
import { z } from 'zod';
import { scenarioSchema } from './schema.ts';
import { transcriptSchema } from './transcript.ts';

export const SCHEMA_FILE = 'scenarios/scenario.schema.json';
export const TRANSCRIPT_SCHEMA_FILE = 'docs/transcript.schema.json';

type Json = Record<string, unknown>;

export function scenarioJsonSchema(): Json {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', target: 'draft-7', unrepresentable: 'any' }) as Json;
  fillDescriptions(schema);
  return { ...schema, title: 'Faultline scenario' };
}

/** The file's text: stable key order, two-space indent, trailing newline. */
export function scenarioJsonSchemaText(): string {
  return JSON.stringify(scenarioJsonSchema(), null, 2) + '\n';
}

/** A transcript's JSON Schema (the importer's zod schema: every action, its fields and limits). */
export function transcriptJsonSchema(): Json {
  const schema = z.toJSONSchema(transcriptSchema, { io: 'input', target: 'draft-7', unrepresentable: 'any' }) as Json;
  return { ...schema, title: 'Faultline transcript' };
}

export function transcriptJsonSchemaText(): string {
  return JSON.stringify(transcriptJsonSchema(), null, 2) + '\n';
}

/**
 * A few catalogue parameters describe only the branches of a `value | {pick, from}` union; give
 * the property itself a description too, so an editor's hover shows one on every field.
 */
function fillDescriptions(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(fillDescriptions);
  if (typeof node !== 'object' || node === null) return;
  const n = node as Json;
  const props = n.properties as Record<string, Json> | undefined;
  if (props) {
    for (const [key, prop] of Object.entries(props)) {
      if (prop.description) continue;
      const branches = (prop.anyOf ?? prop.oneOf) as Json[] | undefined;
      const first = branches?.find((b) => typeof b.description === 'string')?.description as string | undefined;
      if (first) prop.description = first.replace(/ \([^)]*\)$/, '') + ' — or {pick, from}: the seed picks a variant';
      else if (key === 'pick') prop.description = 'How many to pick';
      else if (key === 'from') prop.description = 'Candidates the seed picks from';
    }
  }
  for (const value of Object.values(n)) fillDescriptions(value);
}
