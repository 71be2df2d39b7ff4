// Files written in an older schemaVersion keep loading: each step is tested, and the table
// reaches the current version without gaps.
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { MIGRATIONS, migrate } from '../../src/scenario/migrations.ts';
import { CURRENT_SCHEMA_VERSION } from '../../src/scenario/version.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { formatError } from '../../src/scenario/errors.ts';

const v0 = `schemaVersion: 0
id: old-file
title: Written before onsetDay
difficulty: intro
briefing: Click-through fell. How do you debug it?
world: { seed: 1, days: 14 }
faults:
  - { kind: stale-index, onset: 4 }
distractors:
  - kind: holiday
    onset: 6
`;

describe('migrations', () => {
  it('form a chain from the oldest version to the current one', () => {
    MIGRATIONS.forEach((m, i) => {
      expect(m.to).toBe(m.from + 1);
      if (i > 0) expect(m.from).toBe(MIGRATIONS[i - 1].to);
    });
    expect(MIGRATIONS.at(-1)?.to ?? CURRENT_SCHEMA_VERSION).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('v0 → v1 renames onset to onsetDay, in place', () => {
    const doc = parseDocument(v0);
    expect(migrate(doc)).toEqual({ from: 0 });
    const js = doc.toJS();
    expect(js.schemaVersion).toBe(1);
    expect(js.faults).toEqual([{ kind: 'stale-index', onsetDay: 4 }]);
    expect(js.distractors).toEqual([{ kind: 'holiday', onsetDay: 6 }]);
  });

  it('a v0 file loads as the v1 file it means', () => {
    const old = loadScenario(v0, 'old.yaml');
    const now = loadScenario(v0.replace('schemaVersion: 0', 'schemaVersion: 1').replaceAll('onset:', 'onsetDay:'), 'new.yaml');
    expect(old.ok && now.ok).toBe(true);
    if (old.ok && now.ok) expect(old.scenario).toEqual(now.scenario);
  });

  it('errors in a migrated file still point into the file as written', () => {
    const r = loadScenario(v0.replace('onset: 6', 'onset: 60'), 'old.yaml');
    expect(r.ok ? [] : r.errors.map(formatError)).toEqual([
      'old.yaml:11:12: distractors[0].onsetDay: day 60 is after the last day of the world (world.days is 14)',
    ]);
  });

  it('leaves a current file alone', () => {
    const doc = parseDocument(v0.replace('schemaVersion: 0', 'schemaVersion: 1'));
    const before = doc.toString();
    migrate(doc);
    expect(doc.toString()).toBe(before);
  });

  it('refuses a version older than any step', () => {
    const r = loadScenario(v0.replace('schemaVersion: 0', 'schemaVersion: -1'), 'old.yaml');
    expect(r.ok ? [] : r.errors.map(formatError)).toEqual(['old.yaml:1:16: schemaVersion: -1 is not a format version; Faultline reads 0 … 1']);
  });
});
