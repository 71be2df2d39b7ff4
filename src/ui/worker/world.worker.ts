// The world worker: generates one world (posting progress), then answers queries against it.
import { simulateWorld } from '../../sim/simulate.ts';
import { worldDigest } from '../../sim/digest.ts';
import { deployLog } from '../../sim/changelog.ts';
import { runQuery } from '../../sim/query/query.ts';
import { inspect } from '../../sim/inspect/inspect.ts';
import { METRIC_DEFS } from '../../sim/query/metrics.ts';
import { tableDimensions } from '../../sim/query/dimensions.ts';
import { METRICS, type Dimension, type MetricId } from '../../sim/vocabulary.ts';
import type { World } from '../../sim/world/world.ts';
import type { SimulationRequest, WorldMessage, WorldRequest } from './protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: WorldMessage) => scope.postMessage(message);
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

let world: World | null = null;

scope.onmessage = (event: MessageEvent<WorldRequest>) => {
  const request = event.data;
  if (request.type === 'generate') generate(request.request);
  else if (request.type === 'query') answer(request.id, () => ({ type: 'result', id: request.id, result: runQuery(world!, request.spec) }));
  else answer(request.id, () => ({ type: 'inspection', id: request.id, result: inspect(world!, request.spec) }));
};

function metricDimensions(w: World): Record<MetricId, Dimension[]> {
  return Object.fromEntries(METRICS.map((id) => [id, tableDimensions(w.logs[METRIC_DEFS[id].table])])) as Record<MetricId, Dimension[]>;
}

function generate({ config, faults, distractors }: SimulationRequest): void {
  try {
    world = simulateWorld(config, {
      faults,
      distractors,
      onProgress: (fraction, label) => post({ type: 'progress', fraction, label }),
    });
    post({
      type: 'ready',
      digest: worldDigest(world),
      days: world.config.days,
      users: world.config.users,
      items: world.config.items,
      impressions: world.logs.impressions.rows,
      deploys: deployLog(world),
      metricDimensions: metricDimensions(world),
    });
  } catch (error) {
    world = null;
    post({ type: 'failed', message: messageOf(error) });
  }
}

/** Runs one query or inspection against the world; its failure is that request's error only. */
function answer(id: number, compute: () => WorldMessage): void {
  if (!world) {
    post({ type: 'error', id, message: 'The world is not ready yet.' });
    return;
  }
  try {
    post(compute());
  } catch (error) {
    post({ type: 'error', id, message: messageOf(error) });
  }
}
