// Shared pieces of the browser tests: the small world they use and a page that records errors.
import assert from 'node:assert/strict';

/** A world small enough to generate in a couple of seconds. */
export const E2E_WORLD = { seed: 7, users: 3000, items: 6000, days: 6 };

/** The healthy world's overview (?view=world) for a small world. */
export const worldQuery = (world = E2E_WORLD) =>
  '?' + new URLSearchParams([['view', 'world'], ...Object.entries(world).map(([k, v]) => [k, String(v)])]).toString();

export const CHART_LINE = '[data-testid="chart"] path.series-line';

/**
 * Opens the app in a fresh context; console errors, page errors and failed requests are
 * collected in `errors`. Call `close()` when done. `localStorage`: entries set before the app
 * loads (e.g. a saved attempt).
 */
export async function openApp(ctx, { query = worldQuery(), viewport = { width: 1280, height: 800 }, localStorage = {} } = {}) {
  const context = await ctx.browser.newContext({ viewport, deviceScaleFactor: 1 });
  if (Object.keys(localStorage).length) {
    await context.addInitScript((entries) => {
      for (const [k, v] of Object.entries(entries)) globalThis.localStorage.setItem(k, v);
    }, localStorage);
  }
  const page = await context.newPage();
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('requestfailed', (req) => errors.push(`request failed: ${req.url()} ${req.failure()?.errorText ?? ''}`));
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

export function assertNoErrors(errors) {
  assert.deepEqual(errors, [], `the page logged errors:\n${errors.join('\n')}`);
}
