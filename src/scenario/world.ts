// The world a scenario runs in: seed and days, optional sizes and segment mix. Sizes stay within
// SIZE_LIMITS (src/sim/config.ts), so no file can ask for a world that exhausts a browser tab.
import { z } from 'zod';
import { DEFAULT_MIX, DEFAULT_SIZES, SIZE_LIMITS, type WorldSizes } from '../sim/config.ts';
import { describeValue } from './describeValue.ts';

function size(key: keyof WorldSizes, description: string) {
  const { min, max } = SIZE_LIMITS[key];
  const why = key === 'days' ? '' : ' (larger worlds do not fit in a browser tab)';
  return z
    .number()
    .int()
    .min(min, { error: (iss) => `must be at least ${min}, got ${describeValue(iss.input)}` })
    .max(max, { error: (iss) => `must be at most ${max}${why}, got ${describeValue(iss.input)}` })
    .describe(`${description} (${min}–${max})`);
}

const share = (description: string, max: number) => z.number().min(0).max(max).describe(description);

export const worldSchema = z
  .object({
    seed: z
      .number()
      .int()
      .min(0)
      .max(Number.MAX_SAFE_INTEGER)
      .describe('The seed the world is generated from; a retry may override it (same lesson, new variant)'),
    days: size('days', 'Days of logs the learner can look at'),
    users: size('users', `Users in the stable population (default ${DEFAULT_SIZES.users})`).optional(),
    items: size('items', `Pins in the catalogue (default ${DEFAULT_SIZES.items})`).optional(),
    mix: z
      .object({
        core: share(`Share of core users in the stable population (default ${DEFAULT_MIX.core})`, 1).optional(),
        casual: share(`Share of casual users in the stable population (default ${DEFAULT_MIX.casual})`, 1).optional(),
        newPerDay: share(`New sign-ups per day as a share of the stable population (default ${DEFAULT_MIX.newPerDay})`, 0.2).optional(),
      })
      .strict()
      .optional()
      .describe('Segment mix of the population; every share is optional'),
  })
  .strict()
  .superRefine((world, ctx) => {
    const mix = world.mix;
    if (mix && (mix.core ?? DEFAULT_MIX.core) + (mix.casual ?? DEFAULT_MIX.casual) <= 0) {
      ctx.addIssue({ code: 'custom', path: ['mix'], message: 'core and casual shares must not both be 0' });
    }
  })
  .describe('The simulated world: seed and days, optional sizes and segment mix');

export type WorldSection = z.output<typeof worldSchema>;
