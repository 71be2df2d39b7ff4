// The library: every built-in scenario as a card; opening a scenario file by picker or by
// drag-and-drop shows a broken file's errors with file:line:col, adds a valid one, and a
// briefing's raw HTML renders as text.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { assertTabReachesEveryControl, sizeQuery, withApp } from './helpers.mjs';

const BROKEN = `schemaVersion: 1
id: broken-example
title: A broken scenario
difficulty: impossible
briefing: |
  Something is off.
world: { seed: 1, days: 14 }
faults:
  - kind: encoder-mislabel
    onsetDay: 8
    params: { rate: 7 }
`;

// The loader refuses raw HTML and script links outright (see RAW_HTML, SCRIPT_LINK); what gets past
// it — HTML spelled with entities — must still render as inert text.
const HOSTILE = `schemaVersion: 1
id: hostile-briefing
title: A briefing that tries to sneak HTML in
difficulty: intro
briefing: |
  Relevance fell. &lt;img src=x onerror="window.__pwned = true"&gt; **How do you debug it?**
  [a link](https://example.com/runbook)
world: { seed: 5, days: 6, users: 600, items: 1200 }
faults: []
`;

const RAW_HTML = HOSTILE.replace('&lt;img', '<img').replace('&gt;', '>');
/** A script link written with an entity for its colon: refused like any other. */
const SCRIPT_LINK = HOSTILE.replace('https://example.com/runbook', 'javascript&#58;window.__pwned=true');

/** Built-in scenario files and the id each declares. */
async function builtInIds(root) {
  const dir = path.join(root, 'scenarios');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.yaml')).sort();
  return Promise.all(files.map(async (f) => /^id:\s*(\S+)/m.exec(await readFile(path.join(dir, f), 'utf8'))?.[1] ?? f));
}

async function dropFile(page, name, text) {
  await page.evaluate(
    ([fileName, content]) => {
      const transfer = new globalThis.DataTransfer();
      transfer.items.add(new globalThis.File([content], fileName, { type: 'application/yaml' }));
      const zone = globalThis.document.querySelector('[data-testid="drop-zone"]');
      zone.dispatchEvent(new globalThis.DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new globalThis.DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    [name, text],
  );
}

const TRANSCRIPT = {
  format: 'faultline-transcript',
  version: 1,
  scenario: 'cold-start-niche-aesthetics',
  seed: 20260415,
  mode: 'practice',
  actions: [
    { at: 5, type: 'query', metric: 'relevance', groupBy: 'tenure', window: [1, 14], byDay: true },
    { at: 40, type: 'inspect', view: 'confusion_matrix', component: 'image-encoder', window: [1, 14] },
    { at: 90, type: 'submit', diagnosis: { stage: 'ingestion', component: 'image-encoder', cause: 'encoder-mislabel', segment: { tenure: ['new'] } } },
  ],
};

export const tests = [
  {
    name: 'library: every built-in scenario is a card with title, difficulty, briefing line and start buttons',
    async run(ctx) {
      await withApp(ctx, { query: '' }, async (page) => {
        await page.getByTestId('library').waitFor({ timeout: 20_000 });
        const ids = await builtInIds(ctx.root);
        const cards = page.getByTestId('scenario-card');
        const shown = await page.locator('[data-testid="library"] > *').count();
        assert.equal(shown, ids.length, 'one entry per scenarios/*.yaml file');
        const flagship = page.locator('[data-scenario="cold-start-niche-aesthetics"]');
        assert.match(await flagship.locator('h2').textContent(), /New-user relevance dropped 11%/);
        assert.equal((await flagship.getByTestId('difficulty').textContent()).trim(), 'medium');
        const line = await flagship.getByTestId('briefing-line').textContent();
        assert.match(line, /^Monday morning/);
        assert.ok(!line.includes('**'), 'the briefing line is plain text, not markdown');
        assert.match(await flagship.getByTestId('attempts').textContent(), /none yet/);
        assert.ok(await flagship.getByTestId('start-practice').isVisible());
        assert.ok(await flagship.getByTestId('start-interview').isVisible());
        assert.ok((await cards.count()) >= 1);
      });
    },
  },
  {
    name: 'library: every control (the open-file button, each card’s seed choice and start buttons) is reached with Tab and shows a visible focus',
    async run(ctx) {
      await withApp(ctx, { query: '' }, async (page) => {
        await page.getByTestId('library').waitFor({ timeout: 20_000 });
        await assertTabReachesEveryControl(page, 20);
      });
    },
  },
  {
    name: 'library: a broken scenario file, opened or dropped, shows file:line:col errors and is not added',
    async run(ctx) {
      await withApp(ctx, { query: '' }, async (page) => {
        await page.getByTestId('library').waitFor({ timeout: 20_000 });
        await page.getByTestId('file-input').setInputFiles({ name: 'broken.yaml', mimeType: 'application/yaml', buffer: Buffer.from(BROKEN) });
        const panel = page.getByTestId('scenario-errors');
        await panel.waitFor({ timeout: 10_000 });
        const lines = await page.getByTestId('scenario-error').allTextContents();
        assert.ok(lines.some((l) => /broken\.yaml:4:\d+: difficulty: /.test(l)), `difficulty error on line 4:\n${lines.join('\n')}`);
        assert.ok(lines.some((l) => /broken\.yaml:11:\d+: faults\[0\]\.params\.rate: /.test(l)), `rate error on line 11:\n${lines.join('\n')}`);
        assert.equal(await page.getByTestId('opened-library').count(), 0, 'nothing was added');

        await page.getByRole('button', { name: 'Dismiss' }).click();
        await dropFile(page, 'dropped.yaml', 'schemaVersion: 1\nid: Not Kebab\n');
        await panel.waitFor({ timeout: 10_000 });
        const dropped = await page.getByTestId('scenario-error').allTextContents();
        assert.ok(dropped.some((l) => /^dropped\.yaml:2:\d+: id: /.test(l)), `id error on line 2:\n${dropped.join('\n')}`);
      });
    },
  },
  {
    name: 'library: a file with one stray line near the top shows 50 of its thousands of errors at once, with the count of the rest; the page stays responsive',
    async run(ctx) {
      const head = 'schemaVersion: 1\nid: flood\n  stray: [\ntitle: A test\ndifficulty: intro\nbriefing: Fell.\nworld: { seed: 1, days: 14 }\nfaults: []\n';
      const flood = head + Array.from({ length: 3000 }, (_, i) => `- item${i}: x`).join('\n');
      await withApp(ctx, { query: '' }, async (page) => {
        await page.getByTestId('library').waitFor({ timeout: 20_000 });
        const t0 = Date.now();
        await page.getByTestId('file-input').setInputFiles({ name: 'flood.yaml', mimeType: 'application/yaml', buffer: Buffer.from(flood) });
        await page.getByTestId('scenario-errors').waitFor({ timeout: 10_000 });
        const shownIn = Date.now() - t0;
        assert.equal(await page.getByTestId('scenario-error').count(), 51);
        assert.match(await page.getByTestId('scenario-errors').locator('h3').textContent(), /does not load: [\d,]+ errors \(the first 50 shown\)/);
        assert.match(await page.getByTestId('scenario-error').last().textContent(), /and [\d,]+ more errors not shown/);
        assert.ok(shownIn < 5_000, `shown in ${shownIn} ms`);
      });
    },
  },
  {
    name: 'the built app carries a Content-Security-Policy: scripts from its own origin only, no inline script, no eval',
    async run(ctx) {
      const html = await (await fetch(new URL('./', ctx.baseUrl))).text();
      const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1]?.replace(/&#39;/g, "'");
      assert.ok(policy, 'a CSP meta in index.html');
      const directives = Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
      assert.deepEqual(directives['script-src'], ["'self'"]);
      assert.deepEqual(directives['object-src'], ["'none'"]);
      assert.ok(!policy.includes('unsafe-eval'), policy);
    },
  },
  {
    name: 'library: raw HTML in a briefing is refused; a valid file joins the library, survives a reload, renders inertly',
    async run(ctx) {
      await withApp(ctx, { query: '' }, async (page) => {
        await page.getByTestId('library').waitFor({ timeout: 20_000 });
        await dropFile(page, 'raw.yaml', RAW_HTML);
        await page.getByTestId('scenario-errors').waitFor({ timeout: 10_000 });
        const refused = await page.getByTestId('scenario-error').allTextContents();
        assert.ok(refused.some((l) => /^raw\.yaml:6:\d+: briefing: raw HTML/.test(l)), refused.join('\n'));
        await page.getByRole('button', { name: 'Dismiss' }).click();
        await dropFile(page, 'link.yaml', SCRIPT_LINK);
        await page.getByTestId('scenario-errors').waitFor({ timeout: 10_000 });
        const link = await page.getByTestId('scenario-error').allTextContents();
        assert.ok(link.some((l) => /^link\.yaml:\d+:\d+: briefing: a "javascript:" link is not allowed/.test(l)), link.join('\n'));

        await dropFile(page, 'hostile.yaml', HOSTILE);
        await page.getByTestId('open-file-done').waitFor({ timeout: 10_000 });
        const card = page.locator('[data-testid="opened-library"] [data-scenario="hostile-briefing"]');
        await card.waitFor({ timeout: 10_000 });
        await page.reload({ waitUntil: 'domcontentloaded' });
        await card.waitFor({ timeout: 10_000 });
        assert.match(await card.getByTestId('briefing-line').textContent(), /<img src=x onerror=/);

        await card.getByTestId('start-practice').click();
        const briefing = page.getByTestId('briefing');
        await briefing.waitFor({ timeout: 10_000 });
        assert.match(page.url(), /[?&]scenario=hostile-briefing(&|$)/);
        assert.match(await briefing.textContent(), /<img src=x onerror=/, 'the tag is shown as text');
        assert.equal(await briefing.locator('img').count(), 0, 'no element was made from it');
        assert.equal(await briefing.locator('strong').count(), 1, 'markdown still renders');
        assert.deepEqual(await briefing.locator('a').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.getAttribute('rel')])), [['https://example.com/runbook', 'noopener noreferrer']]);
        assert.equal(await page.evaluate(() => globalThis.__pwned ?? false), false);
      });
    },
  },
  {
    name: 'library: a transcript file opens its attempt straight into the debrief; a broken one says what is wrong',
    timeout: 180_000,
    async run(ctx) {
      await withApp(ctx, { query: `?${sizeQuery}` }, async (page) => {
        await page.getByTestId('library').waitFor({ timeout: 20_000 });
        await dropFile(page, 'bad.json', JSON.stringify({ ...TRANSCRIPT, actions: [{ at: 1, type: 'peek' }] }));
        await page.getByTestId('transcript-errors').waitFor({ timeout: 10_000 });
        assert.match(await page.getByTestId('transcript-errors').textContent(), /bad\.json.*actions\[0\]/);
        // A hint in interview mode: the attempt's statechart would drop it, so the file is refused, not regraded differently.
        await dropFile(page, 'hinted.json', JSON.stringify({ ...TRANSCRIPT, mode: 'interview', actions: [{ at: 3, type: 'hint' }, ...TRANSCRIPT.actions] }));
        await page.getByText(/hinted\.json: actions\[0\] \(hint\): interview mode .* allows no hints/).waitFor({ timeout: 10_000 });

        await page.getByTestId('file-input').setInputFiles({ name: 'attempt.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(TRANSCRIPT)) });
        await page.getByTestId('workspace').waitFor({ timeout: 20_000 });
        assert.match(page.url(), /scenario=cold-start-niche-aesthetics&seed=20260415&mode=practice&users=2000&items=4000/);
        assert.equal(await page.getByTestId('trail-entry').count(), 3);
        await page.getByTestId('score').waitFor({ timeout: 150_000 });
        assert.equal(await page.locator('[data-testid="judged-moves"] li').count(), 3);
      });
    },
  },
];
