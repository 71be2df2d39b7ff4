// The peers, fed the same rows Faultline answers from: each log as flat columns — the raw values
// and the dictionary codes of the slices the queries use (Faultline's own code columns, so no
// peer pays for a join Faultline has already done) — loaded into an in-memory DuckDB (all cores)
// and into arquero tables.
import { DuckDBDataChunk, DuckDBInstance, TINYINT, UTINYINT, type DuckDBConnection } from '@duckdb/node-api';
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { dimensionCodes } from '../src/sim/query/dimensions.ts';
import type { Dimension } from '../src/sim/vocabulary.ts';
import type { World } from '../src/sim/world/world.ts';
import type { PeerTable } from './queries.ts';

type Col = Uint8Array | Int8Array;

export function peerColumns(world: World): Record<PeerTable, Record<string, Col>> {
  const imp = world.logs.impressions;
  const req = world.logs.requests;
  const codes = (t: typeof imp | typeof req, d: Dimension) => dimensionCodes(world, t, d)!;
  const i = imp.columns;
  const slice = <T extends Col>(c: T, rows: number) => c.subarray(0, rows) as T;
  return {
    impressions: {
      day: slice(i.day, imp.rows),
      tenure: slice(i.tenure, imp.rows),
      platform: codes(imp, 'platform'),
      region: codes(imp, 'region'),
      interest: codes(imp, 'user_interest'),
      aesthetic: codes(imp, 'aesthetic'),
      clickLogged: slice(i.clickLogged, imp.rows),
      save: slice(i.save, imp.rows),
      hide: slice(i.hide, imp.rows),
      rating: slice(i.rating, imp.rows),
    },
    requests: {
      day: slice(req.columns.day, req.rows),
      tenure: slice(req.columns.tenure, req.rows),
      region: codes(req, 'region'),
      depth: slice(req.columns.depth, req.rows),
    },
  };
}

const CHUNK = 2048; // DuckDB's vector size: one data chunk per 2,048 rows

export async function loadDuckDb(tables: Record<PeerTable, Record<string, Col>>): Promise<{ connection: DuckDBConnection; close: () => void }> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  for (const [name, columns] of Object.entries(tables)) {
    const names = Object.keys(columns);
    const types = names.map((n) => (columns[n] instanceof Int8Array ? TINYINT : UTINYINT));
    await connection.run(`CREATE TABLE ${name} (${names.map((n, k) => `${n} ${types[k].toString()}`).join(', ')})`);
    const appender = await connection.createAppender(name);
    const rows = columns[names[0]].length;
    for (let start = 0; start < rows; start += CHUNK) {
      const end = Math.min(rows, start + CHUNK);
      const chunk = DuckDBDataChunk.create(types, end - start);
      chunk.setColumns(names.map((n) => Array.from(columns[n].subarray(start, end))));
      appender.appendDataChunk(chunk);
    }
    appender.closeSync();
  }
  return {
    connection,
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

export function loadArquero(tables: Record<PeerTable, Record<string, Col>>): Record<PeerTable, ColumnTable> {
  return Object.fromEntries(Object.entries(tables).map(([name, columns]) => [name, aq.table(columns)])) as Record<PeerTable, ColumnTable>;
}
