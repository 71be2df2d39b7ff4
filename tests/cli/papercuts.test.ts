// The instructor's CLI papercuts: every command's --help lists every flag it takes; a --fault
// mistake reads as `validate` words it; `validate` warns when a file's id is not its name.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { COMMANDS, commandHelp } from '../../src/cli/commandList.ts';
import { starterScenario } from '../../src/scenario/starter.ts';
import { parseChanges } from '../../src/cli/changes.ts';

describe('the CLI, as an instructor meets it', () => {
  it('lists every flag a command takes in its --help', () => {
    for (const [name, command] of Object.entries(COMMANDS)) {
      const help = commandHelp(command);
      for (const flag of Object.keys(command.options)) expect(help, `faultline ${name} --help`).toContain(`--${flag}`);
    }
    expect(commandHelp(COMMANDS.query)).toMatch(/--users …, --items …, --days …/);
  });

  it('words a --fault mistake as validate does', () => {
    const error = (text: string) => {
      try {
        parseChanges('fault', [text], 14);
        return null;
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(error('encoder-mislabel:{"rate":24}')).toBe('--fault encoder-mislabel: params.rate: must be at most 1, got 24');
    expect(error('encoder-mislabel:{"rat":1}')).toMatch(/^--fault encoder-mislabel: params\.rat: unknown key "rat" — did you mean "rate"\?/);
    expect(error('encoder-mislabel@3:{"rate":0.5}')).toBeNull();
  });

  it('warns (and still passes) when a scenario file is not named after its id', () => {
    const dir = mkdtempSync(join(tmpdir(), 'faultline-id-'));
    try {
      writeFileSync(join(dir, 'renamed.yaml'), starterScenario('my-scenario'));
      writeFileSync(join(dir, 'my-scenario.yaml'), starterScenario('my-scenario'));
      const r = spawnSync('node', [resolve('bin/faultline.js'), 'validate', dir], { encoding: 'utf8' });
      expect(r.status).toBe(0);
      const warnings = r.stderr.split('\n').filter((l) => l.includes('warning'));
      expect(warnings).toEqual([expect.stringMatching(/renamed\.yaml:\d+:\d+: id: warning: the id "my-scenario" differs from the file name "renamed\.yaml"/)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
