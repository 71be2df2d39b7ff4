// Web Workers that serve shards of each day beside the world worker, one per spare core (at most
// three): the pool `simulateWith` needs to generate the world on every core.
import { shardServer, type ShardPort, type ShardReply } from '../../sim/shardHost.ts';
import type { ShardServer } from '../../sim/simulation.ts';
import type { WorldConfig } from '../../sim/config.ts';
import type { ResolvedDistractor } from '../../sim/faults/specs.ts';

/** Workers besides this one (none where workers cannot start workers). */
export function spareWorkers(): number {
  if (typeof Worker === 'undefined') return 0;
  return Math.max(0, Math.min(3, (navigator.hardwareConcurrency || 1) - 1));
}

export function workerServer(count: number, config: WorldConfig, distractors: ResolvedDistractor[]): { serve: ShardServer; close: () => void } {
  const workers = Array.from({ length: count }, () => new Worker(new URL('./shard.worker.ts', import.meta.url), { type: 'module' }));
  const ports: ShardPort[] = workers.map((worker) => ({
    post: (message) => worker.postMessage(message),
    onReply: (handler) => {
      worker.onmessage = (event: MessageEvent<ShardReply>) => handler(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        handler({ type: 'failed', message: event.message || 'a shard worker stopped unexpectedly' });
      };
    },
  }));
  return { serve: shardServer(ports, config, distractors), close: () => workers.forEach((w) => w.terminate()) };
}
