// The twin worker: generates a scenario's fault-free twin beside the investigation (started by
// the world worker once the world is ready), keeps it in the browser's store and hands it over
// without copying (its arrays are transferred). Grading then finds the twin made: submitting
// does not wait for a world to generate. It reports progress only to the world worker, which
// shows it only when a grade is waiting — the twin's timing must not hint at the onset.
import { simulateTwin } from '../../sim/simulate.ts';
import type { World } from '../../sim/world/world.ts';
import type { SimulationRequest } from './protocol.ts';
import { arraysOf, keepWorld } from './worldStore.ts';

export type TwinRequest = { request: SimulationRequest; key: string | null };
export type TwinMessage = { type: 'progress'; fraction: number } | { type: 'twin'; world: World } | { type: 'failed'; message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: TwinMessage, transfer: Transferable[] = []) => scope.postMessage(message, transfer);

/** The buffers of the twin's arrays, to transfer rather than copy. */
const buffersOf = (world: World): ArrayBuffer[] => [...new Set(arraysOf(world).map((a) => a.buffer).filter((b) => b instanceof ArrayBuffer))];

scope.onmessage = async (event: MessageEvent<TwinRequest>) => {
  const { request, key } = event.data;
  try {
    const { config, faults, distractors } = request;
    const twin = simulateTwin(config, { faults, distractors, onProgress: (fraction) => post({ type: 'progress', fraction }) });
    if (key) await keepWorld(key, twin);
    post({ type: 'twin', world: twin }, buffersOf(twin));
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
