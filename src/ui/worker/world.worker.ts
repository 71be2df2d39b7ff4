// The world worker: generates one world (posting progress), then answers queries against it.
import { simulateWorld } from '../../sim/simulate.ts';
import { worldDigest } from '../../sim/digest.ts';
import { runQuery } from '../../sim/query/query.ts';
import type { World } from '../../sim/world/world.ts';
import type { WorldMessage, WorldRequest } from './protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: WorldMessage) => scope.postMessage(message);
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

let world: World | null = null;

scope.onmessage = (event: MessageEvent<WorldRequest>) => {
  const request = event.data;
  if (request.type === 'generate') generate(request.config);
  else answer(request.id, request.spec);
};

function generate(config: Extract<WorldRequest, { type: 'generate' }>['config']): void {
  try {
    world = simulateWorld(config, {
      onProgress: (fraction, label) => post({ type: 'progress', fraction, label }),
    });
    post({
      type: 'ready',
      digest: worldDigest(world),
      days: world.config.days,
      impressions: world.logs.impressions.rows,
    });
  } catch (error) {
    world = null;
    post({ type: 'failed', message: messageOf(error) });
  }
}

function answer(id: number, spec: Extract<WorldRequest, { type: 'query' }>['spec']): void {
  if (!world) {
    post({ type: 'error', id, message: 'The world is not ready yet.' });
    return;
  }
  try {
    post({ type: 'result', id, result: runQuery(world, spec) });
  } catch (error) {
    post({ type: 'error', id, message: messageOf(error) });
  }
}
