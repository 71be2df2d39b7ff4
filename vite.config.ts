import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The app is a static site: no server is needed beyond what serves these files.
export default defineConfig({
  plugins: [react()],
  base: './',
  worker: { format: 'es' },
  test: {
    include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
