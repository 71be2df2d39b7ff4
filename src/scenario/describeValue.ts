// How a value from a file is quoted back in an error: short, in the author's terms (YAML words,
// not JavaScript ones), so the author recognises what they wrote.

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') {
    const short = value.length > 40 ? value.slice(0, 37) + '…' : value;
    return `"${short.replace(/\n/g, '\\n')}"`;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return typeof value;
}

/** "a number", "a list" … for zod's expected-type names. */
export function expectedName(expected: string): string {
  const names: Record<string, string> = {
    number: 'a number',
    int: 'a whole number',
    string: 'text',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping (key: value)',
    record: 'a mapping (key: value)',
  };
  return names[expected] ?? expected;
}
