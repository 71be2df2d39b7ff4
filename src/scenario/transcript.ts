// A transcript (docs/transcripts.md): the versioned record of one attempt, as JSON in a file or inline in
// a scenario's `examples`.
import { z } from 'zod';
import { actionSchema } from './actions.ts';
import { kebabId } from './ids.ts';
import { LIST_LIMITS } from './limits.ts';

export const TRANSCRIPT_FORMAT = 'faultline-transcript';
export const TRANSCRIPT_VERSION = 1;

export const transcriptSchema = z
  .object({
    format: z.literal(TRANSCRIPT_FORMAT).describe(`Always "${TRANSCRIPT_FORMAT}"`),
    version: z.literal(TRANSCRIPT_VERSION).describe('Transcript format version'),
    scenario: kebabId('Id of the scenario attempted').optional(),
    seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional().describe('Seed of the world (default: the scenario’s)'),
    mode: z.enum(['practice', 'interview']).optional().describe('practice (hints allowed) or interview (timed)'),
    actions: z.array(actionSchema).max(LIST_LIMITS.actions).describe('The moves, in order'),
  })
  .strict()
  .describe('A recorded attempt');

export type Transcript = z.output<typeof transcriptSchema>;
