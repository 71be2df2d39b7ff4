// The messages between the app and the world worker. The world lives only in the worker; the
// main thread sends what to simulate once (a config, or a scenario's config with its faults and
// distractors), then queries, and gets plain (structured-cloneable) answers.
import type { DeployEntry } from '../../sim/changelog.ts';
import type { QueryResult } from '../../sim/query/query.ts';
import type { QuerySpec } from '../../sim/query/spec.ts';
import type { InspectSpec } from '../../sim/inspect/request.ts';
import type { InspectorResult } from '../../sim/inspect/inspect.ts';
import type { Dimension, MetricId } from '../../sim/vocabulary.ts';
import type { WorldRequest as SimulationRequest } from '../../scenario/scenarioWorld.ts';

export type { SimulationRequest };

/** Main thread → worker. */
export type WorldRequest =
  | { type: 'generate'; request: SimulationRequest }
  | { type: 'query'; id: number; spec: QuerySpec }
  | { type: 'inspect'; id: number; spec: InspectSpec };

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
}

/** Worker → main thread. */
export type WorldMessage =
  | { type: 'progress'; fraction: number; label: string }
  | ({ type: 'ready' } & WorldFacts)
  | { type: 'failed'; message: string }
  | { type: 'result'; id: number; result: QueryResult }
  | { type: 'inspection'; id: number; result: InspectorResult }
  | { type: 'error'; id: number; message: string };
