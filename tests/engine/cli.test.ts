// `faultline grade`, `test`, `solve`, `replay` and a broken transcript as a person runs them: the
// JSON's shape, the examples' pass/fail, the exit code for an unsolvable file, one clear line for
// a bad file, never a stack trace (not even when a pipe closes early).
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

describe('faultline solve', () => {
  it('reports the truth, the expert path and every rung seen; exit 0 when solvable', () => {
    const r = faultline(['solve', SCENARIO, '--json', '--quiet']);
    expect(r.status).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.solvable).toBe(true);
    expect(s.truth).toMatchObject({ component: 'feed-client', cause: 'client-render-bug' });
    expect(s.steps.map((x: { rung: string; ok: boolean }) => [x.rung, x.ok])).toEqual([['scope', true], ['stage', true], ['component', true], ['cause', true]]);
  }, 300_000);

  it('exits 1, naming what cannot be seen, when the fault leaves no visible mark', () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-solve-'));
    const file = join(dir, 'faint.yaml');
    writeFileSync(file, [
      'schemaVersion: 1',
      'id: faint-render-bug',
      'title: A fault too faint to see',
      'difficulty: intro',
      'briefing: Nothing much happened.',
      'world: { seed: 4, days: 6, users: 2000, items: 4000 }',
      'faults:',
      '  - { kind: encoder-mislabel, onsetDay: 6, params: { aesthetics: [cyberpunk], rate: 0.01 } }',
    ].join('\n'));
    const r = faultline(['solve', file]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/✗ scope/);
    expect(r.stdout).toMatch(/NOT solvable at this seed/);
    expect(r.stderr).toMatch(/faint-render-bug is not solvable at seed 4/);
    expect(r.stderr).not.toMatch(STACK);
  }, 300_000);
});

describe('faultline replay', () => {
  it('shows each move’s table with its before/after change and how it was judged', () => {
    const r = faultline(['replay', SCENARIO, 'tests/engine/fixtures/render-bug-expert.json', '--quiet']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/── move 1 at 0 s: Slicing click-through rate by app_version/);
    // The broken version's change, signed with a true minus, beside the others'.
    expect(r.stdout).toMatch(/ios-42\.0\s+[\d.]+%\s+[\d.]+%\s+−\d+\.\d%/);
    expect(r.stdout).toMatch(/judged revealing → scope/);
  }, 300_000);

  it('stops quietly when its reader closes the pipe early', () => {
    const r = spawnSync('bash', ['-c', `node ${BIN} replay ${SCENARIO} tests/engine/fixtures/render-bug-expert.json --quiet | head -3`], { encoding: 'utf8', timeout: 300_000 });
    expect(r.stdout).toMatch(/── move 1/);
    expect(r.stderr).toBe('');
  }, 300_000);
});
