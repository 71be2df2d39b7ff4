// The authoring studio: "New scenario" opens the commented starter in a code editor; an error
// shows at once with file:line:col (marked in the editor too); completion offers a field's
// values from the schema; the draft survives a reload (IndexedDB); the downloaded file is the
// editor's text and `faultline validate` passes it. "Edit" on a built-in opens a copy.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { unzipSync, strFromU8 } from 'fflate';
import { assertAccessible, submitDiagnosis, waitForIdle, withApp } from './helpers.mjs';

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
  {
    name: 'studio, the whole flow: a scenario for a kind no built-in uses (embedding-collapse) — its solvability, footprint and claims update as it is edited, the claims checked at other seeds (stopped after two); played twice, each attempt recorded as an example; the zip passes faultline validate and faultline test; the library lists the draft',
    timeout: 240_000,
    async run(ctx) {
      await withApp(ctx, { query: '/' }, async (page) => {
        await page.getByTestId('new-scenario').click();
        await page.locator('.cm-content').waitFor();
        const write = async (text) => {
          await page.locator('.cm-content').click();
          await page.keyboard.press('Control+a');
          await page.keyboard.insertText(text);
          await page.keyboard.press('Escape'); // (a completion list may have opened)
        };
        const study = page.getByTestId('studio-study');
        let edit = 0;
        /** Waits for the checks of an edit after the last one seen (or their failure). */
        const settled = async () => {
          await page.waitForFunction((after) => {
            const el = globalThis.document.querySelector('[data-testid="studio-study"]');
            return el && (el.dataset.state === 'failed' || (el.dataset.state === 'ready' && Number(el.dataset.edit) > after));
          }, edit, { timeout: 90_000 });
          assert.equal(await study.getAttribute('data-state'), 'ready', await study.innerText());
          edit = Number(await study.getAttribute('data-edit'));
        };

        // A weak collapse: the checks run on their own a moment after the edit, with progress.
        await write(draftYaml({ strength: 0.2, change: '-20%' }));
        await page.getByTestId('progress').waitFor({ timeout: 10_000 });
        await settled();
        assert.match(await page.getByTestId('studio-truth').innerText(), /embedding-collapse in image-encoder \(ingestion\), from day 5; it hits everyone/);

        // Made strong: the world is made again and the truth, footprint and claims follow.
        await write(draftYaml({ strength: 0.95, change: '-20%' }));
        await page.getByTestId('progress').waitFor({ timeout: 10_000 });
        await settled();
        assert.match(await page.getByTestId('studio-truth').innerText(), /it hits user_interest cottagecore\/goblincore/);
        assert.match(await page.locator('#studio-solvability').innerText(), /^✓ Solvable at seed 4242$/);
        assert.equal(await page.getByTestId('studio-step').count(), 4);
        assert.ok(await page.getByTestId('studio-expert').locator('li').count() >= 2);
        // Footprint: the segment and the rest, each in the world (solid) and its twin (dashed); the timeline and the onset marked.
        const footprint = page.getByTestId('studio-footprint');
        assert.equal(await footprint.locator('path.series-line').count(), 4);
        assert.equal(await footprint.locator('path.series-line[stroke-dasharray]').count(), 2);
        assert.match(await footprint.innerText(), /the rest: user_interest other than cottagecore\/goblincore/);
        assert.ok((await footprint.getByTestId('chart-annotation').count()) >= 2);
        // The claim's number is not the world's: ✗ with the world's change, which the author then states.
        const claim = page.getByTestId('studio-claim');
        assert.match(await claim.innerText(), /^✗/);
        const world = /\(([−+][\d.]+)%, z/.exec(await claim.innerText());
        assert.ok(world, await claim.innerText());
        const stated = `${world[1].replace('−', '-')}%`;
        assert.match(await claim.innerText(), new RegExp(`the world says ${world[1]}%`));
        await write(draftYaml({ strength: 0.95, change: stated }));
        await settled();
        assert.match(await page.getByTestId('studio-claim').innerText(), /^✓/);
        assert.match(await page.locator('#studio-claims').innerText(), /^Claims: 1 of 1 hold$/);
        // At other seeds, on request: each seed's world in turn, the claim's count of seeds where it
        // holds so far; stopped after two, the results stay and say so.
        await page.getByTestId('studio-seeds-run').click();
        await page.getByTestId('studio-seed-claim').filter({ hasText: /of 2 seeds \(1, 2\)/ }).waitFor({ timeout: 60_000 });
        await page.getByTestId('studio-seeds-stop').click();
        assert.equal(await page.getByTestId('studio-seeds').getAttribute('data-state'), 'done');
        const checked = Number(/Stopped after (\d) of 5 seeds/.exec(await page.getByTestId('studio-seeds').innerText())?.[1]);
        assert.ok(checked >= 2, await page.getByTestId('studio-seeds').innerText());
        assert.match(await page.getByTestId('studio-seed-claim').innerText(), new RegExp(`^[✓✗]new users' relevance is down: holds at [0-${checked}] of ${checked} seeds \\(1, 2`));
        await page.getByTestId('studio-status').filter({ hasText: 'Saved in this browser' }).waitFor({ timeout: 5_000 });
        await assertAccessible(page, 'the studio with its checks');
        if (process.env.E2E_SHOTS) await page.screenshot({ path: path.join(process.env.E2E_SHOTS, 'studio-checks.png'), fullPage: true });

        // Played: the expert's moves, then a diagnosis; the debrief records it as an example.
        await page.getByTestId('studio-play').click();
        await page.getByTestId('workspace').waitFor();
        assert.match(page.url(), /\?scenario=collapsed-niches&seed=4242&mode=practice&draft=draft-/);
        await page.getByTestId('metric-select').selectOption('relevance');
        await page.getByTestId('group-select').selectOption('user_interest', { timeout: 60_000 });
        await page.locator('[data-testid="breakdown-bar"][data-group="cottagecore"]').waitFor({ timeout: 60_000 });
        await waitForIdle(page);
        await page.locator('[data-testid="trail-entry"][data-type="query"]').waitFor({ timeout: 10_000 }); // (a view is a move once it has been on screen a moment)
        await page.getByTestId('inspector-view').selectOption('embedding_map');
        await page.getByTestId('inspector-component').selectOption('image-encoder');
        await page.getByTestId('inspector-open').click();
        await page.locator('[data-testid="trail-entry"][data-type="inspect"]').waitFor({ timeout: 30_000 });
        await submitDiagnosis(page, { stage: 'ingestion', component: 'image-encoder', cause: 'embedding-collapse', segment: { user_interest: 'cottagecore' } });
        const expertScore = await record(page, 'the expert path');
        assert.ok(expertScore >= 60, `the expert's moves score ${expertScore}`);

        // Played again (a new attempt): a guess with no evidence, recorded as the lucky guess.
        await page.getByTestId('back-to-studio').click();
        await page.getByTestId('studio-play').click();
        await page.getByTestId('workspace').waitFor();
        await page.getByTestId('open-diagnosis').waitFor({ timeout: 60_000 });
        await page.waitForFunction(() => !globalThis.document.querySelector('[data-testid="open-diagnosis"]').disabled, null, { timeout: 60_000 });
        await submitDiagnosis(page, { stage: 'ingestion', component: 'image-encoder', cause: 'embedding-collapse' });
        const luckyScore = await record(page, 'a lucky guess');
        assert.ok(luckyScore < 40, `a lucky guess scores ${luckyScore}`);

        // Back in the studio: the examples are in the file, the transcripts kept beside it; the zip holds them all.
        await page.getByTestId('back-to-studio').click();
        await page.getByTestId('studio-files').waitFor();
        assert.match(await page.getByTestId('studio-files').innerText(), /examples\/the-expert-path\.json.*examples\/a-lucky-guess\.json/s);
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('studio-download-zip').click()]);
        assert.equal(download.suggestedFilename(), 'collapsed-niches.zip');
        const files = unzipSync(await readFile(await download.path()));
        assert.deepEqual(Object.keys(files).sort(), ['collapsed-niches.yaml', 'examples/a-lucky-guess.json', 'examples/the-expert-path.json']);
        const dir = await mkdtemp(path.join(tmpdir(), 'faultline-studio-'));
        await mkdir(path.join(dir, 'examples'));
        for (const [name, bytes] of Object.entries(files)) await writeFile(path.join(dir, name), strFromU8(bytes));
        const yaml = strFromU8(files['collapsed-niches.yaml']);
        assert.match(yaml, /examples:\n {2}- name: the expert path\n {4}transcript: examples\/the-expert-path\.json\n {4}expect: \{ min: \d+, max: \d+ \}/);

        const file = path.join(dir, 'collapsed-niches.yaml');
        const validated = await run(process.execPath, ['bin/faultline.js', 'validate', file], { cwd: ctx.root });
        assert.match(validated.stdout, /^✓ /m);
        // The CLI grades the browser's transcripts to the same scores, and the claim holds in its world.
        const tested = await run(process.execPath, ['bin/faultline.js', 'test', file, '--quiet'], { cwd: ctx.root });
        assert.match(tested.stdout, new RegExp(`✓ the expert path: ${expertScore} `));
        assert.match(tested.stdout, new RegExp(`✓ a lucky guess: ${luckyScore} `));
        assert.match(tested.stdout, /✓ new users' relevance is down/);
        assert.match(tested.stdout, /^3 passed, 0 failed$/m);

        // The library lists the draft; it reopens in the studio as it was left.
        await page.getByRole('button', { name: 'Library' }).click();
        const listed = page.getByTestId('draft').filter({ hasText: 'collapsed-niches.yaml — New fans of two niches stopped finding them' });
        await listed.waitFor({ timeout: 10_000 });
        await listed.locator('.draft-open').click();
        await page.getByTestId('studio-files').waitFor();
        assert.match(await page.locator('.cm-content').innerText(), /^id: collapsed-niches$/m);
      });
    },
  },
];

/** The draft the whole-flow test writes: an embedding collapse in two niches, in a small world. */
function draftYaml({ strength, change }) {
  return `schemaVersion: 1
id: collapsed-niches
title: New fans of two niches stopped finding them
difficulty: medium

briefing: |
  Since day 5, rated relevance for new users is down. Long-time users look fine. How do you debug it?

world:
  seed: 4242
  users: 3000
  items: 6000
  days: 8

timeline:
  - { day: 5, component: image-encoder, text: "image encoder v7 rolled out" }
  - { day: 4, component: ranker, text: "weekly ranker retrain" }

faults:
  - kind: embedding-collapse
    onsetDay: 5
    params: { aesthetics: [cottagecore, goblincore], strength: ${strength} }

claims:
  - { says: "new users' relevance is down", metric: relevance, filter: { tenure: [new] }, compare: [1:4, 5:8], change: ${change}, within: 3% }

debrief: |
  The new image encoder collapsed the embeddings of two aesthetics, so visual neighbours stopped meaning anything for their fans.
`;
}

/** Records the graded attempt on screen as an example named `name`; its score. */
async function record(page, name) {
  await page.getByTestId('score').waitFor({ timeout: 90_000 });
  const score = Number(await page.getByTestId('score').innerText());
  if (process.env.E2E_SHOTS) await page.getByTestId('debrief').screenshot({ path: path.join(process.env.E2E_SHOTS, `studio-debrief-${score}.png`) });
  await page.getByTestId('example-name').fill(name);
  await page.getByTestId('record-example-button').click();
  await page.getByTestId('recorded').waitFor({ timeout: 10_000 });
  return score;
}
