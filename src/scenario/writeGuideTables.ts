// `npm run guide`: regenerates the fault and distractor tables in
// scenarios/README.md from the catalogue (a node script; nothing in the app imports it).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { GUIDE_FILE, withGuideTables } from './guideTables.ts';

const target = fileURLToPath(new URL(`../../${GUIDE_FILE}`, import.meta.url));
writeFileSync(target, withGuideTables(readFileSync(target, 'utf8')));
console.log(`updated the kind tables in ${GUIDE_FILE}`);
