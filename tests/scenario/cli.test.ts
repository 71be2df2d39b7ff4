// `faultline validate` and `faultline new` as a person runs them: one line per error, exit
// codes, never a stack trace.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EXPECTED } from './brokenFixtures.ts';

const BIN = resolve('bin/faultline.js');
const faultline = (args: string[], cwd = process.cwd()) => spawnSync('node', [BIN, ...args], { encoding: 'utf8', cwd });
const STACK = /\bat .*\.[jt]s:\d+|Error:/;
const tmp = mkdtempSync(join(tmpdir(), 'faultline-scenario-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('faultline validate', () => {
  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`${file}: exits 1 with its error and no stack trace`, () => {
      const r = faultline(['validate', `tests/fixtures/broken/${file}`]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`tests/fixtures/broken/${expected}`);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.stdout).toBe('');
    });
  }

  it('passes the built-in scenarios', () => {
    const r = faultline(['validate', 'scenarios']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^✓ scenarios\/cold-start-niche-aesthetics\.yaml$/m);
  });

  it('reports every broken file in a folder and exits 1', () => {
    const r = faultline(['validate', 'scenarios', 'tests/fixtures/broken']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^✓ scenarios\/cold-start-niche-aesthetics\.yaml$/m);
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(/^faultline validate: \d+ of \d+ files have errors$/);
  });

  it('explains a path that names nothing', () => {
    const r = faultline(['validate', 'no/such/place.yaml']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^no\/such\/place\.yaml: no such file or folder$/m);
  });

  it('asks for a file when given none', () => {
    const r = faultline(['validate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/name at least one scenario file or folder/);
  });
});

describe('faultline new', () => {
  it('writes a commented starter file that validates', () => {
    const r = faultline(['new', 'my-first-scenario'], tmp);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const file = join(tmp, 'scenarios', 'my-first-scenario.yaml');
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=\S*scenario\.schema\.json$/);
    expect(text).toMatch(/^id: my-first-scenario\b/m);
    const v = faultline(['validate', file]);
    expect(v.status).toBe(0);
    expect(v.stdout).toContain('✓');
  });

  it('writes to --out and points the schema comment at the right place', () => {
    const out = join(tmp, 'nested', 'dir', 'x.yaml');
    expect(faultline(['new', 'x-scenario', '--out', out]).status).toBe(0);
    const schema = readFileSync(out, 'utf8').split('\n')[0].replace('# yaml-language-server: $schema=', '');
    expect(existsSync(resolve(join(tmp, 'nested', 'dir'), schema))).toBe(true);
  });

  it('refuses to overwrite an existing file', () => {
    const out = join(tmp, 'keep.yaml');
    expect(faultline(['new', 'keep', '--out', out]).status).toBe(0);
    const before = readFileSync(out, 'utf8');
    const r = faultline(['new', 'keep', '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/already exists/);
    expect(readFileSync(out, 'utf8')).toBe(before);
  });

  it('refuses an id that is not kebab-case', () => {
    const r = faultline(['new', 'Not Kebab'], tmp);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/the id must be kebab-case/);
    expect(r.stderr).not.toMatch(STACK);
  });
});
