// The healthy world's overview (?view=world): the world generates in a worker, shows its digest
// and a headline chart.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { CHART_LINE, waitForChart, waitForIdle, withApp } from './helpers.mjs';
import { FIRST_LOAD_BUDGET_BYTES, firstLoadJs } from '../../scripts/firstLoad.mjs';

export const tests = [
  {
    name: 'the first screen loads at most 150 kB of JavaScript (gzip): the library only',
    async run(ctx) {
      const { files, totalGzipBytes } = await firstLoadJs(path.join(ctx.root, 'dist'));
      const kb = (b) => `${(b / 1024).toFixed(1)} kB`;
      console.log(`    figure: first-load JS ${kb(totalGzipBytes)} gzip (${files.map((f) => `${f.file} ${kb(f.gzipBytes)}`).join(', ')})`);
      assert.ok(files.length > 0, 'index.html loads a script');
      assert.ok(totalGzipBytes <= FIRST_LOAD_BUDGET_BYTES, `first-load JS is ${kb(totalGzipBytes)} gzip, over the ${kb(FIRST_LOAD_BUDGET_BYTES)} budget`);
      // The library screen shows its cards without the scenario reader, Markdown or the statechart.
      await withApp(ctx, { query: '?' }, async (page) => {
        await page.getByTestId('scenario-card').first().waitFor();
        const loaded = await page.evaluate(() => globalThis.performance.getEntriesByType('resource').map((e) => e.name));
        assert.deepEqual(loaded.filter((u) => /scenario-format|openedEntries|rules-/.test(u)), [], 'loaded with the library');
      });
    },
  },
  {
    name: 'loads a small world: progress, then the chart, with no console errors',
    async run(ctx) {
      await withApp(ctx, {}, async (page) => {
        const progress = page.getByTestId('progress');
        await progress.waitFor({ state: 'visible', timeout: 10_000 });
        assert.notEqual((await page.getByTestId('progress-label').textContent()).trim(), '');
        assert.ok(await page.getByRole('progressbar').isVisible(), 'progressbar role is visible');
        await waitForChart(page);
        assert.equal(await progress.count(), 0, 'progress bar is gone once the world is ready');
        assert.match(await page.getByTestId('chart-title').textContent(), /Rated relevance/);
      });
    },
  },
  {
    name: 'the digest in the page equals the digest computed in Node',
    async run(ctx) {
      await withApp(ctx, {}, async (page) => {
        const digest = page.getByTestId('world-digest');
        await digest.waitFor({ timeout: 60_000 });
        assert.equal(await digest.textContent(), ctx.expectedDigest);
        assert.match(await page.getByTestId('impressions').textContent(), /^[\d,]+$/);
      });
    },
  },
  {
    name: 'switching the metric redraws the chart',
    async run(ctx) {
      await withApp(ctx, {}, async (page) => {
        await waitForChart(page);
        const title = page.getByTestId('chart-title');
        const before = await page.locator(CHART_LINE).first().getAttribute('d');
        await page.getByTestId('metric-select').selectOption('ctr');
        await page.waitForFunction(
          () => globalThis.document.querySelector('[data-testid="chart-title"]')?.textContent.includes('Click-through rate'),
          null,
          { timeout: 10_000 },
        );
        assert.match(await title.textContent(), /Click-through rate/);
        const after = await page.locator(CHART_LINE).first().getAttribute('d');
        assert.notEqual(after, before, 'the series path changed');
        assert.match(await page.locator('[data-testid="chart"] .axis-left text').first().textContent(), /%$/);
      });
    },
  },
  {
    name: 'grouping by tenure draws one line per group with a legend',
    async run(ctx) {
      await withApp(ctx, {}, async (page) => {
        await waitForChart(page);
        await page.getByTestId('group-select').selectOption('tenure');
        await page.locator(CHART_LINE).nth(2).waitFor({ state: 'attached', timeout: 10_000 });
        assert.equal(await page.locator(CHART_LINE).count(), 3);
        const legend = await page.getByTestId('legend').textContent();
        for (const group of ['new', 'casual', 'core']) assert.ok(legend.includes(group), `legend names ${group}`);
      });
    },
  },
  {
    name: 'the controls are keyboard-focusable with a visible focus ring',
    async run(ctx) {
      await withApp(ctx, {}, async (page) => {
        await waitForChart(page);
        const select = page.getByTestId('metric-select');
        for (let i = 0; i < 10 && !(await select.evaluate((el) => el === el.ownerDocument.activeElement)); i++) {
          await page.keyboard.press('Tab');
        }
        assert.ok(await select.evaluate((el) => el === el.ownerDocument.activeElement), 'Tab reaches the metric select');
        const outline = await select.evaluate((el) => el.ownerDocument.defaultView.getComputedStyle(el).outlineStyle);
        assert.notEqual(outline, 'none', 'focused select shows an outline');
      });
    },
  },
  {
    name: 'a world that cannot be generated shows the error and a working Retry',
    async run(ctx) {
      await withApp(ctx, { query: '?view=world&seed=7&users=5&items=6000&days=6' }, async (page) => {
        const alert = page.getByRole('alert');
        await alert.waitFor({ timeout: 30_000 });
        assert.match(await alert.textContent(), /users: must be an integer/);
        await page.getByRole('button', { name: 'Retry' }).click();
        await alert.waitFor({ timeout: 30_000 });
        assert.match(await alert.textContent(), /users: must be an integer/);
      });
    },
  },
  {
    name: 'saves a 1280×800 screenshot of the first screen',
    async run(ctx) {
      await withApp(ctx, { viewport: { width: 1280, height: 800 } }, async (page) => {
        await waitForChart(page);
        await waitForIdle(page);
        const dir = path.join(ctx.root, 'tests/e2e/screenshots');
        await mkdir(dir, { recursive: true });
        await page.screenshot({ path: path.join(dir, 'first-screen.png') });
        await page.getByTestId('group-select').selectOption('tenure');
        await page.locator(CHART_LINE).nth(2).waitFor({ state: 'attached', timeout: 10_000 });
        await waitForIdle(page);
        await page.screenshot({ path: path.join(dir, 'first-screen-by-tenure.png') });
      });
    },
  },
];
