// Rule: a shard host is a worker's whole job — pure TypeScript, no worker API. It builds the
// world's fixed parts once (the same setup as the main thread: a pure function of the config and
// distractors), then serves whatever shard of a day it is sent. Everything that changes day to
// day (the serving state, histories, the ranker) comes with the request, so a host keeps no
// state between days and one pool serves a world and its twin alike.
import { buildSetup, type WorldSetup } from './world/setup.ts';
import type { WorldConfig } from './config.ts';
import type { ResolvedDistractor } from './faults/specs.ts';
import type { ServingDay } from './pipeline/serving.ts';
import { RequestScratch } from './pipeline/scratch.ts';
import { TopK } from './pipeline/clusterIndex.ts';
import { serveShard, type ShardResult, type Visits } from './dayShard.ts';
import type { DayPlan } from './simulation.ts';

/** The parts of a day's serving state that change from day to day (the rest is the setup's). */
type DayState = Omit<ServingDay, 'items' | 'users' | 'encoder' | 'text' | 'indexes' | 'coGraph' | 'experimentArm'>;

export type ShardMessage =
  | { type: 'init'; config: WorldConfig; distractors: ResolvedDistractor[] }
  | { type: 'serve'; state: DayState; visits: Visits; requestBase: number; logged: { days: number } | null };

export type ShardReply = { type: 'served'; result: ShardResult } | { type: 'failed'; message: string };

/** The request serving visits [from, to) of `plan`'s day. */
export function shardMessage(plan: DayPlan, from: number, to: number, requestBase: number): Extract<ShardMessage, { type: 'serve' }> {
  const { items: _i, users: _u, encoder: _e, text: _t, indexes: _x, coGraph: _c, experimentArm: _a, ...state } = plan.serving;
  const visits = { users: plan.visits.users.subarray(from, to), surfaces: plan.visits.surfaces.subarray(from, to) };
  return { type: 'serve', state, visits, requestBase, logged: plan.logged };
}

/** Every distinct buffer a result holds, to transfer rather than copy. */
export function resultBuffers(result: ShardResult): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const add = (a: ArrayBufferView) => {
    if (a.buffer instanceof ArrayBuffer) out.add(a.buffer);
  };
  if (result.logs) for (const b of Object.values(result.logs)) for (const c of Object.values(b.columns)) add(c as ArrayBufferView);
  for (const a of [result.training.x, result.training.position, result.training.label, result.training.arm, result.training.match]) add(a);
  for (const a of Object.values(result.counts)) add(a);
  add(result.history.recent);
  add(result.history.recentCount);
  return [...out];
}

/** A worker's message handler: `reply` posts back (with the buffers to transfer). */
export function shardHost(reply: (message: ShardReply, transfer: ArrayBuffer[]) => void): (message: ShardMessage) => void {
  let setup: WorldSetup | null = null;
  let scratch: RequestScratch | null = null;
  const sourceTop = new TopK(64);
  return (message) => {
    try {
      if (message.type === 'init') {
        setup = buildSetup(message.config, message.distractors);
        scratch = new RequestScratch(setup.items.count);
        return;
      }
      if (!setup || !scratch) throw new Error('a shard was sent before the world it belongs to');
      const { state, visits, requestBase, logged } = message;
      const encoder = setup.encoderFor(state.spec.imageEncoder);
      const serving: ServingDay = {
        ...state,
        items: setup.items,
        users: setup.users,
        encoder,
        text: setup.text,
        indexes: { ...setup.indexes, visual: setup.visualIndexFor(encoder) },
        coGraph: setup.coGraph,
        experimentArm: setup.experimentArm,
      };
      const served = serveShard(serving, setup.config.seed, visits, 0, visits.users.length, requestBase, logged, scratch, sourceTop);
      // The histories are views of this host's copy: send copies of just the shard's users.
      // Builders and buffers go as their plain columns (a class does not cross threads).
      const { logs: builders, training } = served;
      const logs = builders && {
        impressions: { columns: builders.impressions.columns, rows: builders.impressions.rows },
        requests: { columns: builders.requests.columns, rows: builders.requests.rows },
        requestSources: { columns: builders.requestSources.columns, rows: builders.requestSources.rows },
        features: { columns: builders.features.columns, rows: builders.features.rows },
      };
      const result: ShardResult = {
        logs,
        training: { rows: training.rows, x: training.x, position: training.position, label: training.label, arm: training.arm, match: training.match },
        counts: served.counts,
        history: { ...served.history, recent: served.history.recent.slice(), recentCount: served.history.recentCount.slice() },
      };
      reply({ type: 'served', result }, resultBuffers(result));
    } catch (error) {
      reply({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }, []);
    }
  };
}

/** One end of a channel to a shard host: a worker thread in Node, a Web Worker in the browser. */
export interface ShardPort {
  post(message: ShardMessage): void;
  /** Called with each reply, in the order the requests were sent. */
  onReply(handler: (reply: ShardReply) => void): void;
}

/**
 * A day's visits cut into one shard per port plus one served here, the ports' shards sent before
 * this thread serves its own, so all run at once; results in visit order.
 */
export function shardServer(ports: ShardPort[], config: WorldConfig, distractors: ResolvedDistractor[]) {
  const waiting = ports.map(() => [] as ((reply: ShardReply) => void)[]);
  ports.forEach((port, k) => {
    port.onReply((reply) => waiting[k].shift()?.(reply));
    port.post({ type: 'init', config, distractors });
  });
  return async (plan: DayPlan, here: (from: number, to: number, requestBase: number) => ShardResult): Promise<ShardResult[]> => {
    const n = plan.visits.users.length;
    const parts = ports.length + 1;
    const bounds = Array.from({ length: parts + 1 }, (_, k) => Math.round((n * k) / parts));
    const pending = ports.map(
      (port, k) =>
        new Promise<ShardResult>((resolve, reject) => {
          waiting[k].push((reply) => (reply.type === 'served' ? resolve(reply.result) : reject(new Error(`a shard failed: ${reply.message}`))));
          const from = bounds[k + 1];
          port.post(shardMessage(plan, from, bounds[k + 2], plan.requestBase + from));
        }),
    );
    const own = here(0, bounds[1], plan.requestBase);
    return [own, ...(await Promise.all(pending))];
  };
}
