// Lint rules, including the architecture: src/sim → src/scenario → src/engine → src/ui | src/cli.
// The first three layers are pure TypeScript: no React, zustand, d3-selection, DOM or UI code,
// no unseeded randomness or wall-clock time.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const uiLibraries = ['react', 'react-dom', 'react-dom/*', 'react/*', 'zustand', 'zustand/*', 'd3-selection', 'd3'];
const layer = (forbiddenLayers) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: uiLibraries
        .filter((name) => !name.includes('*'))
        .map((name) => ({ name, message: 'The pure layers (sim, scenario, engine) must not import UI libraries.' })),
      patterns: [
        { group: uiLibraries.filter((n) => n.includes('*')), message: 'The pure layers must not import UI libraries.' },
        ...forbiddenLayers.map((l) => ({
          group: [`**/${l}/**`, `**/${l}`],
          message: `Imports flow sim → scenario → engine → ui/cli; this layer must not import ${l}.`,
        })),
      ],
    },
  ],
  'no-restricted-globals': [
    'error',
    ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'location', 'HTMLElement', 'fetch'].map(
      (name) => ({ name, message: 'The pure layers must not touch the DOM or the network.' }),
    ),
  ],
  'no-restricted-properties': [
    'error',
    { object: 'Math', property: 'random', message: 'Draw from a named seeded stream (src/sim/random.ts).' },
    { object: 'Date', property: 'now', message: 'The pure layers are a function of scenario and seed: no wall clock.' },
  ],
});

export default tseslint.config(
  { ignores: ['dist/', 'build/', 'node_modules/', 'scratchpad/', 'tests/e2e/screenshots/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      // An effect returns its clean-up or nothing: an expression body returns whatever the call
      // does (scrollIntoView may return a promise), which React then calls on unmount and crashes.
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name=/^use(Layout)?Effect$/] > ArrowFunctionExpression[body.type!='BlockStatement']",
          message: 'Give the effect a block body: it may return only its clean-up function.',
        },
      ],
    },
  },
  { files: ['src/sim/**/*.ts'], languageOptions: { globals: {} }, rules: layer(['scenario', 'engine', 'ui', 'cli']) },
  { files: ['src/scenario/**/*.ts'], languageOptions: { globals: {} }, rules: layer(['engine', 'ui', 'cli']) },
  { files: ['src/engine/**/*.ts'], languageOptions: { globals: {} }, rules: layer(['ui', 'cli']) },
  { files: ['src/cli/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/ui/**'], message: 'The CLI stands beside the UI, not on it.' }] }] } },
);
