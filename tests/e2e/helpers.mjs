// Shared pieces of the browser tests: the small world they use and a page that records errors.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/** A world small enough to generate in a couple of seconds. */
export const E2E_WORLD = { seed: 7, users: 3000, items: 6000, days: 6 };

/** The healthy world's overview (?view=world) for a small world. */
export const worldQuery = (world = E2E_WORLD) =>
  '?' + new URLSearchParams([['view', 'world'], ...Object.entries(world).map(([k, v]) => [k, String(v)])]).toString();

export const CHART_LINE = '[data-testid="chart"] path.series-line';

/** The flagship scenario, at the world size its browser tests (and the CLI beside them) use. */
export const FLAGSHIP = 'cold-start-niche-aesthetics';
export const FLAGSHIP_SIZES = { users: 2000, items: 4000 };
export const sizeQuery = `users=${FLAGSHIP_SIZES.users}&items=${FLAGSHIP_SIZES.items}`;
export const flagshipQuery = (seed = 20260415, mode = 'practice') => `?scenario=${FLAGSHIP}&seed=${seed}&mode=${mode}&${sizeQuery}`;
/** `faultline … --users N --items N` at the same size. */
export const flagshipSizeArgs = ['--users', String(FLAGSHIP_SIZES.users), '--items', String(FLAGSHIP_SIZES.items)];

/**
 * Opens the app in a fresh context; console errors, page errors and failed requests are
 * collected in `errors`. Call `close()` when done. `localStorage`: entries set before the app
 * first loads (e.g. a saved attempt), not again on a reload.
 */
export async function openApp(ctx, { query = worldQuery(), viewport = { width: 1280, height: 800 }, localStorage = {} } = {}) {
  const context = await ctx.browser.newContext({ viewport, deviceScaleFactor: 1 });
  if (Object.keys(localStorage).length) {
    // Once per tab: a reload must find what the app saved, not the seeded entries again.
    await context.addInitScript((entries) => {
      if (globalThis.sessionStorage.getItem('e2e-seeded')) return;
      globalThis.sessionStorage.setItem('e2e-seeded', '1');
      for (const [k, v] of Object.entries(entries)) globalThis.localStorage.setItem(k, v);
    }, localStorage);
  }
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('requestfailed', (req) => {
    // A worker closed while its script loads is work the app cancelled (the studio's checks of an
    // edit overtaken by the next one, a page left or reloaded), not a failure.
    if (/\.worker-[\w-]+\.js$/.test(new URL(req.url()).pathname) && req.failure()?.errorText === 'net::ERR_ABORTED') return;
    errors.push(`request failed: ${req.url()} ${req.failure()?.errorText ?? ''}`);
  });
  await page.goto(new URL(query, ctx.baseUrl).href, { waitUntil: 'domcontentloaded' });
  return { page, errors, close: () => context.close() };
}

/** Waits until the chart has drawn at least one series line with a real path. */
export async function waitForChart(page, timeout = 60_000) {
  await page.locator(CHART_LINE).first().waitFor({ state: 'attached', timeout });
  const d = await page.locator(CHART_LINE).first().getAttribute('d');
  assert.ok(d && d.startsWith('M') && d.includes('L'), `series path looks empty: ${d}`);
}

/** Runs `body(page)` on the app opened as `openApp` does, then asserts the page logged no errors; always closes it. */
export async function withApp(ctx, options, body) {
  const { page, errors, close } = await openApp(ctx, options);
  try {
    await body(page);
    assertNoErrors(errors);
  } finally {
    await close();
  }
}

/** Waits until no chart is dimmed as loading. */
export async function waitForIdle(page) {
  await page.waitForFunction(() => !globalThis.document.querySelector('.chart-frame.is-loading'));
}

/** Groups the explorer by tenure and waits until its bars (`group`'s among them) are drawn and settled. */
export async function groupByTenure(page, group = 'core') {
  await page.getByTestId('group-select').selectOption('tenure');
  await page.locator(`[data-testid="breakdown-bar"][data-group="${group}"]`).waitFor({ timeout: 20_000 });
  await waitForIdle(page);
}

/** Opens the diagnosis form, chooses what is given (`segment`: dimension → value) and submits it. */
export async function submitDiagnosis(page, { stage, component, cause, segment }) {
  await page.getByTestId('open-diagnosis').click();
  await page.getByTestId('diagnosis-form').waitFor();
  if (stage) await page.getByTestId('diagnosis-stage').selectOption(stage);
  if (component) await page.getByTestId('diagnosis-component').selectOption(component);
  await page.getByTestId('diagnosis-cause').selectOption(cause);
  for (const [dimension, value] of Object.entries(segment ?? {})) {
    await page.getByTestId('segment-dimension').selectOption(dimension);
    await chooseValue(page, 'segment-value', value);
  }
  await page.getByTestId('diagnosis-submit').click();
}

export function assertNoErrors(errors) {
  assert.deepEqual(errors, [], `the page logged errors:\n${errors.join('\n')}`);
}

/**
 * Tabs through the whole page from the top: every visible, enabled control must take the focus
 * (a radio group counts once, as Tab enters it at its checked radio) and show a focus ring — an
 * outline, or for an SVG row the stroke drawn on the bar behind it. `atLeast`: a floor on how
 * many controls the page has, so an empty page cannot pass.
 */
export async function assertTabReachesEveryControl(page, atLeast) {
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  const controls = await page.evaluate(() => {
    const all = globalThis.document.querySelectorAll(
      'button:not([disabled]), select:not([disabled]), textarea:not([disabled]), input:not([disabled]):not([type="hidden"]), a[href], [tabindex="0"]',
    );
    const shown = [...all].filter((el) => el.getClientRects().length > 0);
    shown.forEach((el, i) => el.setAttribute('data-kb', el.type === 'radio' ? `radio:${el.name}` : String(i)));
    return new Set(shown.map((el) => el.getAttribute('data-kb'))).size;
  });
  assert.ok(controls >= atLeast, `the page has its controls (${controls})`);
  const reached = new Set();
  for (let i = 0; i < controls + 5; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = globalThis.document.activeElement;
      if (!el || el === globalThis.document.body) return null;
      const style = (e) => globalThis.getComputedStyle(e);
      const behind = el instanceof globalThis.SVGElement ? (el.querySelector('.breakdown-hit') ?? el) : null;
      const ring = behind
        ? style(behind).strokeWidth !== '0px' && style(behind).stroke !== 'none'
        : style(el).outlineStyle !== 'none' && style(el).outlineWidth !== '0px';
      return { kb: el.getAttribute('data-kb'), ring, what: el.outerHTML.slice(0, 80) };
    });
    if (!focused) continue;
    assert.ok(focused.ring, `visible focus on ${focused.what}`);
    if (focused.kb !== null) reached.add(focused.kb);
  }
  const missed = await page.evaluate(
    (seen) => [...globalThis.document.querySelectorAll('[data-kb]')].filter((el) => !seen.includes(el.getAttribute('data-kb'))).map((el) => el.outerHTML.slice(0, 80)),
    [...reached],
  );
  assert.deepEqual(missed, [], 'every control is reached with Tab');
}

/** Picks `value` in a ChoiceList (a select-only combobox): open it, click the option. */
export async function chooseValue(page, testId, value) {
  await page.getByTestId(testId).click();
  await page.getByRole('listbox').getByRole('option', { name: value, exact: true }).click();
}

let axeSource = null;

/** axe-core over the page as it is: no serious or critical violation (the rule and the first elements named when there is one). */
export async function assertAccessible(page, where) {
  axeSource ??= await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through the debugging protocol: the app's Content-Security-Policy rightly refuses injected scripts.
  if (!(await page.evaluate(() => Boolean(globalThis.axe)))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const { violations } = await globalThis.axe.run(globalThis.document, { resultTypes: ['violations'] });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(violations, [], `axe on ${where}`);
}

/** The page does not scroll sideways: nothing is wider than the window. */
export async function assertNoHorizontalScroll(page, where) {
  const [scroll, width] = await page.evaluate(() => [globalThis.document.documentElement.scrollWidth, globalThis.innerWidth]);
  assert.ok(scroll <= width, `${where}: the page is ${scroll} px wide in a ${width} px window`);
}
