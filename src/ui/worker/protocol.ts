// The messages between the app and the world worker. The world lives only in the worker; the
// main thread sends what to simulate once (a config, or a scenario's config with its faults and
// distractors), then queries, and gets plain (structured-cloneable) answers.
import type { DeployEntry } from '../../sim/changelog.ts';
import type { QueryResult } from '../../sim/query/query.ts';
import type { QuerySpec } from '../../sim/query/spec.ts';
import type { InspectSpec } from '../../sim/inspect/request.ts';
import type { InspectorResult } from '../../sim/inspect/inspect.ts';
import type { Action } from '../../scenario/actions.ts';
import type { CaseFile } from '../../engine/case.ts';
import type { Grade } from '../../engine/grade.ts';
import type { Study } from '../../engine/study.ts';
import type { ClaimCheck } from '../../engine/claims.ts';
import type { Claim } from '../../scenario/claims.ts';
import type { ContrastResult, ContrastSpec } from '../../engine/contrast.ts';
import type { Dimension, MetricId } from '../../sim/vocabulary.ts';
import type { WorldRequest as SimulationRequest } from '../../scenario/scenarioWorld.ts';

export type { SimulationRequest };

/** Main thread → worker. */
export type WorldRequest =
  | { type: 'generate'; request: SimulationRequest }
  | { type: 'query'; id: number; spec: QuerySpec }
  | { type: 'inspect'; id: number; spec: InspectSpec }
  | { type: 'contrast'; id: number; spec: ContrastSpec }
  /** Grade an attempt: the worker simulates the fault-free twin beside the world, then grades. */
  | { type: 'grade'; id: number; scenario: CaseFile; title: string; actions: Action[] }
  /** The studio's checks of a draft: truth, expert path, solvability, claims, footprint (the twin as for grading). */
  | { type: 'study'; id: number; scenario: CaseFile; claims: Claim[] }
  /** Claims checked against this world alone (the studio's check at other seeds: no twin needed). */
  | { type: 'claims'; id: number; claims: Claim[] };

/** A graded attempt: the engine's grade and its debrief in Markdown (as `faultline grade` words it). */
export interface Graded {
  grade: Grade;
  markdown: string;
}

/** What the app learns about a world once it is ready. */
export interface WorldFacts {
  digest: string;
  days: number;
  users: number;
  items: number;
  impressions: number;
  /** Component version changes as the pipeline ran (faults and harmless deploys alike, unmarked). */
  deploys: DeployEntry[];
  /** The dimensions each metric can be sliced by (they depend on the log table it reads). */
  metricDimensions: Record<MetricId, Dimension[]>;
  /** Read from this browser's store (generated on an earlier visit) rather than generated now. */
  kept: boolean;
}

/** Worker → main thread. */
export type WorldMessage =
  | { type: 'progress'; fraction: number; label: string }
  | ({ type: 'ready' } & WorldFacts)
  | { type: 'failed'; message: string }
  | { type: 'result'; id: number; result: QueryResult }
  | { type: 'inspection'; id: number; result: InspectorResult }
  | { type: 'contrasted'; id: number; result: ContrastResult }
  | { type: 'grading'; id: number; fraction: number }
  | { type: 'graded'; id: number; result: Graded }
  | { type: 'studied'; id: number; result: Study }
  | { type: 'claimsChecked'; id: number; result: ClaimCheck[] }
  | { type: 'error'; id: number; message: string };
