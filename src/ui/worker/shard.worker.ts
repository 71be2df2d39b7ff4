// A Web Worker serving shards of each simulated day for the world worker (see sim/shardHost.ts):
// the app's world generates on every core, and comes out the same as on one — and as the CLI's.
import { shardHost, type ShardMessage } from '../../sim/shardHost.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = shardHost((message, transfer) => scope.postMessage(message, transfer));
scope.onmessage = (event: MessageEvent<ShardMessage>) => handle(event.data);
