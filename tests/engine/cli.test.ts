// `faultline grade`, `test` and a broken transcript as a person runs them: the JSON's shape, the
// examples' pass/fail, one clear line for a bad file and never a stack trace.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const BIN = resolve('bin/faultline.js');
const faultline = (args: string[]) => spawnSync('node', [BIN, ...args], { encoding: 'utf8', timeout: 300_000 });
const STACK = /\bat .*\.[jt]s:\d+|Error:/;
const SCENARIO = 'tests/engine/fixtures/render-bug.yaml';

describe('faultline grade', () => {
  it('--json gives score, breakdown, per-action judgements, truth and expert path', () => {
    const r = faultline(['grade', SCENARIO, 'tests/engine/fixtures/render-bug-expert.json', '--json', '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const g = JSON.parse(r.stdout);
    expect(Object.keys(g.breakdown).sort()).toEqual(['correctness', 'directness', 'efficiency', 'evidence']);
    expect(g.score).toBeGreaterThanOrEqual(85);
    expect(g.actions).toHaveLength(3);
    for (const a of g.actions) {
      expect(a).toEqual(expect.objectContaining({ index: expect.any(Number), type: expect.any(String), classification: expect.any(String), reveals: expect.any(Array), reason: expect.any(String) }));
    }
    expect(g.actions[0]).toMatchObject({ classification: 'revealing', reveals: ['scope'] });
    expect(g.truth).toMatchObject({ stage: 'presentation', component: 'feed-client', cause: 'client-render-bug' });
    expect(g.expertPath.at(-1).action.type).toBe('submit');
  }, 300_000);

  it('refuses a broken transcript with one line naming the field, before generating anything', () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-engine-'));
    const file = join(dir, 't.json');
    writeFileSync(file, JSON.stringify({ format: 'faultline-transcript', version: 1, actions: [{ at: 0, type: 'query', metric: 'clicks' }] }));
    const r = faultline(['grade', SCENARIO, file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/actions\[0\] \(query\)\.metric: unknown metric "clicks"/);
    expect(r.stderr).not.toMatch(STACK);
    writeFileSync(file, 'not json');
    expect(faultline(['grade', SCENARIO, file]).stderr).toMatch(/t\.json: not JSON/);
  });
});

describe('faultline test', () => {
  it('runs a scenario’s examples and reports each', () => {
    const r = faultline(['test', SCENARIO, '--quiet']);
    expect(r.stdout).toMatch(/✓ the expert path: \d+/);
    expect(r.stdout).toMatch(/✓ a lucky guess: \d+/);
    expect(r.stdout).toMatch(/2 passed, 0 failed/);
    expect(r.status).toBe(0);
  }, 300_000);
});
