// `claims:` as an author writes them: the form `faultline validate` checks (days like 8:14,
// percentages with their sign, values that appear in the briefing, days within the world), and
// the check `faultline test` runs — a claim the world contradicts fails, naming itself and the
// world's number; a stated change within the noise fails; the values are the app's numbers.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadScenario } from '../../src/scenario/load.ts';
import { checkClaim, describeClaimCheck } from '../../src/engine/claims.ts';
import { runQuery } from '../../src/sim/query/query.ts';
import { formatValue } from '../../src/sim/query/format.ts';
import { world, SMALL } from '../helpers/worlds.ts';

const head = (briefing = 'Click-through was 5.80% and is now 4.90%. How do you debug it?', days = 14) => `schemaVersion: 1
id: claims-test
title: A test
difficulty: intro
briefing: ${briefing}
world: { seed: 1, days: ${days} }
faults: []
`;
const load = (text: string) => loadScenario(text, 'claims-test.yaml');
const errorsOf = (text: string) => {
  const r = load(text);
  return r.ok ? [] : r.errors.map((e) => `${e.line}:${e.col}: ${e.path}: ${e.message}`);
};

describe('the form of claims', () => {
  it('reads days, signed percentages and values as people write them', () => {
    const r = load(`${head()}claims:
  - { says: CTR down about 15%, metric: ctr, compare: [1:7, 8:14], change: -15%, within: 4.5%, values: [5.80%, 4.90%] }
  - { says: saves flat on day 9, metric: save_rate, filter: { tenure: [new] }, compare: [1:7, 9], change: 0%, within: 1% }
  - { says: relevance up, metric: relevance, compare: ["1:7", "8:14"], change: +2.5%, within: 1% }
`);
    expect(r.ok && r.scenario.claims).toEqual([
      { says: 'CTR down about 15%', metric: 'ctr', compare: [[1, 7], [8, 14]], change: -0.15, within: 0.045, values: ['5.80%', '4.90%'] },
      { says: 'saves flat on day 9', metric: 'save_rate', filter: { tenure: ['new'] }, compare: [[1, 7], [9, 9]], change: 0, within: 0.01 },
      { says: 'relevance up', metric: 'relevance', compare: [[1, 7], [8, 14]], change: 0.025, within: 0.01 },
    ]);
  });

  it('says what is wrong with each field, at its line and column', () => {
    const errors = errorsOf(`${head()}claims:
  - says: a claim
    metric: clicks
    compare: [8:1, 1-7]
    change: -0.15
    within: -2%
    values: [6.10%, 4.90%]
  - { says: late, metric: ctr, compare: [1:7, 8:20], change: 0%, within: 1% }
`);
    expect(errors).toEqual([
      expect.stringMatching(/^10:13: claims\[0\]\.metric: unknown metric "clicks"/),
      '11:15: claims[0].compare[0]: the first day must not come after the last, got "8:1"',
      '11:20: claims[0].compare[1]: must be days like 8:14 (or one day, 6), got "1-7"',
      '12:13: claims[0].change: must be a percentage like -13% or +2.5%, got -0.15 (write it with a percent sign: -0.15%)',
      '13:13: claims[0].within: must be a percentage like 2%, got "-2%"',
      '14:14: claims[0].values[0]: "6.10%" does not appear in the briefing: values are the numbers the briefing writes, as it writes them',
      '15:47: claims[1].compare[1]: day 20 is after the last day of the world (world.days is 14)',
    ]);
  });

  it('finds a value YAML read as a number among the briefing\'s numbers (0.810 is 0.81)', () => {
    const briefing = 'Relevance went from 0.810 to 0.750.';
    expect(errorsOf(`${head(briefing)}claims:\n  - { says: down, metric: relevance, compare: [1:7, 8:14], change: -7%, within: 2%, values: [0.810, 0.750] }\n`)).toEqual([]);
    expect(errorsOf(`${head(briefing)}claims:\n  - { says: down, metric: relevance, compare: [1:7, 8:14], change: -7%, within: 2%, values: [0.820, 0.750] }\n`)).toEqual([
      '9:94: claims[0].values[0]: 0.82 does not appear in the briefing: values are the numbers the briefing writes, as it writes them',
    ]);
  });
});

describe('checking a claim against a world', () => {
  // A healthy world: click-through does not move from days 1–3 to days 4–6 beyond its drift.
  const w = () => world(SMALL);
  const ctr = (window: [number, number]) => runQuery(w(), { metric: 'ctr', window }).cells[0];
  const claim = (change: number, within: number, extra = {}) => ({ says: 'CTR flat', metric: 'ctr' as const, compare: [[1, 3], [4, 6]] as [[number, number], [number, number]], change, within, ...extra });

  it('holds a claim the world bears out, with the world\'s own numbers', () => {
    const check = checkClaim(w(), claim(0, 0.1), { fileSeed: true });
    const [before, after] = [ctr([1, 3]).value!, ctr([4, 6]).value!];
    expect(check.ok).toBe(true);
    expect(check.before).toBe(before);
    expect(check.change).toBeCloseTo(after / before - 1, 12);
    expect(check.written).toEqual([formatValue(before, 'percent'), formatValue(after, 'percent')]);
  });

  it('fails a claim the world contradicts, naming it and the world\'s change', () => {
    const check = checkClaim(w(), { ...claim(-0.3, 0.03), says: 'CTR down about 30%' }, { fileSeed: false });
    expect(check.ok).toBe(false);
    expect(describeClaimCheck(check)).toMatch(/^✗ CTR down about 30%: .* — the world says [+−]\d+\.\d%, \d+(\.\d)?% from the stated −30\.0% \(allowed: 3%\)/);
  });

  it('fails a stated change the world makes only within the noise', () => {
    // Stated exactly as the world has it, but as a change (the range leaves out zero): a candidate would see nothing.
    const measured = checkClaim(w(), claim(0, 1), { fileSeed: false });
    expect(Math.abs(measured.z!)).toBeLessThan(2);
    expect(measured.change).not.toBe(0);
    const check = checkClaim(w(), claim(measured.change!, Math.abs(measured.change!) / 2), { fileSeed: false });
    expect(check.problems).toEqual([expect.stringMatching(/is within the noise \(z [+−]\d\.\d, under 2\): a candidate who checks this slice sees no difference$/)]);
  });

  it('checks the values as written only at the file\'s seed', () => {
    const wrong = claim(0, 1, { values: ['9.99%', '9.98%'] });
    expect(checkClaim(w(), wrong, { fileSeed: false }).ok).toBe(true);
    const check = checkClaim(w(), wrong, { fileSeed: true });
    expect(check.problems).toEqual([`the briefing writes 9.99% → 9.98%, the world has ${check.written!.join(' → ')}`]);
  });

  it('says when a claim cannot be measured', () => {
    const check = checkClaim(w(), { ...claim(0, 1), metric: 'ndcg_at_k', filter: { freshness: ['recent'] } }, { fileSeed: false });
    expect(check.ok).toBe(false);
    expect(check.problems[0]).toMatch(/^cannot be measured: /);
  });
});

describe('faultline test on claims', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'faultline-claims-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const { seed, users, items, days } = SMALL;

  it('passes a scenario whose claims hold and fails one the world contradicts, naming the claim (exit 1)', () => {
    const file = join(tmp, 'claims-test.yaml');
    writeFileSync(file, `${head('Click-through fell by a third. How do you debug it?', days).replace('world: { seed: 1, days: 6 }', `world: { seed: ${seed}, days: ${days}, users: ${users}, items: ${items} }`)}claims:
  - { says: "overall flat", metric: ctr, compare: [1:3, 4:6], change: 0%, within: 10% }
  - { says: "click-through fell by a third", metric: ctr, compare: [1:3, 4:6], change: -33%, within: 5% }
`);
    const r = spawnSync('node', [resolve('bin/faultline.js'), 'test', file, '--quiet'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`claims at seed ${seed} (the file's):`);
    expect(r.stdout).toMatch(/^ {4}✓ overall flat: /m);
    expect(r.stdout).toMatch(/^ {4}✗ click-through fell by a third: .* — the world says /m);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('1 passed, 1 failed');
  });
});
