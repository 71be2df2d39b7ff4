// A worker thread serving shards of a day for the CLI (see sim/shardHost.ts).
import { parentPort } from 'node:worker_threads';
import { shardHost } from '../sim/shardHost.ts';

const port = parentPort!;
const handle = shardHost((message, transfer) => port.postMessage(message, transfer));
port.on('message', handle);
