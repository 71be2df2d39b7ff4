// The shape of a generated world: its entities, the pipeline as it ran each day, and its logs.
import type { WorldConfig } from '../config.ts';
import type { Items } from './items.ts';
import type { Users } from './users.ts';
import type { EncoderOutput } from '../pipeline/imageEncoder.ts';
import type { PipelineSpec } from '../pipeline/spec.ts';
import type { Ranker } from '../pipeline/ranker.ts';
import type { ArmModels } from '../pipeline/experiment.ts';
import type { Table } from '../logs/table.ts';
import type { ResolvedDistractor, ResolvedFault } from '../faults/specs.ts';
import type {
  CATALOGUE,
  FEATURES,
  IMPRESSIONS,
  REQUESTS,
  REQUEST_SOURCES,
  RETRIEVAL_EVAL,
} from '../logs/schemas.ts';

export interface WorldLogs {
  impressions: Table<typeof IMPRESSIONS>;
  requests: Table<typeof REQUESTS>;
  requestSources: Table<typeof REQUEST_SOURCES>;
  retrievalEval: Table<typeof RETRIEVAL_EVAL>;
  catalogue: Table<typeof CATALOGUE>;
  features: Table<typeof FEATURES>;
}

export interface World {
  config: WorldConfig;
  items: Items;
  users: Users;
  /** Text-encoder embeddings of every item. */
  text: Float32Array;
  /** The pipeline as it ran on each day (index 0 unused). */
  pipeline: PipelineSpec[];
  /** Image-encoder output in effect on each day (index 0 unused). */
  encoderByDay: EncoderOutput[];
  /** The ranker served on each day (trained on the days before it). */
  rankerByDay: Ranker[];
  /** A running experiment's models per arm on each day (null on days without one). */
  armsByDay: (ArmModels | null)[];
  /** Experiment arm per user, as the experiment platform assigned it (0 control, 1 treatment). */
  experimentArm: Uint8Array;
  /** The faults injected (resolved: parameters and variant picks fixed) and the distractors. */
  faults: ResolvedFault[];
  distractors: ResolvedDistractor[];
  /** True for the fault-free twin of a factual world. */
  counterfactual: boolean;
  /** Items in the human-labelled encoder evaluation set. */
  labelledItems: Int32Array;
  logs: WorldLogs;
}

export type Progress = (fraction: number, label: string) => void;
