// A window of days, written [first, last] (inclusive), as the metric explorer and transcripts use it.
import { z } from 'zod';
import { SIZE_LIMITS } from '../sim/config.ts';

const day = z.number().int().min(1).max(SIZE_LIMITS.days.max).describe('A day (1 … world.days)');

export const windowSchema = (description: string) =>
  z
    .tuple([day, day])
    .refine((w) => !Array.isArray(w) || w[0] <= w[1], { error: 'the first day must not come after the last' })
    .describe(`${description}: [first, last] day, inclusive`);
