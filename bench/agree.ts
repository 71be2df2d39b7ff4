// Checking a peer's answer against Faultline's: the same cells, counts exactly, values to 1e-6
// (relative to the value when it is above 1).
export type Cells = Map<string, { n: number; v: number }>;

export function agreement(reference: Cells, other: Cells): { ok: boolean; summary: string } {
  let worst = 0;
  const missing = [...reference.keys()].filter((k) => !other.has(k));
  const extra = [...other.keys()].filter((k) => !reference.has(k));
  let countsOff = 0;
  for (const [key, a] of reference) {
    const b = other.get(key);
    if (!b) continue;
    if (a.n !== b.n) countsOff++;
    worst = Math.max(worst, Math.abs(a.v - b.v) / Math.max(1, Math.abs(a.v)));
  }
  const ok = missing.length === 0 && extra.length === 0 && countsOff === 0 && worst <= 1e-6;
  const problems = [
    missing.length && `${missing.length} cells missing`,
    extra.length && `${extra.length} extra cells`,
    countsOff && `${countsOff} counts differ`,
  ].filter(Boolean);
  return { ok, summary: `${reference.size} cells, max |Δ| ${worst.toExponential(1)}${problems.length ? ', ' + problems.join(', ') : ''}` };
}
