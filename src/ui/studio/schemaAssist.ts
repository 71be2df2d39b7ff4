// Completion and hover for scenario YAML, driven by the JSON Schema generated from the scenario
// format's zod schema (the same one editors get): which keys an object takes, which values a
// field takes, and what each means. The path at the cursor is read from indentation (the block
// style scenario files are written in), then within the line from its flow collections
// (`- { kind: mix-shift, params: { tenure: … } }`, `[cottagecore, …]`) — a file being typed is
// seldom valid YAML, so it is never parsed whole. (codemirror-json-schema does this too, but renders hovers with a WebAssembly
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
  /** Typing a key (at `from`), or the value of `key` (an item of its list when `item`); `none`: nothing to offer (inside a quoted string). */
  mode: 'key' | 'value' | 'none';
  key?: string;
  item?: boolean;
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

/** A flow collection open at the cursor, on the cursor's line. */
interface Flow {
  type: 'map' | 'seq';
  /** The step from the collection holding it (the block's, for the outermost). */
  step: Step | null;
  keys: Record<string, string>;
  /** Where the entry being typed starts (after the opener or the last comma). */
  entry: number;
  /** In a map: the key whose value is being written, once its `:` is typed. */
  key: string | null;
}

/** The flow collections still open at the end of `typed` (outermost first); empty when none is. */
function openFlows(typed: string): { flows: Flow[]; start: number } {
  const flows: Flow[] = [];
  let start = -1;
  let quote: string | null = null;
  for (let i = 0; i < typed.length; i++) {
    const ch = typed[i];
    if (quote) {
      if (ch === quote) quote = null;
      continue;
    }
    const top = flows[flows.length - 1];
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#' && /\s/.test(typed[i - 1] ?? ' ')) break; // a comment runs to the end of the line
    else if (ch === '{' || ch === '[') {
      if (!top) start = i;
      const step: Step | null = !top ? null : top.type === 'seq' ? { item: true } : top.key;
      flows.push({ type: ch === '{' ? 'map' : 'seq', step, keys: {}, entry: i + 1, key: null });
    } else if (ch === '}' || ch === ']') {
      flows.pop();
      const parent = flows[flows.length - 1];
      if (parent?.type === 'map' && parent.key) parent.keys[parent.key] = '…';
    } else if (ch === ',' && top) {
      top.entry = i + 1;
      top.key = null;
    } else if (ch === ':' && top?.type === 'map' && top.key === null) {
      const name = /([A-Za-z_][\w-]*)\s*$/.exec(typed.slice(top.entry, i));
      if (name) {
        top.key = name[1];
        const value = /^\s*([^,{}[\]]*)/.exec(typed.slice(i + 1))?.[1].trim() ?? '';
        top.keys[name[1]] = value;
      }
    }
  }
  return quote ? { flows: [], start: -2 } : { flows, start };
}

/** Where the cursor is: the object's path and whether a key or a value is being typed. */
export function placeAt(text: string, offset: number): Place {
  const before = text.slice(0, offset);
  const lines = text.split('\n');
  const row = before.split('\n').length - 1;
  const typed = before.slice(before.lastIndexOf('\n') + 1);
  const { flows, start } = openFlows(typed);
  if (start === -2) return { path: [], levels: [{}], mode: 'none', from: offset, siblings: {} };
  if (flows.length) return flowPlace(lines, row, typed, flows, start, offset);
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

/** The place inside the flow collections open on the line: the block path to the line, then a step per collection. */
function flowPlace(lines: string[], row: number, typed: string, flows: Flow[], start: number, offset: number): Place {
  // What the outermost collection is the value of: a list item (`- {`), or a key (`key: {`, `- key: [`).
  const head = /^(\s*)(-\s+)?(?:([A-Za-z_][\w-]*):\s*)?$/.exec(typed.slice(0, start));
  if (!head || (!head[2] && !head[3])) return { path: [], levels: [{}], mode: 'none', from: offset, siblings: {} };
  const { path, levels } = pathAbove(lines, row, head[1].length);
  if (head[2]) {
    path.push({ item: true });
    levels.push({});
  }
  flows[0].step = head[3] ?? null; // null: the collection is the list item itself
  const steps: Step[] = [...path];
  const keys = [...levels];
  const inner = flows[flows.length - 1];
  // Each collection is one more step, with its keys as that level's — but the outermost one that
  // is the list item itself (`- {`) is the item's level, already on the path.
  const enter = (f: Flow) => {
    const own = f.type === 'map' ? f.keys : {};
    if (f.step === null) keys[keys.length - 1] = { ...keys[keys.length - 1], ...own };
    else {
      steps.push(f.step);
      keys.push(own);
    }
  };
  flows.slice(0, -1).forEach(enter);
  const entry = typed.slice(inner.entry);
  if (inner.type === 'seq') {
    // An item of the list the innermost collection is: its values are the list's items'.
    const m = /^\s*([\w.:-]*)$/.exec(entry);
    if (!m || typeof inner.step !== 'string') return { path: steps, levels: keys, mode: 'none', from: offset, siblings: {} };
    return { path: steps, levels: keys, mode: 'value', key: inner.step, item: true, from: offset - m[1].length, siblings: keys[keys.length - 1] };
  }
  enter(inner);
  const value = /^\s*([A-Za-z_][\w-]*)\s*:\s*([\w.-]*)$/.exec(entry);
  if (value) return { path: steps, levels: keys, mode: 'value', key: value[1], from: offset - value[2].length, siblings: inner.keys };
  const key = /^\s*([\w-]*)$/.exec(entry);
  if (key) return { path: steps, levels: keys, mode: 'key', from: offset - key[1].length, siblings: inner.keys };
  return { path: steps, levels: keys, mode: 'none', from: offset, siblings: inner.keys };
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
  if (place.mode === 'none') return { from: place.from, options };
  if (place.mode === 'key') {
    for (const node of schemaAt(root, place.path, place.levels)) {
      for (const [key, p] of Object.entries(node.properties ?? {})) {
        if (key in place.siblings) continue;
        add({ label: key, type: 'property', detail: firstLine(p.description), info: p.description });
      }
      for (const v of valuesOf(node.propertyNames)) add({ label: v, type: 'property' });
    }
  } else {
    const field: Step[] = [...place.path, place.key!, ...(place.item ? [{ item: true } as const] : [])];
    for (const node of schemaAt(root, field, [...place.levels, ...field.slice(place.path.length).map(() => ({}))])) {
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

/** What the key under the cursor means (its description), or null — a block key or one in a flow map. */
export function describeAt(root: SchemaNode, text: string, offset: number): { from: number; to: number; key: string; text: string } | null {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  const column = offset - lineStart;
  // The word under the cursor, followed by a colon: a key.
  const words = [...line.matchAll(/[A-Za-z_][\w-]*(?=\s*:(\s|$))/g)];
  const word = words.find((w) => w.index <= column && column <= w.index + w[0].length);
  if (!word) return null;
  const keyFrom = lineStart + word.index;
  const keyTo = keyFrom + word[0].length;
  const place = placeAt(text, keyFrom);
  if (place.mode !== 'key') return null;
  const nodes = schemaAt(root, [...place.path, word[0]], [...place.levels, {}]);
  const description = nodes.map((n) => n.description).find(Boolean);
  return description ? { from: keyFrom, to: keyTo, key: word[0], text: description } : null;
}
