// The scenario file format (the authoring guide, scenarios/README.md): the single source of truth. The JSON Schema for editors,
// the loader's errors and the authoring guide are all generated from this.
import { z } from 'zod';
import { componentId, kebabId } from './ids.ts';
import { worldSchema } from './world.ts';
import { distractorSchema, faultSchema } from './changes.ts';
import { answerSchema } from './diagnosis.ts';
import { findingSchema } from './findings.ts';
import { exampleSchema } from './examples.ts';
import { claimSchema } from './claims.ts';
import { line, markdown } from './text.ts';
import { crossCheck } from './crossChecks.ts';
import { whenMapping } from './guards.ts';
import { LIST_LIMITS, TEXT_LIMITS } from './limits.ts';
import { CURRENT_SCHEMA_VERSION } from './version.ts';
import type { DistractorSpec, FaultSpec } from '../sim/faults/specs.ts';

export const DIFFICULTIES = ['intro', 'medium', 'hard'] as const;

const weight = (what: string) => z.number().min(0).max(10).optional().describe(`Relative weight of ${what}`);

export const scenarioSchema = z
  .object({
    schemaVersion: z
      .literal(CURRENT_SCHEMA_VERSION, { error: (iss) => (iss.input === undefined ? undefined : `must be ${CURRENT_SCHEMA_VERSION}`) })
      .describe('Version of the scenario format; older files are migrated when loaded'),
    id: kebabId('Unique id of the scenario, kebab-case; built-in files are named <id>.yaml'),
    title: line('title', 'A short title for the library', TEXT_LIMITS.title),
    difficulty: z.enum(DIFFICULTIES).describe('intro | medium | hard'),
    briefing: markdown(
      'briefing',
      'What the interviewer says (markdown): the symptom and the numbers a real alert would give, never the answer',
    ),
    claims: z
      .array(claimSchema)
      .max(LIST_LIMITS.claims)
      .optional()
      .describe('Every number of the briefing as a checkable statement: faultline test and the studio check each against the world'),
    world: worldSchema,
    timeline: z
      .array(
        z
          .object({
            day: z.number().int().min(1).describe('Day of the entry (1 … world.days)'),
            component: componentId('The component the entry is about').optional(),
            text: line('timeline text', 'What the changelog says'),
          })
          .strict()
          .describe('A changelog entry: a true lead or a false one'),
      )
      .max(LIST_LIMITS.timeline)
      .optional()
      .describe('The changelog the learner can open'),
    faults: z
      .array(faultSchema)
      .max(LIST_LIMITS.faults)
      .describe('The faults injected; [] when the right answer is that nothing in the pipeline broke (no-regression)'),
    distractors: z.array(distractorSchema).max(LIST_LIMITS.distractors).optional().describe('Real changes that are not the fault'),
    answer: answerSchema.optional(),
    findings: z.array(findingSchema).max(LIST_LIMITS.findings).optional().describe('Evidence, extra to or overriding what the engine derives'),
    hints: z
      .array(markdown('hints', 'A hint (markdown), from gentlest to most revealing'))
      .max(LIST_LIMITS.hints)
      .optional()
      .describe('Hints the learner may take, at a cost to efficiency'),
    rubric: z
      .object({
        correctness: weight('the diagnosis being right (stage, component, cause, segment)'),
        directness: weight('the path being direct (order and number of moves against the expert path)'),
        evidence: weight('every claim being backed by something the learner saw'),
        efficiency: weight('time and hints'),
      })
      .strict()
      .optional()
      .describe('Score weights (relative; defaults from the engine for those left out)'),
    tools: z
      .object({
        contrast: z.boolean().optional().describe('Whether the contrast view is available (default true)'),
        hints: z.boolean().optional().describe('Whether hints are available (default true)'),
      })
      .strict()
      .optional()
      .describe('Tools available to the learner'),
    timeLimitMinutes: z.number().int().min(1).max(240).optional().describe('Time limit in interview mode, in minutes'),
    debrief: markdown('debrief', 'Shown after submitting (markdown): what happened and what the expert path was').optional(),
    examples: z.array(exampleSchema).max(LIST_LIMITS.examples).optional().describe('Transcripts with expected score ranges: the scenario’s tests'),
  })
  .strict()
  .superRefine(crossCheck, whenMapping)
  .describe('A Faultline scenario: a simulated world, the faults injected into it, and how an attempt is graded');

type Parsed = z.output<typeof scenarioSchema>;
/** A scenario as loaded: fault and distractor kinds narrowed to the vocabulary. */
export type Scenario = Omit<Parsed, 'faults' | 'distractors'> & { faults: FaultSpec[]; distractors?: DistractorSpec[] };
