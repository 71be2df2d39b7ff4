// Worker threads that serve shards of each simulated day beside the main thread, one per spare
// core: the CLI's worlds generate on every core, and come out the same as on one.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { shardServer, type ShardPort, type ShardReply } from '../sim/shardHost.ts';
import type { ShardServer } from '../sim/simulation.ts';
import type { WorldConfig } from '../sim/config.ts';
import type { ResolvedDistractor } from '../sim/faults/specs.ts';

/** Threads besides the main one: FAULTLINE_THREADS (total, 1 = none) or every core. */
export function spareThreads(env: NodeJS.ProcessEnv = process.env): number {
  const total = Number(env.FAULTLINE_THREADS ?? availableParallelism());
  return Number.isInteger(total) && total > 1 ? Math.min(total, 16) - 1 : 0;
}

/** The worker's entry: beside this file — TypeScript run through tsx, or the bundle's .mjs. */
function workerEntry(): URL {
  const here = import.meta.url;
  return new URL(here.endsWith('.ts') ? './shardWorker.tsx.mjs' : './shardWorker.mjs', here);
}

export function threadedServer(threads: number, config: WorldConfig, distractors: ResolvedDistractor[]): { serve: ShardServer; close: () => Promise<void> } {
  const url = workerEntry();
  const workers = Array.from({ length: threads }, () => new Worker(url));
  const ports: ShardPort[] = workers.map((worker) => ({
    post: (message) => worker.postMessage(message),
    onReply: (handler) => {
      worker.on('message', (reply: ShardReply) => handler(reply));
      worker.on('error', (error) => handler({ type: 'failed', message: error.message }));
    },
  }));
  return {
    serve: shardServer(ports, config, distractors),
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
