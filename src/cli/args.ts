// Parsing of the flags shared by commands: world size and seed, filters, day windows.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './errors.ts';
import { DEFAULT_SIZES, type WorldConfig } from '../sim/config.ts';
import { parseChanges } from './changes.ts';
import { readDays } from '../scenario/window.ts';
import type { DistractorSpec, FaultSpec } from '../sim/faults/specs.ts';
import type { DistractorKind, FaultKind } from '../sim/vocabulary.ts';

export const WORLD_OPTIONS = {
  seed: { type: 'string' },
  users: { type: 'string' },
  items: { type: 'string' },
  days: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  'no-cache': { type: 'boolean' },
  fault: { type: 'string', multiple: true },
  distractor: { type: 'string', multiple: true },
} as const satisfies ParseArgsConfig['options'];

export function parse<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ''));
  }
}

export function integerFlag(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number, got "${value}"`);
  return Number(value);
}

export function worldFlags(values: Record<string, unknown>): Partial<WorldConfig> {
  const out: Partial<WorldConfig> = {};
  for (const key of ['seed', 'users', 'items', 'days'] as const) {
    const v = integerFlag(key, values[key] as string | undefined);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** `--filter dim=v1,v2` (repeatable) → { dim: [v1, v2] }. */
export function parseFilters(filters: string[] | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const f of filters ?? []) {
    const m = /^([a-z_]+)=(.+)$/.exec(f);
    if (!m) throw new UsageError(`--filter must look like dimension=value1,value2, got "${f}"`);
    out[m[1]] = [...(out[m[1]] ?? []), ...m[2].split(',').map((v) => v.trim()).filter(Boolean)];
  }
  return out;
}

/** `A:B` → [A, B]; a single day `A` → [A, A]. */
export function parseWindow(value: string | undefined): [number, number] | undefined {
  if (value === undefined) return undefined;
  const days = readDays(value);
  if (!days) throw new UsageError(`--window must look like A:B (days, inclusive), got "${value}"`);
  return days;
}

/** `--fault` / `--distractor` flags as simulation options (onset defaults to mid-window). */
export function changeFlags(values: { fault?: string[]; distractor?: string[]; days?: string }): {
  faults: FaultSpec[];
  distractors: DistractorSpec[];
} {
  const days = integerFlag('days', values.days) ?? DEFAULT_SIZES.days;
  return {
    faults: parseChanges<FaultKind>('fault', values.fault, days),
    distractors: parseChanges<DistractorKind>('distractor', values.distractor, days),
  };
}
