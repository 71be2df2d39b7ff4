// Files written today keep loading as the format grows: each step rewrites a document of one
// schemaVersion into the next, on the YAML tree itself, so that error positions still point
// into the file as the author wrote it.
import { isMap, isScalar, isSeq, type Document, type YAMLMap } from 'yaml';
import type { RawError } from './yamlReader.ts';
import { CURRENT_SCHEMA_VERSION } from './version.ts';

export interface Migration {
  from: number;
  to: number;
  /** What changed, in an author's words. */
  summary: string;
  up(doc: Document): void;
}

/** Renames `from` to `to` in a mapping, keeping its place (and its position in the file). */
function renameKey(map: unknown, from: string, to: string): void {
  if (!isMap(map) || map.has(to)) return;
  const pair = (map as YAMLMap).items.find((p) => isScalar(p.key) && p.key.value === from);
  if (pair && isScalar(pair.key)) pair.key.value = to;
}

function eachItem(doc: Document, key: string, fn: (item: unknown) => void): void {
  const list = doc.get(key, true);
  if (isSeq(list)) list.items.forEach(fn);
}

/** One step per version, in order: MIGRATIONS[i] takes version i to version i + 1. */
export const MIGRATIONS: readonly Migration[] = [
  {
    from: 0,
    to: 1,
    summary: 'faults[].onset and distractors[].onset are now onsetDay',
    up(doc) {
      eachItem(doc, 'faults', (f) => renameKey(f, 'onset', 'onsetDay'));
      eachItem(doc, 'distractors', (d) => renameKey(d, 'onset', 'onsetDay'));
    },
  },
];

export const OLDEST_SCHEMA_VERSION = MIGRATIONS.length ? MIGRATIONS[0].from : CURRENT_SCHEMA_VERSION;

/**
 * Brings `doc` to CURRENT_SCHEMA_VERSION in place. Returns the version it was written in, or an
 * error when no step reaches it (a newer format, or a version that never existed). A missing or
 * non-integer schemaVersion is left for the schema to report.
 */
export function migrate(doc: Document): { from?: number; error?: RawError } {
  const node = doc.get('schemaVersion', true);
  if (!isMap(doc.contents) || !isScalar(node) || typeof node.value !== 'number' || !Number.isInteger(node.value)) return {};
  const from = node.value;
  const offset = node.range?.[0] ?? 0;
  if (from > CURRENT_SCHEMA_VERSION) {
    return {
      from,
      error: {
        offset,
        path: ['schemaVersion'],
        message: `${from} is newer than this Faultline reads (${CURRENT_SCHEMA_VERSION}); update Faultline to load this file`,
      },
    };
  }
  if (from < OLDEST_SCHEMA_VERSION) {
    const message = `${from} is not a format version; Faultline reads ${OLDEST_SCHEMA_VERSION} … ${CURRENT_SCHEMA_VERSION}`;
    return { from, error: { offset, path: ['schemaVersion'], message } };
  }
  for (let v = from; v < CURRENT_SCHEMA_VERSION; v++) {
    const step = MIGRATIONS.find((m) => m.from === v);
    if (!step) throw new Error(`no migration from schemaVersion ${v}`);
    step.up(doc);
  }
  node.value = CURRENT_SCHEMA_VERSION;
  return { from };
}
