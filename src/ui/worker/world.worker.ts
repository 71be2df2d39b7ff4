// The world worker: generates one world (posting progress), then answers queries against it.
import { simulatePair, simulateWorld, type WorldPair } from '../../sim/simulate.ts';
import { openCase, type Case } from '../../engine/case.ts';
import { grade } from '../../engine/grade.ts';
import { debriefText } from '../../engine/debrief.ts';
import { contrast } from '../../engine/contrast.ts';
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
/** What the world was simulated from: grading simulates its twin from the same request. */
let simulated: SimulationRequest | null = null;
let graded: { pair: WorldPair; cases: Map<string, Case> } | null = null;

scope.onmessage = (event: MessageEvent<WorldRequest>) => {
  const request = event.data;
  if (request.type === 'generate') generate(request.request);
  else if (request.type === 'query') answer(request.id, () => ({ type: 'result', id: request.id, result: runQuery(world!, request.spec) }));
  else if (request.type === 'inspect') answer(request.id, () => ({ type: 'inspection', id: request.id, result: inspect(world!, request.spec) }));
  else if (request.type === 'contrast') answer(request.id, () => ({ type: 'contrasted', id: request.id, result: contrast(world!, request.spec) }));
  else answer(request.id, () => gradeAttempt(request));
};

function metricDimensions(w: World): Record<MetricId, Dimension[]> {
  return Object.fromEntries(METRICS.map((id) => [id, tableDimensions(w.logs[METRIC_DEFS[id].table])])) as Record<MetricId, Dimension[]>;
}

function generate(next: SimulationRequest): void {
  const { config, faults, distractors } = next;
  simulated = next;
  graded = null;
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

/**
 * Grades an attempt as `faultline grade` does: the world and its fault-free twin (simulated
 * here, once, only when an attempt is graded — the twin's progress would give the onset away
 * during the investigation), the case, the grade and its debrief text.
 */
function gradeAttempt({ id, scenario, title, actions }: Extract<WorldRequest, { type: 'grade' }>): WorldMessage {
  if (!graded) {
    const { config, faults, distractors } = simulated!;
    const pair = simulatePair(config, { faults, distractors, onProgress: (fraction) => post({ type: 'grading', id, fraction }) });
    graded = { pair, cases: new Map() };
  }
  const key = JSON.stringify(scenario);
  let c = graded.cases.get(key);
  if (!c) {
    c = openCase(graded.pair, scenario);
    graded.cases.set(key, c);
  }
  const result = grade(c, actions);
  return { type: 'graded', id, result: { grade: result, markdown: debriefText(result, title) } };
}
