// Reading a YAML file as plain data and nothing more: the core schema (no custom tags, no
// `!!js` types — loading never executes anything), one document, unique keys, a size limit, an
// alias-expansion limit, and no keys that name JavaScript object internals.
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { clip, type Path } from './errors.ts';
import { FORBIDDEN_KEYS, MAX_ALIAS_COUNT, MAX_DEPTH, MAX_FILE_BYTES, tooLargeMessage } from './limits.ts';
import { tooDeep } from './nesting.ts';

/** An error at an offset of the source, before it is turned into line and column. */
export interface RawError {
  offset: number;
  path: Path;
  message: string;
}

const UNCLOSED = 'this quoted string is never closed';
const TAGS = 'YAML tags';

/**
 * Parses the text; `doc` is null when the YAML itself is broken (its errors say where).
 * `tagged`: the paths of values that carried a YAML tag (reported here; not checked further).
 * `kind` names the file in a size error ("scenario files", "transcripts").
 */
export function parseYaml(text: string, kind?: string): { doc: Document | null; errors: RawError[]; tagged: Path[] } {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_FILE_BYTES) return { doc: null, errors: [{ offset: 0, path: [], message: tooLargeMessage(bytes, kind) }], tagged: [] };
  // YAML 1.1 would decode !!binary, !!set, !!omap and !!timestamp values while parsing: only the
  // 1.2 core schema is read, where such a tag is one error and its value stays text.
  const directive = /^%YAML[ \t]+(\S+)/m.exec(text);
  if (directive && directive[1] !== '1.2') {
    return { doc: null, errors: [{ offset: directive.index, path: [], message: `YAML ${clip(directive[1])} is not read; scenario files are YAML 1.2: remove the "%YAML" line` }], tagged: [] };
  }
  // The parser recurses once per level: a file nested thousands deep must stop before it does.
  const deep = tooDeep(text, MAX_DEPTH);
  if (deep !== null) return { doc: null, errors: [{ offset: deep, path: [], message: `nested more than ${MAX_DEPTH} levels deep` }], tagged: [] };
  const doc = parseDocument(text, {
    schema: 'core',
    customTags: [],
    merge: false,
    prettyErrors: false,
    strict: true,
    uniqueKeys: true,
    keepSourceTokens: false,
  });
  const toError = (e: (typeof doc.errors)[number]) => syntaxError(text, doc, e.code, e.message, e.pos[0], e.pos[1]);
  if (doc.errors.length) return { doc: null, errors: untilUnclosedQuote(doc.errors.map(toError)), tagged: [] };
  // Warnings leave the structure intact: report them beside the schema errors. (Tags are
  // reported by checkNodes, with the path.)
  const errors = doc.warnings.filter((w) => w.code !== 'TAG_RESOLVE_FAILED').map(toError);
  const nodeErrors = checkNodes(text, doc.contents, [], 0);
  errors.push(...nodeErrors);
  return { doc, errors, tagged: nodeErrors.filter((e) => e.message.startsWith(TAGS)).map((e) => e.path) };
}

/** The document as plain data, expanding at most MAX_ALIAS_COUNT aliases. */
export function toData(doc: Document): { data: unknown; error?: RawError } {
  try {
    return { data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (e) {
    if (!(e instanceof ReferenceError)) throw e;
    const first = firstAlias(doc.contents, []);
    return {
      data: undefined,
      error: {
        offset: first?.offset ?? 0,
        path: first?.path ?? [],
        message: `YAML aliases expand too far (more than ${MAX_ALIAS_COUNT} expansions); write the values out instead of nesting aliases`,
      },
    };
  }
}

function syntaxError(text: string, doc: Document, code: string, message: string, from: number, to: number): RawError {
  if (code === 'DUPLICATE_KEY') {
    const key = /^[^:\n]*/.exec(text.slice(from, from + 200))![0].trim() || text.slice(from, Math.min(to, from + 200));
    return { offset: from, path: [], message: `the key "${clip(key)}" appears twice in the same mapping` };
  }
  if (code === 'MULTIPLE_DOCS') return { offset: from, path: [], message: 'a scenario file holds one YAML document; remove the "---" separator' };
  if (code === 'MISSING_CHAR' && /quote/i.test(message)) {
    // Point at where the unclosed string starts, not at the end of the file where the parser gave up.
    const quote = openQuoteBefore(doc.contents, from);
    if (quote) return { ...quote, message: `${UNCLOSED} (missing closing quote)` };
  }
  // The parser quotes the token it choked on: a 200 kB token is cut.
  const said = message.replace(/\s+/g, ' ').trim().replace(/"([^"]{40,})"/g, (_, token: string) => `"${clip(token)}"`);
  return { offset: from, path: [], message: `YAML syntax: ${said}` };
}

/** After a string that never closes, the rest of the file is inside it: later errors are noise. */
function untilUnclosedQuote(errors: RawError[]): RawError[] {
  const quote = errors.find((e) => e.message.startsWith(UNCLOSED));
  return quote ? errors.filter((e) => e === quote || e.offset < quote.offset) : errors;
}

function openQuoteBefore(node: unknown, offset: number): { offset: number; path: Path } | undefined {
  let found: { offset: number; path: Path } | undefined;
  const visit = (n: unknown, path: Path) => {
    if (isScalar(n) && (n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE') && n.range && n.range[1] >= offset) {
      if (!found || n.range[0] < found.offset) found = { offset: n.range[0], path };
    } else if (isMap(n)) n.items.forEach((p) => visit(p.value, [...path, isScalar(p.key) ? String(p.key.value) : '?']));
    else if (isSeq(n)) n.items.forEach((item, i) => visit(item, [...path, i]));
  };
  visit(node, []);
  return found;
}

/** Tags, non-text keys, forbidden keys (removed once reported) and excessive nesting. */
function checkNodes(text: string, node: unknown, path: Path, depth: number): RawError[] {
  const errors: RawError[] = [];
  const at = (n: unknown) => (n as Node | null)?.range?.[0] ?? 0;
  if (depth > MAX_DEPTH) return [{ offset: at(node), path, message: `nested more than ${MAX_DEPTH} levels deep` }];
  if ((isScalar(node) || isMap(node) || isSeq(node)) && node.tag) {
    // The node starts after its tag: point at the tag itself.
    let tag = text.lastIndexOf('!', at(node));
    while (tag > 0 && !/[\s[{,]/.test(text[tag - 1])) tag--;
    errors.push({
      offset: tag >= 0 ? tag : at(node),
      path,
      message: `${TAGS} (${clip(node.tag.replace('tag:yaml.org,2002:', '!!'))}) are not allowed; scenario files hold plain data`,
    });
  }
  if (isMap(node)) {
    for (const pair of [...node.items]) {
      if (!isScalar(pair.key) || typeof pair.key.value === 'object') {
        errors.push({ offset: at(pair.key), path, message: 'keys must be plain text' });
        continue;
      }
      const key = String(pair.key.value);
      if (FORBIDDEN_KEYS.includes(key)) {
        errors.push({ offset: at(pair.key), path: [...path, key], message: `the key "${clip(key)}" is not allowed (it names a JavaScript object internal)` });
        node.items.splice(node.items.indexOf(pair), 1);
        continue;
      }
      if (pair.key.tag) errors.push(...checkNodes(text, pair.key, [...path, key], depth + 1));
      errors.push(...checkNodes(text, pair.value, [...path, key], depth + 1));
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => errors.push(...checkNodes(text, item, [...path, i], depth + 1)));
  }
  return errors;
}

function firstAlias(node: unknown, path: Path): { offset: number; path: Path } | undefined {
  if (isAlias(node)) return { offset: node.range?.[0] ?? 0, path };
  if (isMap(node)) {
    for (const pair of node.items) {
      const found = firstAlias(pair.value, [...path, isScalar(pair.key) ? String(pair.key.value) : '?']);
      if (found) return found;
    }
  } else if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const found = firstAlias(node.items[i], [...path, i]);
      if (found) return found;
    }
  }
  return undefined;
}
