// `npm run schema`: writes scenarios/scenario.schema.json from the zod schema (a node script;
// nothing in the app imports it). A test fails when the file is out of date.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SCHEMA_FILE, scenarioJsonSchemaText } from './jsonSchema.ts';

const target = fileURLToPath(new URL(`../../${SCHEMA_FILE}`, import.meta.url));
writeFileSync(target, scenarioJsonSchemaText());
console.log(`wrote ${SCHEMA_FILE}`);
