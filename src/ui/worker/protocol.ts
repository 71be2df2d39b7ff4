// The messages between the app and the world worker. The world lives only in the worker; the
// main thread sends a config once, then queries, and gets plain (structured-cloneable) answers.
import type { WorldConfig } from '../../sim/config.ts';
import type { QueryResult } from '../../sim/query/query.ts';
import type { QuerySpec } from '../../sim/query/spec.ts';

/** Main thread → worker. */
export type WorldRequest =
  | { type: 'generate'; config: Partial<WorldConfig> }
  | { type: 'query'; id: number; spec: QuerySpec };

/** Worker → main thread. */
export type WorldMessage =
  | { type: 'progress'; fraction: number; label: string }
  | { type: 'ready'; digest: string; days: number; impressions: number }
  | { type: 'failed'; message: string }
  | { type: 'result'; id: number; result: QueryResult }
  | { type: 'error'; id: number; message: string };
