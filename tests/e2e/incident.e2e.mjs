// Generated incidents in the app: the address ?incident=N makes the incident `faultline generate
// --seed N` makes (the same file), with progress that never names the fault, adds it to the
// library and opens it in practice mode with its world already in the browser's store; it plays
// to its debrief like any scenario.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFile } from 'node:fs/promises';
import { assertAccessible, submitDiagnosis, withApp } from './helpers.mjs';

const run = promisify(execFile);
const SEED = 4;

export const tests = [
  {
    name: 'incident: ?incident=4 makes the file faultline generate --seed 4 makes, opens it with its world kept, plays to a debrief, and the progress view shows the attempt (exported as one file)',
    timeout: 180_000,
    async run(ctx) {
      const { stdout: file } = await run(process.execPath, ['bin/faultline.js', 'generate', '--seed', String(SEED), '--quiet'], { cwd: ctx.root, maxBuffer: 1 << 22 });
      const kind = /^faults:\n {2}- \{ kind: ([a-z-]+)/m.exec(file)?.[1];
      assert.ok(kind, file);
      await withApp(ctx, { query: '/' }, async (page) => {
        await page.getByTestId('random-incident').waitFor();
        await page.goto(new URL(`?incident=${SEED}`, ctx.baseUrl).href);
        const labels = [];
        const progress = page.getByTestId('progress-label');
        await progress.waitFor({ timeout: 20_000 });
        while (!(await page.getByTestId('workspace').count())) {
          if (await progress.count()) labels.push(await progress.innerText().catch(() => ''));
          await page.waitForTimeout(250);
        }
        assert.ok(labels.every((l) => !l.includes(kind)), `the progress named the fault: ${labels.join(' | ')}`);
        assert.match(page.url(), new RegExp(`\\?scenario=incident-${SEED}&seed=\\d+&mode=practice$`));
        // The workspace reads the world the generator made (not generated twice).
        await page.locator('[data-testid="world-digest"][data-kept]').waitFor({ timeout: 60_000 });
        assert.equal(await page.getByTestId('world-digest').getAttribute('data-kept'), 'true');
        // The same file as the CLI's: its briefing.
        const briefing = /^briefing: \|-?\n((?: {2}.*\n)+)/m.exec(file)[1].replace(/^ {2}/gm, '').trim();
        assert.equal((await page.getByTestId('briefing').innerText()).replace(/\s+/g, ' ').trim(), briefing.replace(/\s+/g, ' '));
        await page.waitForFunction(() => !globalThis.document.querySelector('[data-testid="open-diagnosis"]')?.disabled, null, { timeout: 60_000 });
        await submitDiagnosis(page, { cause: kind });
        await page.getByTestId('score').waitFor({ timeout: 90_000 });
        const score = Number(await page.getByTestId('score').innerText());
        // Back in the library, the incident is there to play again or to open in the studio.
        await page.goBack();
        await page.getByTestId('random-incident').waitFor();
        assert.match(await page.getByTestId('opened-library').innerText(), new RegExp(`incident-${SEED}\\.yaml`));
        // The progress view has the attempt: its kind's row, its score, and what to practise next.
        await page.getByTestId('progress-link').click();
        await page.getByTestId('progress-by-kind').waitFor();
        assert.match(await page.locator('main').innerText(), /1 graded attempt in this browser/);
        const row = page.locator(`[data-testid="progress-by-kind"] tr[data-row="${kind}"]`);
        assert.match(await row.innerText(), new RegExp(`^${kind}\\s+1\\s+${score}\\b`));
        assert.equal(await page.locator('[data-testid="progress-trend"] circle.is-generated').count(), 1);
        assert.match(await page.getByTestId('progress-next').innerText(), /^Practise next: [a-z-]+/);
        await assertAccessible(page, 'the progress view');
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('progress-export').click()]);
        const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
        assert.equal(exported.format, 'faultline-progress');
        assert.deepEqual(exported.entries.map((e) => [e.scenario, e.kind, e.score, e.generated]), [[`incident-${SEED}`, kind, score, true]]);
      });
    },
  },
];
