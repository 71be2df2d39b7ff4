// Limits a scenario file must stay within, so that no file — however written — can hang or
// exhaust the browser tab or the CLI that loads it. World sizes come from src/sim/config.ts.

/** Largest scenario file accepted, in bytes (checked before parsing). */
export const MAX_FILE_BYTES = 256 * 1024;

const kib = (bytes: number) => `${Math.ceil(bytes / 1024)} KiB`;
/** `kind`: what the file is, plural ("scenario files", "transcripts"). */
export const tooLargeMessage = (bytes: number, kind = 'scenario files') =>
  `the file is ${kib(bytes)}; ${kind} are limited to ${kib(MAX_FILE_BYTES)}`;

/** Deepest nesting of lists and mappings a file may have. */
export const MAX_DEPTH = 64;

/** Largest number of YAML alias expansions (`*name`), so an "alias bomb" fails fast. */
export const MAX_ALIAS_COUNT = 50;

/** Keys refused anywhere in a file: they name JavaScript object internals. */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/** Longest texts, in characters. */
export const TEXT_LIMITS = {
  title: 120,
  line: 500,
  markdown: 20_000,
} as const;

/** Longest lists, in entries. */
export const LIST_LIMITS = {
  timeline: 50,
  faults: 5,
  distractors: 5,
  findings: 30,
  hints: 10,
  examples: 20,
  claims: 30,
  actions: 500,
} as const;
