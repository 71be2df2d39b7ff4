// A scenario error is one line a person can act on: `file:line:col: path.to.field: message`.

export type Path = (string | number)[];

export interface ScenarioError {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  col: number;
  /** `faults[0].params.rate`; empty for an error about the file as a whole (size, YAML syntax). */
  path: string;
  message: string;
}

/** `faults[0].params.rate` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(String(segment))) out += (out ? '.' : '') + String(segment);
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

export function formatError(e: ScenarioError): string {
  return `${e.file}:${e.line}:${e.col}: ${e.path ? e.path + ': ' : ''}${e.message}`;
}

/** Errors in reading order, each reported once. */
export function sortErrors(errors: ScenarioError[]): ScenarioError[] {
  const seen = new Set<string>();
  return [...errors]
    .sort((a, b) => a.line - b.line || a.col - b.col)
    .filter((e) => {
      const key = formatError(e);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
