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

describe('faultline', () => {
  it('lists its commands', () => {
    const r = faultline('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/faultline digest/);
    expect(r.stdout).toMatch(/faultline query/);
  });
});
