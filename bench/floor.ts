// The memory floor of a query: the bytes its scan must read (every column it touches, over the
// rows of its day window) at the machine's memory bandwidth, measured here as a large copy.
import { metricRows } from '../src/sim/query/metrics.ts';
import { resolveQuery, type QuerySpec } from '../src/sim/query/spec.ts';
import type { World } from '../src/sim/world/world.ts';

/** Bytes per second of a 256 MiB copy (best of five). */
export function copyBandwidth(): number {
  const bytes = 256 * 2 ** 20;
  const src = new Uint8Array(bytes).fill(1);
  const dst = new Uint8Array(bytes);
  let best = Infinity;
  for (let k = 0; k < 5; k++) {
    const t = performance.now();
    dst.set(src);
    best = Math.min(best, performance.now() - t);
  }
  return bytes / (best / 1000);
}

/** Bytes a columnar scan reads for a mean query: value, inclusion, day, group and filter codes. */
export function bytesRead(world: World, spec: QuerySpec): number {
  const q = resolveQuery(world, spec);
  const table = world.logs[q.metric.table];
  const rows = table.dayStart[q.window[1] + 1] - table.dayStart[q.window[0]];
  const { include } = metricRows(world, table, q.metric);
  const codeColumns = 1 /* day */ + (q.groupBy ? 1 : 0) + Object.keys(q.filter).length;
  return rows * (4 /* float32 value */ + (include ? 1 : 0) + codeColumns);
}
