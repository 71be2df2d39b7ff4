// One pass from YAML text to a checked value or to every error in it, each at file:line:col. The
// same reader serves scenario files and transcripts (JSON is YAML).
import { LineCounter, type Document } from 'yaml';
import type { z } from 'zod';
import { formatPath, sortErrors, type Path, type ScenarioError } from './errors.ts';
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
}

export function validateYaml<S extends z.ZodType>(
  text: string,
  fileName: string,
  schema: S,
  options: ValidateOptions = {},
): Validated<z.output<S>> {
  const lines = lineIndex(text);
  const at = (e: RawError): ScenarioError => ({ file: fileName, ...lines(e.offset), path: formatPath(e.path), message: e.message });
  const fail = (errors: RawError[]): Validated<z.output<S>> => ({ ok: false, errors: sortErrors(errors.map(at)) });

  const { doc, errors } = parseYaml(text);
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
    for (const r of issueReports(parsed.error.issues, data, knownKeys)) {
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
  const { doc } = parseYaml(text);
  return lineIndex(text)(doc ? locate(doc, text, path) : 0);
}
