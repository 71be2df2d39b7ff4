// `npm run schema`: writes scenarios/scenario.schema.json and docs/transcript.schema.json from
// the zod schemas (a node script; nothing in the app imports it). A test fails when either is out
// of date.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SCHEMA_FILE, scenarioJsonSchemaText, TRANSCRIPT_SCHEMA_FILE, transcriptJsonSchemaText } from './jsonSchema.ts';

for (const [file, text] of [[SCHEMA_FILE, scenarioJsonSchemaText()], [TRANSCRIPT_SCHEMA_FILE, transcriptJsonSchemaText()]]) {
  writeFileSync(fileURLToPath(new URL(`../../${file}`, import.meta.url)), text);
  console.log(`wrote ${file}`);
}
