// Nothing a person had is lost: every saved record (an attempt, the scores, the opened files) is
// corrupted in turn and the app reloaded — what can be used is used (an older attempt resumes from
// its moves), the rest is set aside, reported and downloadable; and opening a transcript never
// replaces the attempt in progress.
import assert from 'node:assert/strict';
import { FLAGSHIP, FLAGSHIP_SIZES, flagshipQuery, sizeQuery, waitForChart, withApp } from './helpers.mjs';

const ATTEMPT = `faultline.attempt.v1:${FLAGSHIP}:20260415:practice:${FLAGSHIP_SIZES.users}/${FLAGSHIP_SIZES.items}/`;
const STATS = 'faultline.attempts.v1';
const OPENED = 'faultline.opened-scenarios.v1';

const trail = (page) => page.getByTestId('trail-entry').allTextContents();
const setAside = (page, key) =>
  page.evaluate((k) => Object.keys(globalThis.localStorage).filter((x) => x.startsWith(`${k}.corrupt`)).map((x) => globalThis.localStorage.getItem(x)), key);

async function addNote(page, text) {
  await page.getByTestId('note-input').fill(text);
  await page.getByTestId('add-note').click();
}

export const tests = [
  {
    name: 'storage: an attempt saved by an older version (no `seen` in its snapshot) resumes with its moves, records new ones, and keeps them across a reload',
    timeout: 180_000,
    async run(ctx) {
      const older = {
        snapshot: {
          status: 'active',
          value: 'investigating',
          context: { mode: 'practice', timeLimitMs: 1_800_000, hintsAllowed: true, hintCount: 3, hintsTaken: 0, diagnosis: null, timedOut: false, spentMs: 0,
            actions: [{ at: 4, type: 'note', text: 'first look' }, { at: 9, type: 'changelog' }] },
        },
        elapsed: 12,
      };
      await withApp(ctx, { query: flagshipQuery(), localStorage: { [ATTEMPT]: JSON.stringify(older) } }, async (page) => {
        await waitForChart(page);
        assert.equal((await trail(page)).length, 2, 'both moves resumed');
        await addNote(page, 'after the upgrade');
        await page.waitForFunction(() => globalThis.document.querySelectorAll('[data-testid="trail-entry"]').length === 3);
        assert.equal(await page.locator('.notice[role="status"]').count(), 0, 'an older shape is brought up to date quietly');
        await page.reload();
        await waitForChart(page);
        assert.deepEqual((await trail(page)).map((t) => /after the upgrade/.test(t)), [false, false, true], 'the new move was saved');
        assert.deepEqual(await setAside(page, ATTEMPT), []);
      });
    },
  },
  {
    name: 'storage: scores with a broken entry keep what reads, set the record aside (downloadable, as it was) and the debrief still works',
    timeout: 180_000,
    async run(ctx) {
      const stats = JSON.stringify({ [FLAGSHIP]: { attempts: 2, best: 71, counted: 'not a list' }, 'europe-relevance-slide': { attempts: 'two' } });
      await withApp(ctx, { query: `?${sizeQuery}`, localStorage: { [STATS]: stats } }, async (page) => {
        await page.getByTestId('library').waitFor({ timeout: 20_000 });
        assert.match(await page.locator('.notice[role="status"]').first().textContent(), /Part of your saved scores could not be used .*kept in the library's "Saved data set aside" \(faultline\.attempts\.v1\.corrupt/);
        const card = page.locator(`[data-scenario="${FLAGSHIP}"]`);
        assert.equal(await card.getByTestId('attempts').textContent(), '2');
        assert.equal(await card.getByTestId('best-score').textContent(), '71');
        await page.getByTestId('set-aside').waitFor();
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('set-aside-download').click()]);
        const path = await download.path();
        assert.equal(await (await import('node:fs/promises')).readFile(path, 'utf8'), stats, 'the download is the record as it was');
        // A graded attempt is counted on top of what was kept.
        await page.goto(new URL(flagshipQuery(), ctx.baseUrl).href);
        await waitForChart(page);
        await page.getByTestId('open-diagnosis').click();
        await page.getByTestId('diagnosis-cause').selectOption('encoder-mislabel');
        await page.getByTestId('diagnosis-submit').click();
        await page.getByTestId('score').waitFor({ timeout: 150_000 });
        const saved = JSON.parse(await page.evaluate((k) => globalThis.localStorage.getItem(k), STATS));
        assert.equal(saved[FLAGSHIP].attempts, 3);
      });
    },
  },
  {
    name: 'storage: an opened-scenarios record that is not JSON is set aside and listed; the library still loads with every built-in',
    timeout: 60_000,
    async run(ctx) {
      const broken = '[{"fileName": "mine.yaml", "text": "id: mine\\n';
      await withApp(ctx, { query: `?${sizeQuery}`, localStorage: { [OPENED]: broken } }, async (page) => {
        await page.getByTestId('library').waitFor({ timeout: 20_000 });
        assert.equal(await page.getByTestId('scenario-card').count(), 10);
        assert.match(await page.locator('.notice[role="status"]').first().textContent(), /Your saved opened scenario files could not be read; the record is kept as it was .*\(faultline\.opened-scenarios\.v1\.corrupt/);
        assert.deepEqual(await setAside(page, OPENED), [broken]);
        assert.match(await page.getByTestId('set-aside').textContent(), /faultline\.opened-scenarios\.v1\.corrupt/);
        // Deleting it is the person's choice, and it is gone only then.
        await page.getByRole('button', { name: /^Delete faultline\.opened-scenarios/ }).click();
        assert.deepEqual(await setAside(page, OPENED), []);
        assert.equal(await page.getByTestId('set-aside').count(), 0);
      });
    },
  },
  {
    name: 'storage: an opened scenario that no longer loads (a file saved before, broken now) shows its errors in the library and can be removed',
    timeout: 60_000,
    async run(ctx) {
      const files = JSON.stringify([{ fileName: 'old.yaml', text: 'schemaVersion: 1\nid: old-one\ndifficulty: impossible\n' }]);
      await withApp(ctx, { query: `?${sizeQuery}`, localStorage: { [OPENED]: files } }, async (page) => {
        const card = page.getByTestId('broken-card');
        await card.waitFor({ timeout: 20_000 });
        assert.match(await card.textContent(), /old\.yaml:3:\d+: difficulty: /);
        await page.getByRole('button', { name: 'Remove old.yaml' }).click();
        await card.waitFor({ state: 'detached' });
        assert.equal(await page.evaluate((k) => globalThis.localStorage.getItem(k), OPENED), '[]');
      });
    },
  },
  {
    name: 'storage: opening a transcript for the scenario, seed and mode of the attempt in progress opens it beside that attempt, which stays whole; the card says one is in progress',
    timeout: 180_000,
    async run(ctx) {
      const transcript = {
        format: 'faultline-transcript', version: 1, scenario: FLAGSHIP, seed: 20260415, mode: 'practice',
        actions: [{ at: 5, type: 'query', metric: 'relevance', groupBy: 'tenure', window: [1, 14], byDay: true }],
      };
      await withApp(ctx, { query: flagshipQuery() }, async (page) => {
        await waitForChart(page);
        for (const text of ['one', 'two', 'three']) await addNote(page, `my note ${text}`);
        await page.waitForFunction(() => globalThis.document.querySelectorAll('[data-testid="trail-entry"]').length >= 3);
        const mine = (await trail(page)).length;
        await page.goto(new URL(`?${sizeQuery}`, ctx.baseUrl).href);
        await page.getByTestId('library').waitFor({ timeout: 20_000 });
        assert.equal(await page.locator(`[data-scenario="${FLAGSHIP}"]`).getByTestId('attempts').textContent(), '1 in progress');
        await page.getByTestId('file-input').setInputFiles({ name: 'theirs.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(transcript)) });
        await page.getByTestId('transcript-badge').waitFor({ timeout: 20_000 });
        assert.match(page.url(), /&replay=[0-9a-f]{8}/);
        await waitForChart(page);
        assert.equal((await trail(page)).length, 1, 'the transcript’s own moves');
        // Back to the person's own attempt: every move is there.
        await page.goto(new URL(flagshipQuery(), ctx.baseUrl).href);
        await waitForChart(page);
        assert.equal((await trail(page)).length, mine);
        assert.equal(await page.getByTestId('transcript-badge').count(), 0);
      });
    },
  },
  {
    name: 'storage: a submitted transcript reopened (and reloaded) shows its debrief in view with the focus on it; re-opening a judged move brings that view into sight',
    timeout: 180_000,
    async run(ctx) {
      const transcript = {
        format: 'faultline-transcript', version: 1, scenario: FLAGSHIP, seed: 20260415, mode: 'practice',
        actions: [
          { at: 5, type: 'query', metric: 'relevance', groupBy: 'tenure', window: [1, 14], byDay: true },
          { at: 40, type: 'inspect', view: 'confusion_matrix', component: 'image-encoder', window: [1, 14] },
          { at: 90, type: 'submit', diagnosis: { stage: 'ingestion', component: 'image-encoder', cause: 'encoder-mislabel', segment: { tenure: ['new'] } } },
        ],
      };
      const inView = (page, id) => page.evaluate((x) => {
        const r = globalThis.document.getElementById(x).getBoundingClientRect();
        return r.top >= 0 && r.top < globalThis.innerHeight;
      }, id);
      await withApp(ctx, { query: `?${sizeQuery}` }, async (page) => {
        await page.getByTestId('library').waitFor({ timeout: 20_000 });
        await page.getByTestId('file-input').setInputFiles({ name: 'done.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(transcript)) });
        for (const reloaded of [false, true]) {
          if (reloaded) await page.reload();
          await page.getByTestId('score').waitFor({ timeout: 150_000 });
          await page.getByTestId('confusion-per-class').waitFor({ timeout: 20_000 }); // the last inspection, re-opened quietly
          await page.waitForTimeout(300);
          assert.ok(await inView(page, 'debrief-title'), `the debrief is in view${reloaded ? ' after a reload' : ''}`);
          assert.equal(await page.evaluate(() => globalThis.document.activeElement?.id), 'debrief-title');
        }
        await page.getByTestId('judged-moves').getByRole('button', { name: /^Query/ }).click();
        await page.waitForTimeout(300);
        assert.ok(await inView(page, 'explorer-title'), 'the re-opened view is in sight');
        assert.equal(await page.evaluate(() => globalThis.document.activeElement?.id), 'explorer-title');
      });
    },
  },
];
