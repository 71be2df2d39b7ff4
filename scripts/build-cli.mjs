// Bundles the CLI (src/cli/main.ts and everything it imports) into one ES module,
// build/cli/faultline.mjs, so `faultline` starts without compiling TypeScript. Runs at
// `npm ci` / `npm install` (the `prepare` script) and on `npm run build:cli`.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
await build({
  absWorkingDir: root,
  // The CLI, and the worker threads it serves each day's shards on (found beside it).
  entryPoints: { faultline: 'src/cli/main.ts', shardWorker: 'src/cli/shardWorker.ts' },
  outdir: 'build/cli',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Dependencies stay in node_modules (loaded as they are); only our sources are bundled.
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
});
