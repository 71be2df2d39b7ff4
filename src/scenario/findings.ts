// Findings: evidence an author names, each revealed by a kind of learner action. A matcher lists
// what the action must have; fields left out match anything.
import { z } from 'zod';
import { componentId, dimensionId, featureId, kebabId, metricId, viewId } from './ids.ts';
import { segmentSchema } from './segment.ts';
import { windowSchema } from './window.ts';
import { typeUnion } from './actions.ts';
import { markdown } from './text.ts';

const filter = segmentSchema(
  'The action filters on each of these dimensions, keeping at least one of the listed values',
).optional();
const window = windowSchema('The action’s window overlaps these days').optional();
const metric = metricId('The action’s metric').optional();

export const MATCHER_TYPES = ['query', 'inspect', 'contrast', 'changelog'] as const;

export const matcherSchema = typeUnion(
  MATCHER_TYPES,
  [
    z
      .object({
        type: z.literal('query').describe('A metric query'),
        metric,
        groupBy: dimensionId('The query is grouped by this dimension').optional(),
        filter,
        window,
      })
      .strict(),
    z
      .object({
        type: z.literal('inspect').describe('An inspector view'),
        view: viewId('The inspector view').optional(),
        component: componentId('The component inspected').optional(),
        feature: featureId('feature_distribution: the ranker feature shown').optional(),
        filter,
        window,
      })
      .strict(),
    z
      .object({
        type: z.literal('contrast').describe('A contrast of a selection against a baseline'),
        metric,
        filter: segmentSchema('The selection filters on each of these dimensions, keeping at least one of the listed values').optional(),
        window: windowSchema('The selection’s window overlaps these days').optional(),
      })
      .strict(),
    z.object({ type: z.literal('changelog').describe('Opening the changelog') }).strict(),
  ],
  'The kind of action that reveals the finding, and what it must show',
);

export const findingSchema = z
  .object({
    id: kebabId('A short id for the finding, unique in the scenario'),
    text: markdown('findings text', 'What the learner has found, in the debrief’s words'),
    revealedBy: matcherSchema,
  })
  .strict()
  .describe('A piece of evidence and the action that reveals it');

export type Finding = z.output<typeof findingSchema>;
