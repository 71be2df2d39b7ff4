// Completion and hover for scenario YAML, driven by the JSON Schema generated from the scenario
// format's zod schema (the same one editors get): which keys an object takes, which values a
// field takes, and what each means. The path at the cursor is read from indentation (the block
// style scenario files are written in) — a file being typed is seldom valid YAML, so it is never
// parsed whole. (codemirror-json-schema does this too, but renders hovers with a WebAssembly
// highlighter the app's Content-Security-Policy forbids.)

/** The JSON Schema subset the scenario schema uses. */
export interface SchemaNode {
  type?: string | string[];
  description?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode | SchemaNode[];
  prefixItems?: SchemaNode[];
  additionalProperties?: SchemaNode | boolean;
  oneOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  allOf?: SchemaNode[];
  enum?: unknown[];
  const?: unknown;
  propertyNames?: SchemaNode;
}

/** A step of the path: a key, or any item of a list. */
export type Step = string | { item: true };

export interface Place {
  path: Step[];
  /** Typing a key (at `from`), or the value of `key`. */
  mode: 'key' | 'value';
  key?: string;
  /** Where the word being typed starts (an offset in the text). */
  from: number;
  /** Keys already in the object at the cursor. */
  siblings: Record<string, string>;
  /** Keys already in each object along the path, outermost first (for choosing an alternative by its `kind`). */
  levels: Record<string, string>[];
}

export interface Suggestion {
  label: string;
  type: 'property' | 'enum';
  detail?: string;
  info?: string;
}

const KEY_LINE = /^(\s*)(-\s+)?([A-Za-z_][\w-]*):\s*(.*)$/;

interface Line {
  indent: number;
  /** Column where the line's key starts (after a `- `). */
  keyColumn: number;
  item: boolean;
  key: string | null;
  value: string;
}

function readLine(text: string): Line {
  const m = KEY_LINE.exec(text);
  if (m) {
    const indent = m[1].length;
    return { indent, keyColumn: indent + (m[2]?.length ?? 0), item: Boolean(m[2]), key: m[3], value: m[4].replace(/\s+#.*$/, '').trim() };
  }
  const item = /^(\s*)-(\s+|$)/.exec(text);
  const indent = /^\s*/.exec(text)![0].length;
  return { indent, keyColumn: item ? indent + item[0].length - item[1].length : indent, item: Boolean(item), key: null, value: text.trim() };
}

const isBlank = (line: string) => /^\s*(#.*)?$/.test(line);

/**
 * The path of the object holding column `column` of line `row`, and the keys each object along
 * it already has (outermost first: one more than the path's steps): each line above with less
 * indentation that opens a block (`key:` with nothing after it) or starts a list item.
 */
function pathAbove(lines: string[], row: number, column: number): { path: Step[]; levels: Record<string, string>[] } {
  const path: Step[] = [];
  const levels: Record<string, string>[] = [];
  let keys: Record<string, string> = {};
  let bound = column;
  const item = (indent: number) => {
    path.unshift({ item: true });
    levels.unshift(keys);
    keys = {};
    bound = indent;
  };
  for (let r = row - 1; r >= 0; r--) {
    if (isBlank(lines[r])) continue;
    const l = readLine(lines[r]);
    if (l.keyColumn > bound) continue; // inside a sibling's block
    if (l.keyColumn === bound) {
      // The same object: a sibling key, or the dash line that starts it as a list item.
      if (l.key) keys[l.key] = l.value;
      if (l.item) item(l.indent);
      continue;
    }
    if (l.item && !l.key) {
      item(l.indent);
      continue;
    }
    if (!l.key || l.value !== '') break; // a key with an inline value holds no block below it
    // `key:` opening the block the cursor is in; its object is the next level out.
    path.unshift(l.key);
    levels.unshift(keys);
    keys = { [l.key]: '' };
    bound = l.keyColumn;
    if (l.item) item(l.indent);
  }
  levels.unshift(keys);
  return { path, levels };
}

/** Where the cursor is: the object's path and whether a key or a value is being typed. */
export function placeAt(text: string, offset: number): Place {
  const before = text.slice(0, offset);
  const lines = text.split('\n');
  const row = before.split('\n').length - 1;
  const typed = before.slice(before.lastIndexOf('\n') + 1);
  const value = /^(\s*)(-\s+)?([A-Za-z_][\w-]*):\s+([\w.-]*)$/.exec(typed);
  const key = value ? null : /^(\s*)(-\s+)?([\w-]*)$/.exec(typed);
  const m = value ?? key;
  // A line starting "- " starts a new item: the list is found from the dash, the item is new.
  const column = m ? m[1].length + (m[2]?.length ?? 0) : typed.length;
  const { path, levels } = pathAbove(lines, row, m?.[2] ? m[1].length : column);
  if (m?.[2]) {
    path.push({ item: true });
    levels.push({});
  }
  const siblings = levels[levels.length - 1];
  if (value) return { path, levels, mode: 'value', key: value[3], from: offset - value[4].length, siblings };
  return { path, levels, mode: 'key', from: offset - (key?.[3].length ?? 0), siblings };
}

/** The alternatives a node stands for (oneOf/anyOf), narrowed by a sibling `kind`/`type` when given. */
function alternatives(node: SchemaNode, siblings: Record<string, string>): SchemaNode[] {
  const options = node.oneOf ?? node.anyOf;
  if (!options) return [node];
  const flat = options.flatMap((o) => alternatives(o, {}));
  for (const tag of ['kind', 'type']) {
    const value = siblings[tag]?.replace(/^["']|["']$/g, '');
    if (!value) continue;
    const chosen = flat.filter((o) => o.properties?.[tag]?.const === value);
    if (chosen.length) return chosen;
  }
  return flat;
}

/** The schema at `path` (alternatives chosen by each level's `kind`/`type`, merged where none says). */
export function schemaAt(root: SchemaNode, path: Step[], levels: Record<string, string>[] = []): SchemaNode[] {
  let nodes = alternatives(root, levels[0] ?? {});
  path.forEach((step, i) => {
    nodes = nodes
      .flatMap((n) => {
        if (typeof step === 'string') {
          const p = n.properties?.[step] ?? (typeof n.additionalProperties === 'object' ? n.additionalProperties : undefined);
          return p ? [p] : [];
        }
        const items = n.items ?? n.prefixItems;
        return Array.isArray(items) ? items : items ? [items] : [];
      })
      .flatMap((n) => alternatives(n, levels[i + 1] ?? {}));
  });
  return nodes;
}

const firstLine = (s: string | undefined) => s?.split('\n')[0];

/** What may be typed at the cursor: the object's keys, or the field's values. */
export function suggestionsAt(root: SchemaNode, text: string, offset: number): { from: number; options: Suggestion[] } {
  const place = placeAt(text, offset);
  const options: Suggestion[] = [];
  const seen = new Set<string>();
  const add = (s: Suggestion) => {
    if (!seen.has(s.label)) {
      seen.add(s.label);
      options.push(s);
    }
  };
  if (place.mode === 'key') {
    for (const node of schemaAt(root, place.path, place.levels)) {
      for (const [key, p] of Object.entries(node.properties ?? {})) {
        if (key in place.siblings) continue;
        add({ label: key, type: 'property', detail: firstLine(p.description), info: p.description });
      }
      for (const v of valuesOf(node.propertyNames)) add({ label: v, type: 'property' });
    }
  } else {
    for (const node of schemaAt(root, [...place.path, place.key!], [...place.levels, {}])) {
      for (const v of valuesOf(node)) add({ label: v, type: 'enum' });
      for (const alt of alternatives(node, {})) {
        if (alt.const !== undefined && typeof alt.const === 'string') add({ label: alt.const, type: 'enum', detail: firstLine(alt.description), info: alt.description });
      }
    }
  }
  return { from: place.from, options };
}

function valuesOf(node: SchemaNode | undefined): string[] {
  if (!node) return [];
  const out: string[] = [];
  for (const alt of alternatives(node, {})) {
    for (const v of alt.enum ?? []) if (typeof v === 'string' || typeof v === 'number') out.push(String(v));
    if (typeof alt.const === 'string') out.push(alt.const);
    if (alt.type === 'boolean') out.push('true', 'false');
  }
  return out;
}

/** What the key under the cursor means (its description), or null. */
export function describeAt(root: SchemaNode, text: string, offset: number): { from: number; to: number; key: string; text: string } | null {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  const m = KEY_LINE.exec(line);
  if (!m) return null;
  const keyFrom = lineStart + m[1].length + (m[2]?.length ?? 0);
  const keyTo = keyFrom + m[3].length;
  if (offset < keyFrom || offset > keyTo) return null;
  const place = placeAt(text, keyFrom);
  const nodes = schemaAt(root, [...place.path, m[3]], [...place.levels, {}]);
  const description = nodes.map((n) => n.description).find(Boolean);
  return description ? { from: keyFrom, to: keyTo, key: m[3], text: description } : null;
}
