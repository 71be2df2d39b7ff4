// The authoring studio: "New scenario" opens the commented starter in a code editor; an error
// shows at once with file:line:col (marked in the editor too); completion offers a field's
// values from the schema; the draft survives a reload (IndexedDB); the downloaded file is the
// editor's text and `faultline validate` passes it. "Edit" on a built-in opens a copy.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { assertAccessible, withApp } from './helpers.mjs';

const run = promisify(execFile);

export const tests = [
  {
    name: 'studio: a new scenario is valid as started; an error shows with its line and column, completion offers values, the draft survives a reload and downloads as a file validate passes',
    async run(ctx) {
      await withApp(ctx, { query: '/' }, async (page) => {
        await page.getByTestId('new-scenario').click();
        await page.locator('.cm-content').waitFor();
        assert.match(page.url(), /\?studio=draft-[0-9a-f]{8}$/);
        await page.getByTestId('studio-valid').waitFor();
        await assertAccessible(page, 'the studio');

        // An unknown key at the end: the problem names its line, and the editor marks it.
        await page.locator('.cm-content').click();
        await page.keyboard.press('Control+End');
        await page.keyboard.type('\nbogus: 1');
        const problem = await page.getByTestId('studio-problems').textContent({ timeout: 5_000 });
        assert.match(problem, /^my-scenario\.yaml:\d+:1: bogus: unknown key "bogus"/);
        await page.locator('.cm-lintRange-error').first().waitFor({ timeout: 5_000 });

        // Replaced by a field the schema knows: its values are offered, and picking one makes the file valid again.
        for (let i = 0; i < 'bogus: 1'.length; i++) await page.keyboard.press('Backspace');
        await page.keyboard.type('timeLimitMinutes: 20\ntools:\n  hints: ');
        await page.keyboard.press('Control+Space');
        await page.locator('.cm-tooltip-autocomplete').waitFor({ timeout: 5_000 });
        const options = await page.locator('.cm-tooltip-autocomplete li').allTextContents();
        assert.deepEqual(options.map((o) => o.trim()).sort(), ['false', 'true']);
        // "false" would contradict the starter's hints (a cross-check the editor shows): pick "true".
        await page.keyboard.press('Escape');
        await page.keyboard.type('true');
        await page.keyboard.press('Escape');
        await page.getByTestId('studio-valid').waitFor({ timeout: 5_000 });
        await page.getByTestId('studio-status').filter({ hasText: 'Saved in this browser' }).waitFor({ timeout: 5_000 });
        const written = await page.locator('.cm-content').innerText();
        assert.match(written, /tools:\s*\n\s+hints: true/);

        await page.reload();
        await page.locator('.cm-content').waitFor();
        await page.getByTestId('studio-valid').waitFor();
        // (The editor draws only the lines in view: the download below, made after the reload, shows the edits were kept.)

        const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('studio-download').click()]);
        assert.equal(download.suggestedFilename(), 'my-scenario.yaml');
        const file = await download.path();
        const text = await readFile(file, 'utf8');
        assert.match(text, /^schemaVersion: 1$/m);
        assert.match(text, /^timeLimitMinutes: 20\ntools:\n {2}hints: true$/m);
        const copy = path.join(path.dirname(file), 'my-scenario.yaml');
        await run('cp', [file, copy]);
        const { stdout } = await run(process.execPath, ['bin/faultline.js', 'validate', copy], { cwd: ctx.root });
        assert.match(stdout, /^✓ /m);
      });
    },
  },
  {
    name: 'studio: "Edit" on a built-in opens a copy with an id of its own; the library returns',
    async run(ctx) {
      await withApp(ctx, { query: '/' }, async (page) => {
        await page.locator('[data-scenario="overnight-ctr-cliff"]').getByTestId('edit-scenario').click();
        await page.locator('.cm-content').waitFor();
        await page.getByTestId('studio-valid').waitFor();
        assert.match(await page.locator('.cm-content').innerText(), /^id: overnight-ctr-cliff-copy$/m);
        assert.match(await page.locator('main').innerText(), /overnight-ctr-cliff-copy\.yaml · from scenarios\/overnight-ctr-cliff\.yaml/);
        await page.getByRole('button', { name: 'Library' }).click();
        await page.getByTestId('new-scenario').waitFor();
      });
    },
  },
];
