// Variant parameters: a value can be written as `{ pick: N, from: [...] }`, and the seed picks
// N of them — so a retry with a new seed is the same lesson without the same answer.
import { z } from 'zod';
import { randomInt, stream } from '../random.ts';

export interface Pick<T> {
  pick: number;
  from: T[];
}

/** A list of ids that may instead be a seeded pick from a list. */
export function choiceOf<T extends string>(ids: readonly [T, ...T[]], description: string) {
  const id = z.enum(ids);
  return z.union([
    z.array(id).min(1).describe(`${description} (a fixed list)`),
    z
      .object({
        pick: z.number().int().min(1).describe('How many to pick'),
        from: z.array(id).min(1).describe('Candidates the seed picks from'),
      })
      .strict()
      .refine((p) => p.pick <= p.from.length, { message: 'pick must not exceed the number of choices in from' })
      .describe(`${description} (the seed picks \`pick\` of \`from\`)`),
  ]);
}

/** A single id that may instead be a seeded pick of one. */
export function oneOf<T extends string>(ids: readonly [T, ...T[]], description: string) {
  const id = z.enum(ids);
  return z.union([
    id.describe(description),
    z
      .object({
        pick: z.literal(1).describe('Pick one'),
        from: z.array(id).min(1).describe('Candidates the seed picks from'),
      })
      .strict()
      .describe(`${description} (the seed picks one of \`from\`)`),
  ]);
}

/**
 * Resolves every `{pick, from}` in `params` with the named stream, keeping the order of `from`.
 * Keys in `lists` resolve to arrays, others to a single value.
 */
export function resolveChoices(
  params: Record<string, unknown>,
  seed: number,
  name: string,
  lists: ReadonlySet<string>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    if (isPick(value)) {
      const rng = stream(seed, `${name}/${key}`);
      const pool = [...value.from];
      const chosen: unknown[] = [];
      while (chosen.length < value.pick && pool.length) chosen.push(pool.splice(randomInt(rng, pool.length), 1)[0]);
      const ordered = value.from.filter((v) => chosen.includes(v));
      out[key] = lists.has(key) ? ordered : ordered[0];
    } else {
      out[key] = value;
    }
  }
  return out;
}

function isPick(v: unknown): v is Pick<unknown> {
  return typeof v === 'object' && v !== null && 'pick' in v && 'from' in v;
}

