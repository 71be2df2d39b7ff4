// The app and `faultline grade` judge the same attempt identically: the flagship played by
// clicking (slice by tenure, narrow to new users, the encoder's confusion matrix, the right
// diagnosis) scores high with the expert path beside it, a guess straight away scores low; each
// attempt's exported transcript, imported into a fresh app, shows the same debrief, and the CLI
// grading that file at the same world size gives the same score, breakdown and judgements.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { assertTabReachesEveryControl, FLAGSHIP, flagshipQuery, flagshipSizeArgs, groupByTenure, sizeQuery, submitDiagnosis, waitForChart, withApp } from './helpers.mjs';

const GRADE_TIMEOUT = 150_000;

const run = promisify(execFile);

/** What the debrief shows: the score, its four parts and every move's classification. */
async function readDebrief(page) {
  await page.getByTestId('score').waitFor({ timeout: GRADE_TIMEOUT });
  const parts = await page.locator('[data-testid="score-breakdown"] [data-part]').evaluateAll((els) =>
    Object.fromEntries(els.map((e) => [e.dataset.part, Number(e.querySelector('[data-testid="part-value"]').textContent)])),
  );
  return {
    score: Number(await page.getByTestId('score').textContent()),
    breakdown: parts,
    classifications: await page.locator('[data-testid="judged-moves"] li').evaluateAll((els) => els.map((e) => e.dataset.classification)),
  };
}

/** The same three readings from `faultline grade <scenario> <file> --json` at the e2e world size. */
async function cliGrade(root, file) {
  const args = ['bin/faultline.js', 'grade', FLAGSHIP, file, '--json', '--quiet', ...flagshipSizeArgs];
  const { stdout } = await run(process.execPath, args, { cwd: root, maxBuffer: 16 << 20 });
  const g = JSON.parse(stdout);
  return { score: g.score, breakdown: g.breakdown, classifications: g.actions.map((a) => a.classification) };
}

/** Waits until the action trail has `count` moves (a query is recorded once its answer is shown). */
async function waitForMoves(page, count) {
  await page.waitForFunction((n) => globalThis.document.querySelectorAll('[data-testid="trail-entry"]').length >= n, count, { timeout: 30_000 });
}

/** Downloads the debrief's transcript into a fresh temporary directory; returns its path. */
async function exportTranscript(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-transcript').click()]);
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'faultline-e2e-')), download.suggestedFilename());
  await copyFile(await download.path(), file);
  return file;
}

/** Opens the file from the library of a fresh app at the same world size; returns its debrief. */
async function importTranscript(ctx, file) {
  let imported;
  await withApp(ctx, { query: `?${sizeQuery}` }, async (page) => {
    await page.getByTestId('library').waitFor({ timeout: 20_000 });
    await page.getByTestId('file-input').setInputFiles(file);
    await page.getByTestId('workspace').waitFor({ timeout: 20_000 });
    imported = await readDebrief(page);
  });
  return imported;
}

/**
 * Plays the flagship in a fresh app (`play(page)` ends on the debrief and returns `readDebrief`'s
 * reading), exports its transcript, and asserts the imported file and `faultline grade` read the same.
 */
async function playThenCompare(ctx, play) {
  let played;
  let file;
  await withApp(ctx, { query: flagshipQuery() }, async (page) => {
    await waitForChart(page);
    played = await play(page);
    file = await exportTranscript(page);
  });
  const [imported, cli] = await Promise.all([importTranscript(ctx, file), cliGrade(ctx.root, file)]);
  assert.deepEqual(imported, played, 'the imported transcript reads as the debrief it was exported from');
  assert.deepEqual(cli, played, 'faultline grade on the exported file gives the numbers the app showed');
}

export const tests = [
  {
    name: 'grade parity: the flagship played by clicking scores high with the expert path; its transcript imported, and `faultline grade` on it, give the same score and breakdown',
    timeout: 420_000,
    async run(ctx) {
      await playThenCompare(ctx, async (page) => {
        await groupByTenure(page, 'new');
        await waitForMoves(page, 1);
        await page.locator('[data-testid="breakdown-bar"][data-group="new"] .breakdown-bar').click();
        await page.locator('[data-testid="filter-chip"][data-dimension="tenure"]').waitFor({ timeout: 10_000 });
        await waitForMoves(page, 2);
        await page.locator('[data-component="image-encoder"]').click();
        await page.getByTestId('confusion-per-class').waitFor({ timeout: 30_000 });
        await waitForMoves(page, 3);
        assert.deepEqual(await page.getByTestId('trail-entry').evaluateAll((els) => els.map((e) => e.dataset.type)), ['query', 'query', 'inspect']);
        await submitDiagnosis(page, { stage: 'ingestion', component: 'image-encoder', cause: 'encoder-mislabel', segment: { tenure: 'new' } });
        const played = await readDebrief(page);
        assert.ok(played.score >= 70, `the right path scores high: ${JSON.stringify(played)}; ${(await page.getByTestId('judged-moves').textContent())}`);
        assert.ok(played.classifications.includes('revealing'), `a move revealed something: ${played.classifications}`);
        assert.ok((await page.locator('[data-testid="expert-path"] li').count()) >= 2, 'the expert path is shown');
        await assertTabReachesEveryControl(page, 20); // the debrief's exports and step-through links too
        return played;
      });
    },
  },
  {
    name: 'grade parity: a guess straight away scores low, in the app, imported, and in `faultline grade` alike',
    timeout: 420_000,
    async run(ctx) {
      await playThenCompare(ctx, async (page) => {
        await submitDiagnosis(page, { component: 'image-encoder', cause: 'encoder-mislabel' });
        const played = await readDebrief(page);
        assert.ok(played.score < 50, `a guess scores low: ${JSON.stringify(played)}`);
        return played;
      });
    },
  },
];
