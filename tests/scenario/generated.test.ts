// What is generated from the schema and the catalogue is committed up to date: the JSON Schema
// editors use, and the authoring guide's reference tables.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { SCHEMA_FILE, scenarioJsonSchema, scenarioJsonSchemaText, TRANSCRIPT_SCHEMA_FILE, transcriptJsonSchema, transcriptJsonSchemaText } from '../../src/scenario/jsonSchema.ts';
import { GUIDE_FILE, withGuideTables } from '../../src/scenario/guideTables.ts';

describe('docs/transcript.schema.json', () => {
  it('is up to date with the importer\'s zod schema (run `npm run schema`)', () => {
    expect(readFileSync(TRANSCRIPT_SCHEMA_FILE, 'utf8')).toBe(transcriptJsonSchemaText());
  });

  it('names every action type and the limits of a transcript', () => {
    const text = JSON.stringify(transcriptJsonSchema());
    for (const type of ['query', 'inspect', 'contrast', 'changelog', 'note', 'hint', 'submit']) expect(text).toContain(`"const":"${type}"`);
    expect(text).toContain('"maxItems":500');
    expect(text).toContain('"maximum":864000');
  });
});

describe('scenarios/scenario.schema.json', () => {
  it('is up to date with the zod schema (run `npm run schema`)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(scenarioJsonSchemaText());
  });

  it('describes every field and refuses unknown keys', () => {
    const undescribed: string[] = [];
    const open: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${path}[${i}]`));
      if (typeof node !== 'object' || node === null) return;
      const n = node as Record<string, unknown>;
      if (n.type === 'object' && n.properties && n.additionalProperties !== false) open.push(path);
      for (const [key, prop] of Object.entries((n.properties ?? {}) as Record<string, Record<string, unknown>>)) {
        if (!prop.description) undescribed.push(`${path}.${key}`);
      }
      for (const [key, value] of Object.entries(n)) walk(value, `${path}/${key}`);
    };
    walk(scenarioJsonSchema(), '');
    expect(undescribed).toEqual([]);
    expect(open).toEqual([]);
  });
});

describe('scenarios/README.md', () => {
  it('has reference tables up to date with the catalogue (run `npm run guide`)', () => {
    const readme = readFileSync(GUIDE_FILE, 'utf8');
    expect(readme).toBe(withGuideTables(readme));
  });

  it('keeps the Signatures section for the lead engineer', () => {
    expect(readFileSync(GUIDE_FILE, 'utf8')).toMatch(/^## Signatures$/m);
  });
});
