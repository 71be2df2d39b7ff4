// Faults and distractors as a scenario writes them: one schema per kind, discriminated by `kind`,
// whose `params` are the catalogue's own schemas (src/sim/faults/catalog.ts) — the single source
// of truth for what each kind accepts, its defaults and its ranges.
import { z } from 'zod';
import { DISTRACTORS, FAULTS, type KindInfo } from '../sim/faults/catalog.ts';
import { DISTRACTOR_KINDS, FAULT_KINDS } from '../sim/vocabulary.ts';
import { unknownIdMessage } from './ids.ts';
import { isRecord } from './guards.ts';

/** Longest ramp, in days (the simulator's own limit). */
export const MAX_RAMP_DAYS = 30;

function changeSchema(kind: string, info: KindInfo, noun: string) {
  return z
    .object({
      kind: z.literal(kind).describe(`${info.summary} (${info.stage} / ${info.component})`),
      onsetDay: z.number().int().min(1).describe(`The first day the ${noun} is in effect (1 … world.days)`),
      rampDays: z
        .number()
        .int()
        .min(0)
        .max(MAX_RAMP_DAYS)
        .optional()
        .describe(`Days over which it ramps up to full strength (0, the default: all at once; at most ${MAX_RAMP_DAYS})`),
      params: info.params.optional().describe(`Parameters of ${kind}; every one has a default`),
    })
    .strict()
    .describe(info.summary);
}

/** A union on `kind` whose error for an unknown kind says which kinds exist and the closest one. */
function kindUnion<K extends string>(noun: string, kinds: readonly K[], catalogue: Record<K, KindInfo>, description: string) {
  const options = kinds.map((k) => changeSchema(k, catalogue[k], noun));
  return z
    .discriminatedUnion('kind', options as unknown as [(typeof options)[number], ...(typeof options)[number][]], {
      error: (iss) => {
        if (iss.code !== 'invalid_union' || !('note' in iss) || iss.note !== 'No matching discriminator') return undefined;
        const kind = isRecord(iss.input) ? iss.input.kind : undefined;
        return kind === undefined ? `is required: one of ${kinds.join(', ')}` : unknownIdMessage(`${noun} kind`, kind, kinds);
      },
    })
    .describe(description);
}

export const faultSchema = kindUnion(
  'fault',
  FAULT_KINDS,
  FAULTS,
  'A fault injected into one component; the seed resolves any `{pick, from}` variant',
);
export const distractorSchema = kindUnion(
  'distractor',
  DISTRACTOR_KINDS,
  DISTRACTORS,
  'A real change that is not the fault: a false lead for a careless learner',
);
