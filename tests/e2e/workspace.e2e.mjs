// The workspace: the flagship scenario's world (small, via users/items overrides) with its
// digest equal to the CLI's, slicing by tenure (bars with 95% intervals, a trail entry), the
// pipeline map, changelog and notebook as moves; a link (and a reload) reopens the same world.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  assertAccessible, assertNoHorizontalScroll, assertTabReachesEveryControl, chooseValue, FLAGSHIP, FLAGSHIP_SIZES, flagshipQuery, flagshipSizeArgs, groupByTenure, sizeQuery, waitForChart, waitForIdle, withApp,
} from './helpers.mjs';

const run = promisify(execFile);

/** `faultline digest <scenario>` for the same seed and sizes: the browser must show the same. */
async function cliDigest(root, seed) {
  const args = ['bin/faultline.js', 'digest', FLAGSHIP, '--seed', String(seed), ...flagshipSizeArgs, '--quiet'];
  const { stdout } = await run(process.execPath, args, { cwd: root });
  return stdout.trim().split('\n').pop();
}

const trailTexts = (page) => page.getByTestId('trail-entry').allTextContents();

async function waitForTrail(page, predicate, what) {
  for (let i = 0; i < 50; i++) {
    const texts = await trailTexts(page);
    if (texts.some(predicate)) return texts;
    await page.waitForTimeout(200);
  }
  assert.fail(`no trail entry ${what}; trail: ${JSON.stringify(await trailTexts(page))}`);
}

async function waitForDigest(page) {
  await page.waitForFunction(() => /^[0-9a-f]{16}$/.test(globalThis.document.querySelector('[data-testid="world-digest"]')?.textContent ?? ''), null, {
    timeout: 90_000,
  });
  return page.getByTestId('world-digest').textContent();
}

export const tests = [
  {
    name: 'workspace: the flagship world (same digest as the CLI), slicing relevance by tenure draws one bar per tenure with CIs and records a trail entry',
    timeout: 180_000,
    async run(ctx) {
      const expected = cliDigest(ctx.root, 20260415);
      await withApp(ctx, { query: flagshipQuery() }, async (page) => {
        await page.getByTestId('workspace').waitFor({ timeout: 20_000 });
        assert.equal(await page.getByTestId('scenario-title').textContent(), 'New-user relevance dropped 11%');
        assert.equal(await page.getByTestId('mode').textContent(), 'practice');
        assert.equal(await page.getByTestId('seed').textContent(), '20260415');
        assert.match(await page.getByTestId('briefing').textContent(), /How do you debug it\?/);
        const stages = page.getByTestId('pipeline-stage');
        assert.deepEqual(await stages.evaluateAll((els) => els.map((e) => e.dataset.stage)), ['ingestion', 'candidates', 'ranking', 'presentation', 'logging']);
        assert.deepEqual(await stages.evaluateAll((els) => els.map((e) => e.dataset.checked)), ['false', 'false', 'false', 'false', 'false'], 'no stage is checked yet');
        assert.equal(await page.locator('[data-testid="pipeline-map"] [class*="health"]').count(), 0);

        assert.equal(await waitForDigest(page), await expected, 'browser digest = faultline digest for the scenario');
        await waitForChart(page);
        assert.equal(await page.getByTestId('trail-entry').count(), 0, 'the initial view is not a move');

        await groupByTenure(page);
        const bars = page.getByTestId('breakdown-bar');
        assert.deepEqual((await bars.evaluateAll((els) => els.map((e) => e.dataset.group))).sort(), ['casual', 'core', 'new']);
        assert.equal(await page.locator('[data-testid="breakdown-bar"] [data-testid="ci-whisker"]').count(), 3, 'each bar has a 95% interval');
        for (const group of ['new', 'casual', 'core']) {
          // The row: the bar (a button) and its value beside it.
          const text = await page.locator(`[data-testid="breakdown-bar"][data-group="${group}"]`).locator('xpath=..').textContent();
          assert.match(text, /0\.\d{3} ±0\.\d+ n=[\d.]+k?/, `${group}: value, interval and n`);
        }
        const trail = await waitForTrail(page, (t) => /Query.*Rated relevance · by user tenure · days 1–14/.test(t), 'for relevance by tenure');
        assert.match(trail[0], /^0:\d\d/);

        // Narrow to new users by clicking the bar: a filter chip, and another move.
        await page.locator('[data-testid="breakdown-bar"][data-group="new"] .breakdown-bar').click();
        await page.locator('[data-testid="filter-chip"][data-dimension="tenure"]').waitFor({ timeout: 10_000 });
        await waitForTrail(page, (t) => /Rated relevance · user tenure = new · days 1–14/.test(t), 'for new users');

        // A stage opens its metrics and becomes checked once looked at — without a health colour.
        await page.locator('[data-stage="ingestion"] .stage-button').click();
        await page.waitForFunction(() => globalThis.document.querySelector('[data-testid="metric-select"]').value === 'label_share');
        await page.locator('[data-stage="ingestion"][data-checked="true"]').waitFor({ timeout: 10_000 });

        // The changelog is a move, and tags its entries on the time axis.
        assert.equal(await page.getByTestId('chart-annotation').count(), 0);
        await page.getByTestId('open-changelog').click();
        await page.getByTestId('changelog').waitFor();
        assert.match(await page.getByTestId('changelog').textContent(), /image-encoder v2 rolled out/);
        assert.ok((await page.getByTestId('chart-annotation').count()) >= 2, 'changelog entries are tagged on the chart');
        await page.getByTestId('note-input').fill('Only new users drop; check the encoder rollout on day 8');
        await page.getByTestId('add-note').click();
        await waitForTrail(page, (t) => t.includes('check the encoder rollout'), 'for the note');

        // A component on the map opens its inspector: the encoder's confusion matrix, per class.
        await page.locator('[data-component="image-encoder"]').click();
        await page.getByTestId('confusion-per-class').waitFor({ timeout: 20_000 });
        assert.match(await page.getByTestId('inspector-title').textContent(), /Confusion matrix · image-encoder · days 1–14/);
        assert.equal(await page.locator('[data-testid="confusion-per-class"] tbody tr').count(), 20, 'one row per aesthetic');
        const all = await waitForTrail(page, (t) => /Inspect.*confusion matrix of image-encoder · days 1–14/.test(t), 'for the inspector');
        assert.deepEqual(
          await page.getByTestId('trail-entry').evaluateAll((els) => els.map((e) => e.dataset.type)),
          ['query', 'query', 'query', 'changelog', 'note', 'inspect'],
          all.join('\n'),
        );

        // Clicking a trail entry re-opens its view without recording a new move.
        await page.locator('[data-testid="trail-entry"][data-type="query"] button').first().click();
        await page.waitForFunction(() => globalThis.document.querySelector('[data-testid="metric-select"]').value === 'relevance');
        await page.locator('[data-testid="breakdown-bar"][data-group="core"]').waitFor({ timeout: 20_000 });
        await page.waitForTimeout(800);
        assert.equal(await page.getByTestId('trail-entry').count(), 6, 'a replay is not a move');

        // Health shows on the map only once a stage health view has been opened.
        assert.equal(await page.getByTestId('stage-health-status').count(), 0);
        await page.getByTestId('inspector-view').selectOption('stage_health');
        await page.getByTestId('inspector-component').selectOption('');
        await page.getByTestId('inspector-open').click();
        await page.getByTestId('stage-health').waitFor({ timeout: 30_000 });
        await page.locator('[data-testid="stage-health-status"]').nth(4).waitFor({ timeout: 10_000 });
        assert.equal(await page.getByTestId('stage-health-status').count(), 5, 'every stage now shows its health');
      });
    },
  },
  {
    name: 'workspace: started from the library with a new seed in interview mode, the URL reopens the same world on reload',
    timeout: 180_000,
    async run(ctx) {
      await withApp(ctx, { query: `?${sizeQuery}` }, async (page) => {
        const card = page.locator(`[data-scenario="${FLAGSHIP}"]`);
        await card.waitFor({ timeout: 20_000 });
        await card.getByTestId('new-seed').check();
        await card.getByTestId('start-interview').click();
        await page.getByTestId('workspace').waitFor({ timeout: 20_000 });
        const url = new URL(page.url());
        assert.equal(url.searchParams.get('scenario'), FLAGSHIP);
        assert.equal(url.searchParams.get('mode'), 'interview');
        assert.equal(url.searchParams.get('users'), String(FLAGSHIP_SIZES.users));
        const seed = url.searchParams.get('seed');
        assert.match(seed, /^\d+$/);
        assert.notEqual(seed, '20260415', 'a new seed');
        assert.equal(await page.getByTestId('seed').textContent(), seed);
        assert.match(await page.getByTestId('timer').textContent(), /Time left/);
        assert.equal(await page.getByTestId('contrast').count(), 0, 'no contrast view in interview mode');
        const digest = await waitForDigest(page);

        await page.reload({ waitUntil: 'domcontentloaded' });
        await page.getByTestId('workspace').waitFor({ timeout: 20_000 });
        assert.equal(page.url(), url.href);
        assert.equal(await page.getByTestId('scenario-title').textContent(), 'New-user relevance dropped 11%');
        assert.equal(await page.getByTestId('seed').textContent(), seed);
        assert.equal(await page.getByTestId('mode').textContent(), 'interview');
        assert.equal(await waitForDigest(page), digest, 'the same world');

        await page.goBack();
        await card.waitFor({ timeout: 20_000 });
      });
    },
  },
  {
    name: 'workspace: the attempt autosaves; a reload resumes the same trail and view, and "Start over" discards it',
    timeout: 180_000,
    async run(ctx) {
      await withApp(ctx, { query: flagshipQuery(11) }, async (page) => {
        await waitForChart(page);
        await page.getByTestId('group-select').selectOption('tenure');
        await waitForTrail(page, (t) => t.includes('by user tenure'), 'for tenure');
        await page.getByTestId('note-input').fill('New users only?');
        await page.getByTestId('add-note').click();
        const before = await waitForTrail(page, (t) => t.includes('New users only?'), 'for the note');
        // What is saved is the attempt statechart's persisted snapshot: its context holds the moves.
        const stored = await page.evaluate(() =>
          Object.keys(globalThis.localStorage).filter((k) => k.startsWith('faultline.attempt.v1:')).map((k) => JSON.parse(globalThis.localStorage.getItem(k))),
        );
        assert.equal(stored.length, 1, 'one saved attempt');
        assert.deepEqual(stored[0].snapshot.context.actions.map((a) => a.type), ['query', 'note']);
        assert.ok(stored[0].snapshot.value.investigating, `the chart is investigating: ${JSON.stringify(stored[0].snapshot.value)}`);

        const clockSeconds = async () => {
          const [m, sec] = (await page.locator('[data-testid="timer"] .timer-value').textContent()).split(':').map(Number);
          return m * 60 + sec;
        };
        const spent = await clockSeconds();
        await page.reload({ waitUntil: 'domcontentloaded' });
        await page.getByTestId('workspace').waitFor({ timeout: 20_000 });
        assert.deepEqual(await trailTexts(page), before, 'the same trail, before the world is even ready');
        await page.locator('[data-testid="breakdown-bar"][data-group="core"]').waitFor({ timeout: 90_000 });
        assert.equal(await page.getByTestId('group-select').inputValue(), 'tenure', 'the last view is re-opened');
        assert.ok((await clockSeconds()) >= spent, `the clock resumes from the time spent (${spent} s)`);
        assert.match(await page.getByTestId('notes').textContent(), /New users only\?/);
        await page.waitForTimeout(800);
        assert.deepEqual(await trailTexts(page), before, 're-opening the view is not a new move');

        page.once('dialog', (dialog) => dialog.accept());
        await page.getByTestId('restart').click();
        await page.getByTestId('workspace').waitFor({ timeout: 20_000 });
        await waitForChart(page);
        assert.equal(await page.getByTestId('trail-entry').count(), 0, 'a fresh attempt');
      });
    },
  },
  {
    name: 'workspace: a saved attempt that does not restore (a damaged snapshot of the attempt chart) resumes from its moves; the record is set aside and reported',
    timeout: 180_000,
    async run(ctx) {
      const key = `faultline.attempt.v1:${FLAGSHIP}:16:practice:${FLAGSHIP_SIZES.users}/${FLAGSHIP_SIZES.items}/`;
      const note = { at: 5, type: 'note', text: 'kept across the damage' };
      const context = { mode: 'practice', timeLimitMs: 1_800_000, hintsAllowed: true, hintCount: 3, hintsTaken: 0, actions: [note], seen: [], diagnosis: null, timedOut: false, spentMs: 0 };
      const broken = JSON.stringify({ snapshot: { status: 'active', value: 'nowhere', context }, elapsed: 10 });
      await withApp(ctx, { query: flagshipQuery(16), localStorage: { [key]: broken } }, async (page) => {
        await page.getByTestId('workspace').waitFor({ timeout: 20_000 });
        assert.match(await page.locator('.notice[role="status"]').textContent(), /Part of your saved attempt could not be used \(its saved state does not restore, so it resumes from its moves\)/);
        await waitForChart(page);
        assert.deepEqual(await page.getByTestId('trail-entry').allTextContents().then((t) => t.map((x) => /kept across the damage/.test(x))), [true], 'its move resumed');
        const aside = await page.evaluate((k) => Object.keys(globalThis.localStorage).filter((x) => x.startsWith(`${k}.corrupt`)).map((x) => globalThis.localStorage.getItem(x)), key);
        assert.deepEqual(aside, [broken], 'kept aside as it was, not lost');
      });
    },
  },
  {
    name: 'workspace: the diagnosis form (choices from the vocabulary) ends the attempt; the debrief grades it; the transcript downloads',
    timeout: 180_000,
    async run(ctx) {
      await withApp(ctx, { query: flagshipQuery(12) }, async (page) => {
        await waitForChart(page);
        await page.getByTestId('group-select').selectOption('tenure');
        await waitForTrail(page, (t) => t.includes('by user tenure'), 'for tenure');

        await page.getByTestId('open-diagnosis').click();
        const form = page.getByTestId('diagnosis-form');
        await form.waitFor();
        await page.getByTestId('diagnosis-stage').selectOption('ingestion');
        const components = await page.locator('[data-testid="diagnosis-component"] option').allTextContents();
        assert.deepEqual(components, ['—', 'image-encoder', 'text-encoder', 'feature-pipeline'], 'components of the chosen stage');
        await page.getByTestId('diagnosis-component').selectOption('image-encoder');
        const causes = await page.locator('[data-testid="diagnosis-cause"] option').evaluateAll((os) => os.map((o) => o.value));
        assert.ok((await page.locator('[data-testid="diagnosis-cause"] option').allTextContents()).includes('Encoder mislabel'), 'causes read as words');
        assert.ok(causes.includes('encoder-mislabel') && causes.includes('no-regression') && !causes.includes('source-outage'), causes.join(', '));
        await page.getByTestId('diagnosis-cause').selectOption('encoder-mislabel');
        // Another fault acting too is optional; its causes follow its component and never include no-regression.
        await page.getByTestId('diagnosis-also-component').selectOption('ranker');
        const alsoCauses = await page.locator('[data-testid="diagnosis-also-cause"] option').evaluateAll((os) => os.map((o) => o.value));
        assert.ok(alsoCauses.includes('feedback-loop') && !alsoCauses.includes('no-regression') && !alsoCauses.includes('encoder-mislabel'), alsoCauses.join(', '));
        await page.getByTestId('diagnosis-also-component').selectOption('');
        await page.getByTestId('segment-dimension').selectOption('tenure');
        await chooseValue(page, 'segment-value', 'new');
        await page.getByTestId('diagnosis-remediation').fill('Roll back image-encoder v2; gate releases on per-class accuracy');
        await page.getByTestId('diagnosis-submit').click();

        await page.getByTestId('submitted').waitFor({ timeout: 10_000 });
        assert.equal(await form.count(), 0);
        assert.equal(await page.getByTestId('submitted-badge').textContent(), 'submitted');
        assert.ok(await page.getByTestId('note-input').isDisabled(), 'no more moves after submitting');
        // The debrief: the engine grades the attempt in the worker (after simulating the twin).
        await page.getByTestId('score').waitFor({ timeout: 120_000 });
        const score = Number(await page.getByTestId('score').textContent());
        // Step through: a judged move re-opens its view.
        await page.getByTestId('group-select').selectOption('');
        await page.locator('[data-testid="judged-moves"] .link-button').first().click();
        await page.waitForFunction(() => globalThis.document.querySelector('[data-testid="group-select"]').value === 'tenure');
        assert.ok(score >= 0 && score <= 100, `score ${score}`);
        assert.equal(await page.locator('[data-testid="judged-moves"] li').count(), 2, 'each move judged');
        assert.ok((await page.locator('[data-testid="expert-path"] li').count()) >= 2, 'the expert path');
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-transcript').click()]);
        const digest = page.getByTestId('world-digest');
        assert.equal(await digest.getAttribute('data-kept'), 'false', 'the first visit generates the world');
        const digestBefore = await digest.textContent();
        // Reopened, the world and its twin are read from the browser's store: nothing is generated again.
        const reloaded = Date.now();
        await page.reload({ waitUntil: 'domcontentloaded' });
        await page.getByTestId('score').waitFor({ timeout: 120_000 });
        console.log(`    figure: reload of a submitted attempt → debrief ${((Date.now() - reloaded) / 1000).toFixed(2)} s (world and twin from the browser's store)`);
        assert.equal(await digest.getAttribute('data-kept'), 'true', 'the reopened world comes from the store');
        assert.equal(await digest.textContent(), digestBefore, 'the same world');
        assert.equal(Number(await page.getByTestId('score').textContent()), score, 'a reload re-grades to the same score');
        assert.equal(download.suggestedFilename(), `${FLAGSHIP}-12-transcript.json`);
        const transcript = JSON.parse(await readFile(await download.path(), 'utf8'));
        assert.equal(transcript.format, 'faultline-transcript');
        assert.equal(transcript.version, 1);
        assert.equal(transcript.scenario, FLAGSHIP);
        assert.equal(transcript.seed, 12);
        assert.equal(transcript.mode, 'practice');
        assert.deepEqual(transcript.actions.map((a) => a.type), ['query', 'submit']);
        assert.deepEqual(transcript.actions[0], { at: transcript.actions[0].at, type: 'query', metric: 'relevance', groupBy: 'tenure', window: [1, 14], byDay: true });
        assert.deepEqual(transcript.actions[1].diagnosis, {
          stage: 'ingestion',
          component: 'image-encoder',
          cause: 'encoder-mislabel',
          segment: { tenure: ['new'] },
          remediation: 'Roll back image-encoder v2; gate releases on per-class accuracy',
        });
      });
    },
  },
  {
    name: 'workspace: in interview mode the statechart’s time limit ends the attempt (resumed after it ran out) and it is graded unsubmitted',
    timeout: 180_000,
    async run(ctx) {
      const key = `faultline.attempt.v1:${FLAGSHIP}:13:interview:${FLAGSHIP_SIZES.users}/${FLAGSHIP_SIZES.items}/`;
      const saved = {
        transcript: {
          format: 'faultline-transcript', version: 1, scenario: FLAGSHIP, seed: 13, mode: 'interview',
          actions: [{ at: 30, type: 'query', metric: 'relevance', groupBy: 'tenure', window: [1, 14], byDay: true }],
        },
        elapsed: 46 * 60,
      };
      await withApp(ctx, { query: flagshipQuery(13, 'interview'), localStorage: { [key]: JSON.stringify(saved) } }, async (page) => {
        await page.getByTestId('timed-out').waitFor({ timeout: 90_000 });
        assert.equal(await page.getByTestId('submitted-badge').textContent(), 'time is up');
        assert.match(await page.getByTestId('timer').textContent(), /Time is up/);
        assert.equal(await page.getByTestId('open-diagnosis').count(), 0, 'no diagnosis after the time limit');
        await page.getByTestId('score').waitFor({ timeout: 120_000 });
        assert.ok(Number(await page.getByTestId('score').textContent()) < 40, 'an unsubmitted attempt scores low');
      });
    },
  },
  {
    name: 'workspace: the contrast view (practice only) ranks dimensions for the selected days against the rest, as a move',
    timeout: 180_000,
    async run(ctx) {
      await withApp(ctx, { query: flagshipQuery(14) }, async (page) => {
        await waitForChart(page);
        assert.ok(await page.getByTestId('run-contrast').isDisabled(), 'nothing to contrast while the selection is everything');
        await page.getByTestId('window-from').selectOption('8');
        await page.waitForFunction(() => !globalThis.document.querySelector('[data-testid="run-contrast"]').disabled);
        await page.getByTestId('run-contrast').click();
        await page.getByTestId('contrast-dimensions').waitFor({ timeout: 30_000 });
        assert.ok((await page.locator('[data-testid="contrast-dimensions"] tbody tr').count()) >= 3);
        assert.match(await page.getByTestId('contrast-result').textContent(), /Selection days 8–14.*baseline days 1–7/);
        await waitForTrail(page, (t) => /Contrast.*Rated relevance: days 8–14 against the rest/.test(t), 'for the contrast');
      });
    },
  },
  {
    name: 'workspace: keyboard only, the flagship to its debrief — value pickers commit on Enter (never on an arrow key), and focus lands on what each move opened',
    timeout: 180_000,
    async run(ctx) {
      await withApp(ctx, { query: flagshipQuery() }, async (page) => {
        await waitForChart(page);
        const focused = () => page.evaluate(() => {
          const el = globalThis.document.activeElement;
          return el?.id || el?.getAttribute('data-testid') || el?.tagName;
        });
        const key = (k) => page.keyboard.press(k);
        // Group by tenure (a view, so the native select applies as it moves).
        await page.getByTestId('group-select').focus();
        await page.getByTestId('group-select').selectOption('tenure'); // (as ArrowDown would reach it)
        await page.locator('[data-testid="breakdown-bar"][data-group="new"]').waitFor({ timeout: 20_000 });
        // Pick the "new" bar with Enter: the bars go, the explorer's heading has the focus.
        await page.locator('[data-testid="breakdown-bar"][data-group="new"]').focus();
        await key('Enter');
        await page.getByTestId('filter-chip').waitFor();
        assert.equal(await focused(), 'explorer-title');
        // Remove the chip by keyboard: focus goes to where filters are added.
        await page.getByRole('button', { name: 'Remove the User tenure filter' }).focus();
        await key('Enter');
        assert.equal(await focused(), 'filter-dimension');
        // Add it again through the value picker: arrows only move the highlight.
        await page.getByTestId('filter-dimension').selectOption('tenure');
        await page.getByTestId('filter-value').focus();
        await key('ArrowDown');
        await key('ArrowDown');
        await key('ArrowUp');
        assert.equal(await page.getByTestId('filter-chip').count(), 0, 'nothing committed by the arrows');
        await key('Enter');
        assert.deepEqual(await page.getByTestId('filter-chip').allTextContents(), ['User tenure new×']);
        assert.equal(await focused(), 'filter-dimension');
        // The changelog: its button goes, its heading has the focus.
        await page.getByTestId('open-changelog').focus();
        await key('Enter');
        await page.getByTestId('changelog').waitFor();
        assert.equal(await focused(), 'changelog-title');
        // The diagnosis, by keyboard.
        await page.getByTestId('open-diagnosis').focus();
        await key('Enter');
        await page.getByTestId('diagnosis-form').waitFor();
        await page.getByTestId('diagnosis-component').selectOption('image-encoder');
        await page.getByTestId('diagnosis-cause').selectOption('encoder-mislabel');
        await page.getByTestId('segment-dimension').selectOption('tenure');
        await page.getByTestId('segment-value').focus();
        await key('ArrowDown');
        await key('Escape'); // closes the list, not the dialog (which would lose the form)
        assert.equal(await page.getByTestId('diagnosis-form').count(), 1, 'the dialog stays open');
        assert.equal(await page.getByTestId('diagnosis-cause').inputValue(), 'encoder-mislabel', 'and keeps what was chosen');
        for (const k of ['ArrowDown', 'ArrowDown', 'Home', 'n', 'e']) await key(k); // open, move, first, type-ahead "ne…"
        assert.equal(await page.getByTestId('segment-chip').count(), 0, 'nothing committed before Enter');
        await key('Enter');
        assert.deepEqual(await page.getByTestId('segment-chip').allTextContents(), ['User tenure new×']);
        await page.getByTestId('diagnosis-submit').focus();
        await key('Enter');
        await page.getByTestId('score').waitFor({ timeout: 120_000 });
        await page.waitForFunction(() => globalThis.document.activeElement?.id === 'debrief-title', null, { timeout: 5_000 });
        const segment = await page.getByTestId('claims').locator('tr', { hasText: 'segment' }).locator('td').first().textContent();
        assert.equal(segment, 'user tenure = new');
      });
    },
  },
  {
    name: 'workspace: every control is reached with Tab and shows a visible focus; the diagnosis form keeps focus inside, closes on Escape and gives focus back to its button',
    timeout: 180_000,
    async run(ctx) {
      await withApp(ctx, { query: flagshipQuery(15) }, async (page) => {
        await waitForChart(page);
        await groupByTenure(page);
        await assertTabReachesEveryControl(page, 20);

        // The diagnosis form, opened from the keyboard: a focus trap with an Escape hatch.
        await page.getByTestId('open-diagnosis').focus();
        await page.keyboard.press('Enter');
        await page.getByTestId('diagnosis-form').waitFor();
        const inForm = () => page.evaluate(() => Boolean(globalThis.document.activeElement?.closest('[data-testid="diagnosis-form"]')));
        assert.ok(await inForm(), 'focus moves into the form');
        for (const key of [...Array(12).fill('Tab'), ...Array(12).fill('Shift+Tab')]) {
          await page.keyboard.press(key);
          assert.ok(await inForm(), `focus stays in the form after ${key}`);
          const ring = await page.evaluate(() => globalThis.getComputedStyle(globalThis.document.activeElement).outlineStyle);
          assert.notEqual(ring, 'none', 'the focused control in the form shows a ring');
        }
        await page.keyboard.press('Escape');
        await page.getByTestId('diagnosis-form').waitFor({ state: 'detached' });
        assert.equal(await page.evaluate(() => globalThis.document.activeElement?.getAttribute('data-testid')), 'open-diagnosis', 'focus returns to the button');
        assert.equal(await page.getByTestId('submitted-badge').count(), 0, 'Escape does not submit');
      });
    },
  },
  {
    name: 'workspace: a world that cannot be generated shows the error with a working Retry, the briefing still readable',
    async run(ctx) {
      await withApp(ctx, { query: `?scenario=${FLAGSHIP}&seed=3&mode=practice&users=5` }, async (page) => {
        const alert = page.getByRole('alert');
        await alert.waitFor({ timeout: 30_000 });
        assert.match(await alert.textContent(), /users: must be an integer from 200/);
        assert.match(await page.getByTestId('briefing').textContent(), /How do you debug it\?/);
        await page.getByRole('button', { name: 'Retry' }).click();
        await alert.waitFor({ timeout: 30_000 });
        assert.match(await alert.textContent(), /users: must be an integer from 200/);
      });
    },
  },
  {
    name: 'workspace: an unknown scenario id says so and leads back to the library',
    async run(ctx) {
      await withApp(ctx, { query: '?scenario=no-such-scenario&seed=1' }, async (page) => {
        const alert = page.getByRole('alert');
        await alert.waitFor({ timeout: 20_000 });
        assert.match(await alert.textContent(), /No scenario “no-such-scenario”/);
        await page.getByRole('button', { name: 'Back to the library' }).click();
        await page.getByTestId('library').waitFor({ timeout: 10_000 });
      });
    },
  },
  {
    name: 'every size, every screen: library, workspace, inspector, diagnosis dialog and debrief on a phone (360×740) and a laptop (1280×800) — screenshots, no sideways scroll, and axe finds nothing serious',
    timeout: 400_000,
    async run(ctx) {
      const dir = path.join(ctx.root, 'tests/e2e/screenshots');
      await mkdir(dir, { recursive: true });
      for (const [width, height] of [[360, 740], [1280, 800]]) {
        const phone = width < 500;
        const look = async (name, where) => {
          await page.waitForTimeout(300);
          await page.screenshot({ path: path.join(dir, `${name}-${width}.png`), fullPage: phone });
          await assertNoHorizontalScroll(page, `${where} at ${width} px`);
          await assertAccessible(page, `${where} at ${width} px`);
        };
        let page;
        // A fresh context per size: the laptop run must not resume the phone run's attempt.
        await withApp(ctx, { query: `?${sizeQuery}`, viewport: { width, height } }, async (p) => {
          page = p;
          await page.getByTestId('library').waitFor({ timeout: 20_000 });
          await look('library', 'the library');
          await page.locator(`[data-scenario="${FLAGSHIP}"]`).getByTestId('start-practice').click();
          await waitForChart(page);
          await page.getByTestId('group-select').selectOption('tenure');
          await page.locator('[data-testid="breakdown-bar"][data-group="core"]').waitFor({ timeout: 20_000 });
          await waitForTrail(page, (t) => t.includes('by user tenure'), 'for tenure');
          await page.getByTestId('open-changelog').click();
          await page.getByTestId('note-input').fill('Drop is confined to new users; the campaign only changed the mix?');
          await page.getByTestId('add-note').click();
          await waitForIdle(page);
          const chart = await page.getByTestId('chart').evaluate((el) => el.getBoundingClientRect().width);
          assert.ok(chart >= Math.min(300, width - 60), `the chart is ${chart} px wide at ${width} px`);
          await look('workspace', 'the workspace');
          await page.locator('[data-component="image-encoder"]').click();
          await page.getByTestId('confusion-per-class').waitFor({ timeout: 20_000 });
          await page.getByTestId('inspector').evaluate((el) => el.scrollIntoView({ block: 'start' }));
          await look('workspace-inspector', 'the inspector');
          await page.getByTestId('open-diagnosis').click();
          await page.getByTestId('diagnosis-form').waitFor();
          const dialog = await page.getByTestId('diagnosis-form').evaluate((el) => { const r = el.getBoundingClientRect(); return [r.left, r.right]; });
          assert.ok(dialog[0] >= 0 && dialog[1] <= width, `the dialog spans ${dialog} in ${width} px`);
          await look('diagnosis', 'the diagnosis dialog');
          await page.getByTestId('diagnosis-component').selectOption('image-encoder');
          await page.getByTestId('diagnosis-cause').selectOption('encoder-mislabel');
          await page.getByTestId('segment-dimension').selectOption('tenure');
          await chooseValue(page, 'segment-value', 'new');
          await page.getByTestId('diagnosis-submit').click();
          await page.getByTestId('score').waitFor({ timeout: 120_000 });
          await look('debrief', 'the debrief');
        });
      }
    },
  },
];
