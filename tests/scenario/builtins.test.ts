// Every scenario in scenarios/ validates, is named after its id and opts into editor completion.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { loadScenario } from '../../src/scenario/load.ts';
import { formatError } from '../../src/scenario/errors.ts';

const files = readdirSync('scenarios').filter((f) => /\.ya?ml$/.test(f));

describe('built-in scenarios', () => {
  it('exist', () => {
    expect(files).toContain('cold-start-niche-aesthetics.yaml');
  });

  for (const file of files) {
    it(`${file} validates, names itself after its id and points at the JSON Schema`, () => {
      const text = readFileSync(`scenarios/${file}`, 'utf8');
      const result = loadScenario(text, `scenarios/${file}`);
      expect(result.ok ? [] : result.errors.map(formatError)).toEqual([]);
      if (result.ok) expect(`${result.scenario.id}.yaml`).toBe(file);
      expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./scenario.schema.json');
    });
  }
});
