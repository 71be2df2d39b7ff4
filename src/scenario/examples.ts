// Examples: transcripts with the score range they must get — the scenario's own tests. A
// transcript is a path to a JSON file (relative to the scenario file) or written inline.
import { z } from 'zod';
import { transcriptSchema } from './transcript.ts';
import { whenMapping } from './guards.ts';

const transcriptPath = z
  .string()
  .regex(/^(?!\/)(?![a-zA-Z]:)(?![a-z]+:\/\/)[^\\]*\.json$/, {
    error: 'must be a relative path to a .json transcript (forward slashes), or an inline transcript',
  })
  .describe('Path of a transcript JSON file, relative to the scenario file');

const score = (d: string) => z.number().min(0).max(100).describe(d);

export const exampleSchema = z
  .object({
    name: z.string().min(1).max(120).describe('What the example shows, e.g. "the expert path"'),
    transcript: z.union([transcriptPath, transcriptSchema]).describe('The transcript: a file path or inline'),
    expect: z
      .object({ min: score('Lowest acceptable score (0–100)'), max: score('Highest acceptable score (0–100)') })
      .strict()
      .superRefine((e, ctx) => {
        if (typeof e.min === 'number' && typeof e.max === 'number' && e.min > e.max) {
          ctx.addIssue({ code: 'custom', path: ['min'], message: `must not be above max (${e.max})` });
        }
      }, whenMapping)
      .describe('The score range the transcript must get'),
  })
  .strict()
  .describe('A transcript and the score range it must get');
