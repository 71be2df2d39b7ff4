// A diagnosis: stage, component, cause and the segment that suffers. A scenario's `answer` and a
// transcript's `submit` both have this shape; the cause is a fault kind or `no-regression`.
import { z } from 'zod';
import { COMPONENT_STAGE, type ComponentId } from '../sim/vocabulary.ts';
import { FAULTS } from '../sim/faults/catalog.ts';
import { causeId, componentId, metricId, stageId } from './ids.ts';
import { segmentSchema } from './segment.ts';
import { whenMapping } from './guards.ts';
import { TEXT_LIMITS } from './limits.ts';

const fields = {
  stage: stageId('The pipeline stage at fault (optional when the cause is no-regression)').optional(),
  component: componentId('The component at fault (optional when the cause is no-regression)').optional(),
  cause: causeId('The cause: a fault kind, or no-regression when nothing in the pipeline broke'),
  segment: segmentSchema('The segment that suffers: dimension → values (e.g. tenure: [new])').optional(),
};

/** Stage, component and cause must agree (the catalogue says where each cause lives). */
function consistent(d: { stage?: unknown; component?: unknown; cause?: unknown }, ctx: z.RefinementCtx) {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  const cause = typeof d.cause === 'string' && d.cause in FAULTS ? (d.cause as keyof typeof FAULTS) : undefined;
  const component = typeof d.component === 'string' && d.component in COMPONENT_STAGE ? (d.component as ComponentId) : undefined;
  if (cause) {
    const info = FAULTS[cause];
    const where = cause === 'source-outage' ? 'a candidate source (source:…)' : info.component;
    if (d.stage === undefined) issue('stage', `is required (the cause ${cause} is in ${info.stage})`);
    else if (typeof d.stage === 'string' && d.stage !== info.stage) issue('stage', `the cause ${cause} is in ${info.stage}, not ${d.stage}`);
    if (d.component === undefined) issue('component', `is required (the cause ${cause} is in ${where})`);
    else if (component && !(cause === 'source-outage' ? component.startsWith('source:') : component === info.component)) {
      issue('component', `the cause ${cause} is in ${where}, not ${component}`);
      return;
    }
  }
  if (component && typeof d.stage === 'string' && COMPONENT_STAGE[component] !== d.stage) {
    issue('component', `${component} is in ${COMPONENT_STAGE[component]}, not ${d.stage}`);
  }
}

export const answerSchema = z
  .object({
    ...fields,
    // Any field may be given alone (e.g. only the symptom): the rest is derived from the faults.
    cause: fields.cause.optional(),
    symptom: metricId(
      'The metric the briefing’s alarm is about (e.g. ndcg_at_k); by default the alarm the fault sets off most surely (an outcome metric, then NDCG, then diversity). The expert path scopes the fault on it first, and looking at it is never a deep dive',
    ).optional(),
  })
  .strict()
  .superRefine(consistent, whenMapping)
  .describe('The right diagnosis, overriding what the engine derives from the faults');

/** Another fault the learner found acting at the same time: where it is and what it is. */
const alsoSchema = z
  .object({ stage: fields.stage, component: fields.component, cause: causeId('The cause of the other fault: a fault kind') })
  .strict()
  .superRefine(consistent, whenMapping)
  .refine((f) => f.cause !== 'no-regression', { message: 'must be a fault kind: no-regression is not a fault', path: ['cause'] });

export const diagnosisSchema = z
  .object({
    ...fields,
    also: z
      .array(alsoSchema)
      .max(3)
      .optional()
      .describe('Other faults found acting at the same time (when two break at once, naming both earns full credit)'),
    remediation: z.string().max(TEXT_LIMITS.markdown).optional().describe('What the learner would do about it, in their words'),
  })
  .strict()
  .describe('A learner’s diagnosis');

export type Answer = z.output<typeof answerSchema>;
