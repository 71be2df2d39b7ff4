// The world worker: generates one world (posting progress), then answers queries against it.
import { simulateTwin, simulateWith, simulateWorld, type SimulationOptions, type WorldPair } from '../../sim/simulate.ts';
import { spareWorkers, workerServer } from './shardWorkers.ts';
import { keepWorld, readKept, storeKeyOf as storeKey } from './worldStore.ts';
import type { TwinMessage, TwinRequest } from './twin.worker.ts';
import { openCase, type Case, type CaseFile } from '../../engine/case.ts';
import { grade } from '../../engine/grade.ts';
import { debriefText } from '../../engine/debrief.ts';
import { contrast } from '../../engine/contrast.ts';
import { study } from '../../engine/study.ts';
import { checkClaims } from '../../engine/claims.ts';
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
/** The pair grading reads (its twin read or simulated once, however many grade requests wait on it). */
let graded: { pair: Promise<WorldPair>; cases: Map<string, Case> } | null = null;

scope.onmessage = (event: MessageEvent<WorldRequest>) => {
  const request = event.data;
  if (request.type === 'generate') void generate(request.request);
  else if (request.type === 'query') answer(request.id, () => ({ type: 'result', id: request.id, result: runQuery(world!, request.spec) }));
  else if (request.type === 'inspect') answer(request.id, () => ({ type: 'inspection', id: request.id, result: inspect(world!, request.spec) }));
  else if (request.type === 'contrast') answer(request.id, () => ({ type: 'contrasted', id: request.id, result: contrast(world!, request.spec) }));
  else if (request.type === 'claims') answer(request.id, () => ({ type: 'claimsChecked', id: request.id, result: checkClaims(world!, request.claims, { fileSeed: false }) }));
  else {
    const work = request.type === 'grade' ? gradeAttempt(request) : studyDraft(request);
    void work.then((message) => post(message), (error: unknown) => post({ type: 'error', id: request.id, message: messageOf(error) }));
  }
};

function metricDimensions(w: World): Record<MetricId, Dimension[]> {
  return Object.fromEntries(METRICS.map((id) => [id, tableDimensions(w.logs[METRIC_DEFS[id].table])])) as Record<MetricId, Dimension[]>;
}

/** The world, each day's visits served in shards by workers beside this one (when there are cores to spare). */
async function generateOnEveryCore(config: SimulationRequest['config'], options: SimulationOptions): Promise<World> {
  const spare = spareWorkers();
  if (spare === 0) return simulateWorld(config, options);
  return (await simulateWith((resolved, distractors) => workerServer(spare, resolved, distractors), 'world', config, options)).factual!;
}

/**
 * The world: read from this browser's store when it was generated before, else generated (with
 * progress) and kept once the app has it.
 */
async function generate(next: SimulationRequest): Promise<void> {
  const { config, faults, distractors } = next;
  simulated = next;
  graded = null;
  twin = null;
  world = null;
  try {
    const stored = await storeKey('world', next);
    post({ type: 'progress', fraction: 0, label: 'Looking for this world in the browser’s store' });
    const kept = await readKept(stored);
    if (simulated !== next) return; // a newer request took over
    world = kept ?? (await generateOnEveryCore(config, { faults, distractors, onProgress: (fraction, label) => post({ type: 'progress', fraction, label }) }));
    post({
      type: 'ready',
      digest: worldDigest(world),
      days: world.config.days,
      users: world.config.users,
      items: world.config.items,
      impressions: world.logs.impressions.rows,
      deploys: deployLog(world),
      metricDimensions: metricDimensions(world),
      kept: Boolean(kept),
    });
    if (!kept && stored) await keepWorld(stored.key, world);
    // A scenario's twin starts at once, beside the investigation, so a submit finds it ready.
    if (faults.length) twin = prepareTwin(next);
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
 * The twin being made for grading: read from the store, or generated in a worker of its own
 * beside the investigation (in this worker when workers cannot start workers). `listen` is where
 * its progress goes: nowhere until a grade waits on it.
 */
let twin: { world: Promise<World>; listen: ((fraction: number) => void) | null } | null = null;

function prepareTwin(request: SimulationRequest): NonNullable<typeof twin> {
  const made: NonNullable<typeof twin> = { world: Promise.resolve(null as unknown as World), listen: null };
  const progress = (fraction: number) => made.listen?.(fraction);
  made.world = (async () => {
    const stored = await storeKey('twin', request);
    const key = stored?.key ?? null;
    const kept = await readKept(stored);
    if (kept) return kept;
    if (typeof Worker === 'undefined') {
      const { config, faults, distractors } = request;
      const generated = simulateTwin(config, { faults, distractors, onProgress: progress });
      if (key) await keepWorld(key, generated);
      return generated;
    }
    return new Promise<World>((resolve, reject) => {
      const worker = new Worker(new URL('./twin.worker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (event: MessageEvent<TwinMessage>) => {
        const message = event.data;
        if (message.type === 'progress') progress(message.fraction);
        else {
          worker.terminate();
          if (message.type === 'twin') resolve(message.world);
          else reject(new Error(message.message));
        }
      };
      worker.onerror = (event) => {
        event.preventDefault();
        worker.terminate();
        reject(new Error(event.message || 'The twin worker stopped unexpectedly.'));
      };
      worker.postMessage({ request, key } satisfies TwinRequest);
    });
  })();
  made.world.catch(() => {}); // a failure surfaces when a grade awaits the twin, not before
  return made;
}

async function pairFor(factual: World, request: SimulationRequest, id: number): Promise<WorldPair> {
  twin ??= prepareTwin(request);
  twin.listen = (fraction) => post({ type: 'grading', id, fraction });
  try {
    return { factual, twin: await twin.world };
  } catch (error) {
    twin = null; // the next grade tries again
    throw error;
  } finally {
    if (twin) twin.listen = null;
  }
}

/**
 * Grades an attempt as `faultline grade` does: the world and its fault-free twin (read from the
 * browser's store, or simulated here once, only when an attempt is graded — the twin's progress
 * would give the onset away during the investigation), the case, the grade and its debrief text.
 * The world at hand is the pair's factual side; only the twin is ever generated for grading.
 */
async function gradeAttempt({ id, scenario, title, actions }: Extract<WorldRequest, { type: 'grade' }>): Promise<WorldMessage> {
  if (!world) return { type: 'error', id, message: 'The world is not ready yet.' };
  const result = grade(await caseOf(world, scenario, id), actions);
  return { type: 'graded', id, result: { grade: result, markdown: debriefText(result, title, actions) } };
}

/** The studio's checks of a draft against this world and its twin (read or simulated once, like a grade's). */
async function studyDraft({ id, scenario, claims }: Extract<WorldRequest, { type: 'study' }>): Promise<WorldMessage> {
  if (!world) return { type: 'error', id, message: 'The world is not ready yet.' };
  return { type: 'studied', id, result: study(await caseOf(world, scenario, id), claims) };
}

/** The case of `scenario` on this world's pair: the twin awaited (its progress reported as request `id`'s), the case opened once per scenario. */
async function caseOf(factual: World, scenario: CaseFile, id: number): Promise<Case> {
  graded ??= { pair: pairFor(factual, simulated!, id), cases: new Map() };
  const cases = graded.cases;
  if (twin) twin.listen = (fraction) => post({ type: 'grading', id, fraction });
  let pair: WorldPair;
  try {
    pair = await graded.pair;
  } catch (error) {
    graded = null; // the next request tries again
    throw error;
  }
  const key = JSON.stringify(scenario);
  let c = cases.get(key);
  if (!c) {
    c = openCase(pair, scenario);
    cases.set(key, c);
  }
  return c;
}
