// How deep a YAML text nests, estimated before parsing: the parser (and every walk of the tree
// after it) recurses once per level, so a file nested thousands of levels deep would exhaust the
// stack before any check could speak. The estimate never counts less than the true depth: flow
// brackets, block indentation levels and `- ` markers that open a level on the line they share.
// It can count more (a plain scalar continued on more indented lines), so it only stops files
// past twice the limit; the exact limit is checked on the parsed tree (yamlReader.ts).

const BLOCK_SCALAR = /(?:^|[\s:])[|>][1-9]?[+-]?[1-9]?\s*$/;

/** The offset where the estimated depth first exceeds 2 × `max`, or null when it never does. */
export function tooDeep(text: string, max: number): number | null {
  const limit = 2 * max;
  let flow = 0;
  const indents: number[] = [];
  /** Inside a block scalar (`|`, `>`): its lines are text, up to a line indented no more than this. */
  let blockScalar: number | null = null;
  let quote: '"' | "'" | null = null;
  for (let lineStart = 0; lineStart < text.length; ) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let i = lineStart;
    while (i < lineEnd && text[i] === ' ') i++;
    const indent = i - lineStart;
    const blank = i === lineEnd || text[i] === '#';
    if (blockScalar !== null && (blank || indent > blockScalar)) {
      lineStart = lineEnd + 1;
      continue;
    }
    blockScalar = null;
    if (!quote && flow === 0 && !blank) {
      while (indents.length && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
      // `- - - x`: each marker opens a level on this line.
      for (let j = i; text[j] === '-' && (text[j + 1] === ' ' || j + 1 === lineEnd); j += 2) indents.push(j + 2 - lineStart);
    }
    let content = lineEnd;
    /** The last character before this one on the line, spaces aside ('' at the line's start). */
    let prev = '';
    for (let j = i; j < lineEnd; prev = text[j] === ' ' ? prev : text[j], j++) {
      const c = text[j];
      if (quote) {
        if (c === '\\' && quote === '"') j++;
        else if (c === quote && quote === "'" && text[j + 1] === "'") j++;
        else if (c === quote) quote = null;
        continue;
      }
      if (c === '#' && (j === i || text[j - 1] === ' ' || text[j - 1] === '\t')) {
        content = j;
        break;
      }
      // A quote opens a string only where a value starts (it's: an apostrophe in plain text).
      if ((c === '"' || c === "'") && (prev === '' || ':-[{,?'.includes(prev))) quote = c;
      else if (c === '[' || c === '{') {
        flow++;
        if (indents.length + flow > limit) return j;
      } else if ((c === ']' || c === '}') && flow > 0) flow--;
    }
    if (indents.length + flow > limit) return lineStart + indent;
    // A block scalar header (`key: |`, `- >-`, `|2`) ends its line: the lines after it are text.
    if (!quote && flow === 0 && BLOCK_SCALAR.test(text.slice(i, content))) blockScalar = indent;
    lineStart = lineEnd + 1;
  }
  return null;
}
