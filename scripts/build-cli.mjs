// Bundles the CLI (src/cli/main.ts and everything it imports) into one ES module,
// build/cli/faultline.mjs, so `faultline` starts without compiling TypeScript. Runs at
// `npm ci` / `npm install` (the `prepare` script) and on `npm run build:cli`.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'build/cli/faultline.mjs',
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
