// The architecture rule is enforced, not just written down: lint fails when a pure layer
// reaches for UI code, the DOM or unseeded randomness.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });
const messagesFor = async (code: string, filePath: string) =>
  (await eslint.lintText(code, { filePath }))[0].messages.map((m) => `${m.ruleId}: ${m.message}`);

describe('import boundaries', () => {
  it.each(['src/sim/x.ts', 'src/scenario/x.ts', 'src/engine/x.ts'])('forbid React, zustand and d3-selection in %s', async (file) => {
    for (const lib of ['react', 'zustand', 'd3-selection']) {
      const messages = await messagesFor(`import x from '${lib}';\nexport const y = x;\n`, file);
      expect(messages.join('\n'), lib).toMatch(/no-restricted-imports.*pure layers/);
    }
  });

  it('forbids the DOM and unseeded randomness in the pure layers', async () => {
    const messages = await messagesFor('export const a = document.title + Math.random() + Date.now();\n', 'src/engine/x.ts');
    expect(messages.join('\n')).toMatch(/no-restricted-globals/);
    expect(messages.join('\n')).toMatch(/Math\.random/);
    expect(messages.join('\n')).toMatch(/Date\.now/);
  });

  it('forbids importing a later layer', async () => {
    const messages = await messagesFor("import { x } from '../engine/x.ts';\nexport const y = x;\n", 'src/sim/x.ts');
    expect(messages.join('\n')).toMatch(/sim → scenario → engine/);
    const ui = await messagesFor("import { x } from '../ui/x.ts';\nexport const y = x;\n", 'src/engine/x.ts');
    expect(ui.join('\n')).toMatch(/must not import ui/);
  });

  it('lets the UI use React', async () => {
    const messages = await messagesFor("import { useState } from 'react';\nexport const y = useState;\n", 'src/ui/x.ts');
    expect(messages.filter((m) => m.startsWith('no-restricted'))).toEqual([]);
  });
});
