#!/usr/bin/env node
// Runs the TypeScript CLI directly (tsx compiles it on the fly), so `npx faultline …` works
// right after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
