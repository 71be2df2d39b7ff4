// One pass from YAML text to a checked value or to every error in it, each at file:line:col. The
// same reader serves scenario files and transcripts (JSON is YAML).
import { LineCounter, type Document } from 'yaml';
import type { z } from 'zod';
import { capErrors, formatPath, type Path, type ScenarioError } from './errors.ts';
import { scenarioErrorMap, type KnownKeys } from './issueMessages.ts';
import { issueReports } from './issueReports.ts';
import { locate } from './positions.ts';
import { parseYaml, toData, type RawError } from './yamlReader.ts';

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: ScenarioError[] };

export interface ValidateOptions {
  /** Rewrites the document before it is checked (schema migrations); an error stops the checks. */
  prepare?: (doc: Document) => RawError | undefined;
  /** Said when the file is empty. */
  emptyMessage?: string;
  /** What the file is, in size errors ("scenario files", "transcripts"). */
  kind?: string;
}

export function validateYaml<S extends z.ZodType>(
  text: string,
  fileName: string,
  schema: S,
  options: ValidateOptions = {},
): Validated<z.output<S>> {
  // Old Mac line endings (CR alone) are line breaks too: YAML itself only knows LF and CRLF.
  text = text.replace(/\r\n?/g, '\n');
  const lines = lineIndex(text);
  const at = (e: RawError): ScenarioError => ({ file: fileName, ...lines(e.offset), path: formatPath(e.path), message: e.message });
  const fail = (errors: RawError[]): Validated<z.output<S>> => ({ ok: false, errors: capErrors(errors.map(at)) });

  const { doc, errors, tagged } = parseYaml(text, options.kind);
  if (!doc) return fail(errors);
  const stop = options.prepare?.(doc);
  if (stop) return fail([...errors, stop]);
  const { data, error } = toData(doc);
  if (error) return fail([...errors, error]);
  if (data === null || data === undefined) {
    return fail([...errors, { offset: 0, path: [], message: options.emptyMessage ?? 'the file is empty' }]);
  }

  const knownKeys: KnownKeys = new WeakMap();
  const parsed = schema.safeParse(data, { error: scenarioErrorMap(knownKeys) });
  if (!parsed.success) {
    // A tagged value is reported once, as a tag: what the tag decoded it into is not checked item by item.
    const underTag = (path: Path) => tagged.some((t) => t.length < path.length && t.every((k, i) => k === path[i]));
    for (const r of issueReports(parsed.error.issues, data, knownKeys)) {
      if (underTag(r.path)) continue;
      errors.push({ offset: locate(doc, text, r.path, r), path: r.path, message: r.message });
    }
  }
  if (errors.length) return fail(errors);
  return { ok: true, value: parsed.data as z.output<S> };
}

/** Offset → 1-based line and column. */
function lineIndex(text: string): (offset: number) => { line: number; col: number } {
  const counter = new LineCounter();
  counter.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) counter.addNewLine(i + 1);
  return (offset) => counter.linePos(Math.min(offset, text.length));
}

/** Line and column of `path` in YAML `text` (1:1 when the text cannot be read). */
export function positionOf(text: string, path: Path): { line: number; col: number } {
  text = text.replace(/\r\n?/g, '\n');
  const { doc } = parseYaml(text);
  return lineIndex(text)(doc ? locate(doc, text, path) : 0);
}
