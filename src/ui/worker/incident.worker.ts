// The incident worker: generates an incident as `faultline generate` does (the same file for the
// same seed and difficulty), posting each attempt and its world's progress. Each attempt's world
// and twin are read from the browser's store or made here and kept there, so the workspace that
// opens the incident next finds them made.
import { generateIncident } from '../../engine/generate/generate.ts';
import type { GenerateOptions } from '../../engine/generate/plan.ts';
import { simulatePair, type WorldPair } from '../../sim/simulate.ts';
import { keepWorld, readKept, storeKeyOf } from './worldStore.ts';

export type IncidentRequest = GenerateOptions;
export type IncidentMessage =
  | { type: 'progress'; fraction: number; label: string }
  | { type: 'incident'; id: string; text: string; kind: string; difficulty: string; worldSeed: number }
  | { type: 'failed'; message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: IncidentMessage) => scope.postMessage(message);

scope.onmessage = async (event: MessageEvent<IncidentRequest>) => {
  const options = event.data;
  let label = 'Planning';
  let attempt = 0;
  try {
    const incident = await generateIncident(
      options,
      async (config, changes): Promise<WorldPair> => {
        const request = { config, faults: [...(changes.faults ?? [])], distractors: [...(changes.distractors ?? [])] };
        const [worldKey, twinKey] = await Promise.all([storeKeyOf('world', request), storeKeyOf('twin', request)]);
        const [factual, twin] = await Promise.all([readKept(worldKey), readKept(twinKey)]);
        if (factual && twin) return { factual, twin };
        const pair = simulatePair(config, { ...changes, onProgress: (fraction, what) => post({ type: 'progress', fraction: Math.min(0.95, (attempt + fraction) / (attempt + 1.5)), label: `${label}: ${what}` }) });
        if (worldKey) await keepWorld(worldKey.key, pair.factual);
        if (twinKey) await keepWorld(twinKey.key, pair.twin);
        return pair;
      },
      (n) => {
        attempt = n;
        // Never the kind, nor anything of the plan: the learner is about to investigate it.
        label = n === 0 ? 'Making the incident’s world' : `Attempt ${n + 1}: the last one could not be proved solvable${options.difficulty ? ` at ${options.difficulty}` : ''}, trying another`;
        post({ type: 'progress', fraction: Math.min(0.95, n / (n + 1.5)), label });
      },
    );
    post({ type: 'incident', id: incident.scenario.id, text: incident.text, kind: incident.plan.kind, difficulty: incident.figures.difficulty, worldSeed: incident.plan.worldSeed });
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
