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
  /** Set on the last entry of a capped list: how many errors it stands for, not shown. */
  omitted?: number;
}

/** At most this many errors are reported per file: after a broken line, later errors mostly echo it. */
export const MAX_ERRORS = 50;
/** Longest message reported: any value a message quotes is cut well before this. */
const MAX_MESSAGE = 600;
/** Longest key or value quoted back in a path or message. */
export const MAX_QUOTED = 40;

/** `text` cut to `max` characters, with an ellipsis when cut. */
export const clip = (text: string, max = MAX_QUOTED) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * The first MAX_ERRORS errors in reading order, each once; when there are more, a last entry
 * says how many more (at the first one not shown), so a file with one stray line near the top
 * does not flood the terminal or the app with its echoes.
 */
export function capErrors(errors: ScenarioError[]): ScenarioError[] {
  const sorted = sortErrors(errors).map((e) => (e.message.length > MAX_MESSAGE ? { ...e, message: clip(e.message, MAX_MESSAGE) } : e));
  if (sorted.length <= MAX_ERRORS) return sorted;
  const next = sorted[MAX_ERRORS];
  const omitted = sorted.length - MAX_ERRORS;
  return [
    ...sorted.slice(0, MAX_ERRORS),
    {
      file: next.file,
      line: next.line,
      col: next.col,
      path: '',
      message: `and ${omitted.toLocaleString('en')} more error${omitted === 1 ? '' : 's'} not shown; fix the first ones — later errors often follow from them`,
      omitted,
    },
  ];
}

/** `faults[0].params.rate` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(String(segment))) out += (out ? '.' : '') + clip(String(segment));
    else out += `[${JSON.stringify(clip(String(segment)))}]`;
  }
  // A path 60 levels deep still names where it starts and where it ends.
  return out.length > 200 ? `${out.slice(0, 60)}…${out.slice(-120)}` : out;
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
