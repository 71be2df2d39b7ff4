// The shard worker's entry when the CLI runs from its TypeScript sources (tsx): worker threads
// do not inherit the loader, so this registers it before loading the worker.
import { register } from 'tsx/esm/api';

register();
await import('./shardWorker.ts');
