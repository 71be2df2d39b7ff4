// What the app's first screen downloads: the scripts index.html loads and preloads, gzipped
// (what a server sends). Shared by the browser suite (which holds it to its budget) and the bench.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** First-load JS of a built app (the folder `vite build` wrote), in gzip bytes per file. */
export async function firstLoadJs(distDir) {
  const html = await readFile(path.join(distDir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1]);
  const files = [];
  for (const ref of new Set(refs)) {
    const bytes = await readFile(path.join(distDir, ref));
    files.push({ file: ref.replace(/^\.\//, ''), gzipBytes: gzipSync(bytes, { level: 9 }).length });
  }
  return { files, totalGzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0) };
}

/** The budget the first screen's scripts are held to. */
export const FIRST_LOAD_BUDGET_BYTES = 150 * 1024;
