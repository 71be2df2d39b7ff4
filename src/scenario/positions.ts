// From a path in the loaded value (`faults[0].params.rate`) back to a place in the YAML text:
// the value, or the key when asked, or — for something missing — the key of the mapping that
// should have held it.
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { Path } from './errors.ts';

export interface Locate {
  /** Point at the key of the last path segment instead of its value. */
  atKey?: boolean;
  /** Point at this text inside the value, when found there. */
  find?: string;
}

/** Offset in `source` of the place `path` names in `doc`. */
export function locate(doc: Document, source: string, path: Path, options: Locate = {}): number {
  let node: unknown = doc.contents;
  let anchor: Node | null = null; // the key (or list item) of the deepest part found so far
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return start(anchor ?? node);
      const key = pair.key as Node;
      if (last && options.atKey) return start(key);
      if (!pair.value) return start(key);
      anchor = key;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
      node = node.items[segment];
      anchor = node as Node;
    } else {
      return start((node as Node | null) ?? anchor);
    }
  }
  const at = start(node as Node | null);
  if (options.find && isScalar(node) && node.range) {
    const inside = source.slice(node.range[0], node.range[1]).indexOf(options.find);
    if (inside >= 0) return node.range[0] + inside;
  }
  return at;
}

function start(node: Node | null | undefined): number {
  return node?.range?.[0] ?? 0;
}
