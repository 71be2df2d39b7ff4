// Every id a scenario names is checked against the public vocabulary (src/sim/vocabulary.ts),
// and a misspelt id is answered with "did you mean …".
import { z } from 'zod';
import {
  COMPONENTS,
  DIMENSIONS,
  DISTRACTOR_KINDS,
  FAULT_KINDS,
  INSPECTOR_VIEWS,
  METRICS,
  STAGES,
  closestId,
} from '../sim/vocabulary.ts';
import { FEATURE_NAMES } from '../sim/pipeline/ranker.ts';
import { describeValue } from './describeValue.ts';

/** The diagnosis cause when nothing in the pipeline broke (a mix shift, a holiday …). */
export const NO_REGRESSION = 'no-regression';
export const CAUSES = [...FAULT_KINDS, NO_REGRESSION] as const;

/** `unknown metric "relevence" — did you mean "relevance"? Valid metrics: …` */
export function unknownIdMessage(noun: string, input: unknown, ids: readonly string[]): string {
  if (typeof input !== 'string') return `must be a ${noun} (one of ${ids.join(', ')}), got ${describeValue(input)}`;
  const hint = closestId(input, ids);
  const list = ids.length <= 30 ? ` Valid ${noun}s: ${ids.join(', ')}` : '';
  return `unknown ${noun} "${input}"` + (hint ? ` — did you mean "${hint}"?` : '.') + list;
}

/** A vocabulary id: an enum whose error names the kind of id and the closest valid one. */
export function vocabularyId<const T extends readonly [string, ...string[]]>(noun: string, ids: T, description: string) {
  return z
    .enum(ids, {
      error: (iss) => (iss.code === 'invalid_value' && iss.input !== undefined ? unknownIdMessage(noun, iss.input, ids) : undefined),
    })
    .describe(description);
}

export const stageId = (d: string) => vocabularyId('stage', STAGES, d);
export const componentId = (d: string) => vocabularyId('component', COMPONENTS, d);
export const dimensionId = (d: string) => vocabularyId('dimension', DIMENSIONS, d);
export const metricId = (d: string) => vocabularyId('metric', METRICS, d);
export const viewId = (d: string) => vocabularyId('inspector view', INSPECTOR_VIEWS, d);
export const featureId = (d: string) => vocabularyId('feature', FEATURE_NAMES, d);
export const causeId = (d: string) => vocabularyId('cause', CAUSES, d);
export { FAULT_KINDS, DISTRACTOR_KINDS };

/** A kebab-case id: lower-case letters and digits in words joined by single hyphens. */
export const kebabId = (description: string) =>
  z
    .string()
    .max(64, { error: 'must be at most 64 characters long' })
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
      error: (iss) => `must be kebab-case (lower-case words joined by hyphens, e.g. "cold-start-niche"), got ${describeValue(iss.input)}`,
    })
    .describe(description);
