// A transcript's filter or segment keeps day values as numbers; the sim's queries and the
// engine's comparisons read every value as text. One conversion, used wherever a move's filter
// meets a query.
type Values = readonly (string | number)[] | undefined;

export function asFilter(f: Record<string, Values>): Record<string, string[]>;
export function asFilter(f: Record<string, Values> | undefined): Record<string, string[]> | undefined;
export function asFilter(f: Record<string, Values> | undefined): Record<string, string[]> | undefined {
  return f && Object.fromEntries(Object.entries(f).map(([k, v]) => [k, (v ?? []).map(String)]));
}
