// Browser tests: build the app, serve dist/, drive Chromium (playwright-core) through every
// test exported by tests/e2e/*.e2e.mjs, and end with one line "N passed, N failed".
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { promisify } from 'node:util';
import { serveStatic } from './serve.mjs';
import { E2E_WORLD } from './helpers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const TEST_TIMEOUT_MS = 120_000;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const run = promisify(execFile);
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** E2E_ONLY=text runs only the tests whose file or name contains it (a quicker local loop). */
async function loadTests() {
  const only = process.env.E2E_ONLY;
  const files = (await readdir(here)).filter((f) => f.endsWith('.e2e.mjs')).sort();
  const tests = [];
  for (const file of files) {
    const mod = await import(pathToFileURL(path.join(here, file)).href);
    for (const t of mod.tests ?? []) if (!only || file.includes(only) || t.name.includes(only)) tests.push({ ...t, file });
  }
  return tests;
}

async function buildApp() {
  const { build } = await import('vite');
  await build({ root, logLevel: 'warn' });
}

/** The digest Node computes for the e2e world: the browser must show the same one. */
async function nodeDigest() {
  const { seed, users, items, days } = E2E_WORLD;
  const { stdout } = await run(
    process.execPath,
    ['bin/faultline.js', 'digest', '--seed', seed, '--users', users, '--items', items, '--days', days, '--quiet', '--no-cache'].map(String),
    { cwd: root },
  );
  const digest = stdout.trim().split('\n').pop();
  if (!/^[0-9a-f]{16}$/.test(digest)) throw new Error(`unexpected digest output: ${stdout}`);
  return digest;
}

function withTimeout(promise, ms, name) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${name} timed out after ${seconds(ms)}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function main() {
  // The CLI runs the tests start keep their worlds in a cache of this run's own, removed at the
  // end — never in the user's ~/.cache, never one an earlier run made.
  const cache = await mkdtemp(path.join(tmpdir(), 'faultline-e2e-worlds-'));
  process.env.FAULTLINE_CACHE_DIR = cache;
  const tests = await loadTests();
  let passed = 0;
  let failed = 0;
  let server;
  let browser;
  try {
    const started = Date.now();
    const [expectedDigest] = await Promise.all([nodeDigest(), buildApp()]);
    console.log(`built the app and computed the Node digest (${expectedDigest}) in ${seconds(Date.now() - started)}`);
    server = await serveStatic(path.join(root, 'dist'));
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
    const ctx = { browser, baseUrl: server.url, expectedDigest, root };
    for (const t of tests) {
      const t0 = Date.now();
      try {
        await withTimeout(t.run(ctx), t.timeout ?? TEST_TIMEOUT_MS, t.name);
        passed++;
        console.log(`  ✓ ${t.name} (${seconds(Date.now() - t0)})`);
      } catch (error) {
        failed++;
        console.log(`  ✗ ${t.name} (${seconds(Date.now() - t0)})\n      ${String(error?.stack ?? error).split('\n').join('\n      ')}`);
      }
    }
  } catch (error) {
    console.log(`e2e setup failed: ${error?.stack ?? error}`);
    failed = Math.max(1, tests.length - passed);
  } finally {
    await browser?.close().catch(() => {});
    await server?.close();
    await rm(cache, { recursive: true, force: true });
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

await main();
