// A window of days, written [first, last] (inclusive), as the metric explorer and transcripts use
// it — or as text, `8:14` (or one day, `6`), as claims and the CLI's --window write it.
import { z } from 'zod';
import { SIZE_LIMITS } from '../sim/config.ts';

const day = z.number().int().min(1).max(SIZE_LIMITS.days.max).describe('A day (1 … world.days)');

export const windowSchema = (description: string) =>
  z
    .tuple([day, day])
    .refine((w) => !Array.isArray(w) || w[0] <= w[1], { error: 'the first day must not come after the last' })
    .describe(`${description}: [first, last] day, inclusive`);

/** `8:14` → [8, 14], `6` → [6, 6]; null when the text is not days in that form (the range itself is the caller's to check). */
export function readDays(text: string): [number, number] | null {
  const m = /^\s*(\d+)\s*(?::\s*(\d+)\s*)?$/.exec(text);
  return m ? [Number(m[1]), Number(m[2] ?? m[1])] : null;
}
