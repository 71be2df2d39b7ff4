// The CLI as a person uses it: tables they can read, JSON they can pipe, errors without stacks.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';

const WORLD = ['--seed', '3', '--users', '1500', '--items', '3000', '--days', '3', '--quiet'];
const faultline = (...args: string[]) => spawnSync('node', ['bin/faultline.js', ...args], { encoding: 'utf8' });

describe('faultline query', () => {
  it('prints the table a chart would show', () => {
    const r = faultline('query', '--metric', 'ctr', '--group-by', 'platform', ...WORLD);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/ctr by platform · days 1–3/);
    for (const p of ['ios', 'android', 'web']) expect(r.stdout).toMatch(new RegExp(`^${p}\\s+\\d+\\.\\d+%\\s+\\d+\\s+±`, 'm'));
  });

  it('prints per-day cells as JSON with value, n and standard error', () => {
    const r = faultline('query', '--metric', 'relevance', '--filter', 'tenure=core,casual', '--window', '2:3', '--by-day', '--json', ...WORLD);
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.filter).toEqual({ tenure: ['core', 'casual'] });
    expect(result.cells.map((c: { day: number }) => c.day)).toEqual([2, 3]);
    for (const c of result.cells) {
      expect(c.value).toBeGreaterThan(0);
      expect(c.n).toBeGreaterThan(0);
      expect(c.se).toBeGreaterThan(0);
    }
  });

  it('explains a misspelt metric without a stack trace', () => {
    const r = faultline('query', '--metric', 'crt', ...WORLD);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown metric "crt" — did you mean "ctr"\?/);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('explains a malformed flag', () => {
    const r = faultline('query', '--metric', 'ctr', '--window', 'last-week', ...WORLD);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--window must look like A:B/);
  });
});

describe('faultline query with injected changes', () => {
  it('shows a fault beside its fault-free twin (--twin), marking what moved', () => {
    const r = faultline('query', '--metric', 'source_timeout_rate', '--group-by', 'source', '--window', '2:3',
      '--fault', 'source-outage@2:{"source":"trending","rate":0.8}', '--twin', ...WORLD);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/factual vs fault-free twin/);
    expect(r.stdout).toMatch(/fault source-outage on source:trending from day 2/);
    expect(r.stdout).toMatch(/^trending\s+\d+\.\d+%\s+0\.000%.*\*$/m);
    expect(r.stdout).toMatch(/^fresh\s+0\.000%\s+0\.000%/m);
  });

  it('takes defaults for every parameter and onset mid-window', () => {
    const r = faultline('query', '--metric', 'label_share', '--fault', 'encoder-mislabel', '--distractor', 'holiday', '--json', ...WORLD);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).cells[0].value).toBeGreaterThan(0);
    const d = faultline('digest', '--fault', 'encoder-mislabel', ...WORLD);
    const healthy = faultline('digest', ...WORLD);
    expect(d.stdout.trim()).not.toBe(healthy.stdout.trim());
  });

  it('names the parameter a fault does not accept', () => {
    const r = faultline('query', '--metric', 'ctr', '--fault', 'encoder-mislabel:{"rate":3}', ...WORLD);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('faultline query: --fault encoder-mislabel: params.rate: must be at most 1, got 3\n');
    const bad = faultline('query', '--metric', 'ctr', '--fault', 'encoder-mislabl', ...WORLD);
    expect(bad.stderr).toMatch(/did you mean "encoder-mislabel"/);
  });
});

describe('faultline query on a scenario', () => {
  it('runs a built-in scenario by id, its faults included, with --seed overriding its seed', () => {
    const r = faultline('query', 'cold-start-niche-aesthetics', '--metric', 'label_share', '--window', '8:10',
      '--seed', '4', '--users', '1500', '--items', '3000', '--quiet');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/seed 4/);
    expect(r.stdout).toMatch(/fault encoder-mislabel on image-encoder from day 8/);
    expect(r.stdout).toMatch(/distractor mix-shift/);
  });

  it('refuses a broken scenario file with its line-numbered errors', () => {
    const r = faultline('query', 'tests/fixtures/broken/out-of-range-rate.yaml', '--metric', 'ctr', '--quiet');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/out-of-range-rate\.yaml:\d+:\d+: faults\[0\]\.params\.rate/);
  });
});

describe('faultline', () => {
  it('lists its commands', () => {
    const r = faultline('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/faultline digest/);
    expect(r.stdout).toMatch(/faultline query/);
  });
});
