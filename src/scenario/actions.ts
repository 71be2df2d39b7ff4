// The learner's moves (docs/transcripts.md) as a transcript records them, one schema per action `type`.
// The engine gives them meaning; this is their written shape, shared by transcripts in
// scenario examples and by the engine's own transcript files.
import { z } from 'zod';
import { componentId, dimensionId, featureId, metricId, unknownIdMessage, viewId } from './ids.ts';
import { segmentSchema } from './segment.ts';
import { windowSchema } from './window.ts';
import { diagnosisSchema } from './diagnosis.ts';
import { isRecord } from './guards.ts';
import { TEXT_LIMITS } from './limits.ts';

export const ACTION_TYPES = ['query', 'inspect', 'contrast', 'changelog', 'note', 'hint', 'submit'] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

/** No attempt lasts ten days: a larger stamp is not a time (and would print as Infinity:NaN). */
export const MAX_AT_SECONDS = 10 * 24 * 3600;
const at = z.number().min(0).max(MAX_AT_SECONDS).describe('Seconds since the attempt started');
const type = <T extends ActionType>(t: T, d: string) => z.literal(t).describe(d);
const filter = segmentSchema('Only rows in this segment: dimension → values');

/** A union on `type` whose error for an unknown type lists the valid ones. */
export function typeUnion<const O extends readonly [z.ZodObject, ...z.ZodObject[]]>(types: readonly string[], options: O, description: string) {
  return z
    .discriminatedUnion('type', options as unknown as [O[number], ...O[number][]], {
      error: (iss) => {
        if (iss.code !== 'invalid_union' || !('note' in iss) || iss.note !== 'No matching discriminator') return undefined;
        const t = isRecord(iss.input) ? iss.input.type : undefined;
        return t === undefined ? `is required: one of ${types.join(', ')}` : unknownIdMessage('action type', t, types);
      },
    })
    .describe(description);
}

export const actionSchema = typeUnion(
  ACTION_TYPES,
  [
    z
      .object({
        at,
        type: type('query', 'A metric, optionally grouped and filtered, over a window'),
        metric: metricId('The metric'),
        groupBy: dimensionId('Grouped by this dimension').nullable().optional(),
        filter: filter.optional(),
        window: windowSchema('Days shown').optional(),
        byDay: z.boolean().optional().describe('One value per day'),
      })
      .strict(),
    z
      .object({
        at,
        type: type('inspect', 'A stage inspector view of one component'),
        view: viewId('The inspector view'),
        component: componentId('The component inspected').optional(),
        window: windowSchema('Days shown').optional(),
        filter: filter.optional(),
        feature: featureId('feature_distribution: which ranker feature').optional(),
      })
      .strict(),
    z
      .object({
        at,
        type: type('contrast', 'A selection against a baseline, every dimension ranked by how differently it is distributed'),
        metric: metricId('The metric whose rows are contrasted').optional(),
        selection: z
          .object({ window: windowSchema('Selected days').optional(), filter: filter.optional() })
          .strict()
          .describe('The rows selected'),
        baseline: z
          .object({ window: windowSchema('Baseline days').optional(), filter: filter.optional() })
          .strict()
          .optional()
          .describe('The rows compared against (default: everything else)'),
      })
      .strict(),
    z.object({ at, type: type('changelog', 'The changelog was opened') }).strict(),
    z
      .object({
        at,
        type: type('note', 'A hypothesis in the learner’s words'),
        text: z.string().min(1).max(TEXT_LIMITS.markdown).describe('The note'),
      })
      .strict(),
    z.object({ at, type: type('hint', 'A hint was taken') }).strict(),
    z.object({ at, type: type('submit', 'The diagnosis was submitted'), diagnosis: diagnosisSchema }).strict(),
  ],
  'One move of the learner',
);

export type Action = z.output<typeof actionSchema>;
/** A submitted diagnosis, as a transcript holds it. */
export type Diagnosis = Extract<Action, { type: 'submit' }>['diagnosis'];
