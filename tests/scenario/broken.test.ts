// Each broken fixture gives its precise error — file, line, column, field and message — alone.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { loadScenario } from '../../src/scenario/load.ts';
import { formatError } from '../../src/scenario/errors.ts';
import { EXPECTED } from './brokenFixtures.ts';

const DIR = 'tests/fixtures/broken';
const withoutList = (line: string) => line.replace(/ Valid [a-z ]+s: .*$/, '');

describe('broken scenario files', () => {
  it('has a fixture for every expected error, and an expected error for every fixture', () => {
    expect(readdirSync(DIR).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`${file} gives exactly its error`, () => {
      const result = loadScenario(readFileSync(`${DIR}/${file}`, 'utf8'), file);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.errors.map((e) => withoutList(formatError(e)))).toEqual([expected]);
    });
  }

  it('lists the valid ids after a misspelt one', () => {
    const result = loadScenario(readFileSync(`${DIR}/unknown-fault-kind.yaml`, 'utf8'), 'f.yaml');
    expect(!result.ok && result.errors[0].message).toMatch(/Valid fault kinds: encoder-mislabel, embedding-collapse, .*experiment-interference$/);
  });
});
