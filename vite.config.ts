import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { builtInScenarios } from './scripts/builtInScenariosPlugin.ts';
import { contentSecurityPolicy } from './scripts/contentSecurityPolicy.ts';
import { codeVersion } from './src/cli/worldCache.ts';
import { HeavyFirst } from './tests/heavyFirst.ts';

// The app is a static site: no server is needed beyond what serves these files.
export default defineConfig({
  plugins: [react(), builtInScenarios(fileURLToPath(new URL('./scenarios/', import.meta.url))), contentSecurityPolicy()],
  base: './',
  // The version of the world-generating code: worlds kept in the browser are keyed by it, so a
  // new simulator never reads a world an older one made.
  define: { __SIM_CODE_VERSION__: JSON.stringify(codeVersion()) },
  worker: { format: 'es' },
  build: {
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: React and the scenario-file readers (YAML,
        // schema) get chunks of their own, cached across releases and loaded in parallel.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 20 },
            { name: 'scenario-format', test: /node_modules[\\/](yaml|zod)[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  test: {
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    globalSetup: ['tests/worldCache.setup.ts'],
    sequence: { sequencer: HeavyFirst },
    // Vitest leaves one core to itself by default; its main process idles while the test files
    // generate worlds, so on a 2-core machine one worker would leave half the machine unused.
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
