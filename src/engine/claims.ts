// Rule: a claim holds in a world when the metric's change between its two stretches of days is
// within `within` of the change it states — and, when the stated range leaves out zero, when
// that change is larger than the noise (a candidate who checks the same slice must see it).
// At the file's seed its `values` must also be the world's before and after as the app writes
// them. Every check reports the world's own numbers, so an author sees what to write.
import { sameWritten, type Claim } from '../scenario/claims.ts';
import { formatChange, formatSigned, formatValue } from '../sim/query/format.ts';
import { runQuery } from '../sim/query/query.ts';
import { isQueryError } from '../sim/query/spec.ts';
import type { World } from '../sim/world/world.ts';
import { asFilter } from './filter.ts';

/**
 * A stated change must stand out this far from the noise: the app draws 95% intervals, so a
 * candidate comparing the two stretches sees a change of two standard errors as a difference.
 */
export const CLAIM_Z = 2;

export interface ClaimCheck {
  claim: Claim;
  /** The metric over each stretch (null: no data, or the query cannot be made). */
  before: number | null;
  after: number | null;
  /** after / before − 1. */
  change: number | null;
  /** How many standard errors the change is. */
  z: number | null;
  /** The two values as the app writes them (what `values` must say at the file's seed). */
  written: [string, string] | null;
  ok: boolean;
  /** Why it fails, one sentence each. */
  problems: string[];
}

export interface ClaimOptions {
  /** The world is at the scenario file's seed: `values` are checked too. */
  fileSeed: boolean;
}

const points = (x: number) => `${(x * 100).toFixed(1).replace(/\.0$/, '')}%`;

export function checkClaim(world: World, claim: Claim, options: ClaimOptions): ClaimCheck {
  const measure = (window: [number, number]) => runQuery(world, { metric: claim.metric, filter: asFilter(claim.filter ?? {}), window });
  let before, after;
  try {
    [before, after] = claim.compare.map(measure);
  } catch (error) {
    if (!isQueryError(error)) throw error;
    const problem = `cannot be measured: ${error.message}`;
    return { claim, before: null, after: null, change: null, z: null, written: null, ok: false, problems: [problem] };
  }
  const b = before.cells[0], a = after.cells[0];
  const unit = before.metric.unit;
  if (b?.value == null || a?.value == null || b.value === 0) {
    const problem = `has no data in ${b?.value == null ? 'the first' : a?.value == null ? 'the second' : 'the first (it is 0)'} stretch of days`;
    return { claim, before: b?.value ?? null, after: a?.value ?? null, change: null, z: null, written: null, ok: false, problems: [problem] };
  }
  const change = a.value / b.value - 1;
  const se = b.se !== null && a.se !== null ? Math.hypot(a.se, b.se) : null;
  const z = se ? (a.value - b.value) / se : null;
  const written: [string, string] = [formatValue(b.value, unit), formatValue(a.value, unit)];
  const problems: string[] = [];
  const off = Math.abs(change - claim.change);
  if (off > claim.within + 1e-12) {
    problems.push(`the world says ${formatChange(change)}, ${points(off)} from the stated ${formatChange(claim.change)} (allowed: ${points(claim.within)})`);
  }
  const excludesZero = Math.abs(claim.change) > claim.within;
  if (excludesZero && z !== null && Math.abs(z) < CLAIM_Z) {
    problems.push(
      `the world's ${formatChange(change)} is within the noise (z ${formatSigned(z)}, under ${CLAIM_Z}): a candidate who checks this slice sees no difference`,
    );
  }
  if (options.fileSeed && claim.values && !(sameWritten(claim.values[0], written[0]) && sameWritten(claim.values[1], written[1]))) {
    problems.push(`the briefing writes ${claim.values.join(' → ')}, the world has ${written.join(' → ')}`);
  }
  return { claim, before: b.value, after: a.value, change, z, written, ok: problems.length === 0, problems };
}

export function checkClaims(world: World, claims: readonly Claim[], options: ClaimOptions): ClaimCheck[] {
  return claims.map((claim) => checkClaim(world, claim, options));
}

/** One line per check: ✓ or ✗, what the briefing says, the world's numbers. */
export function describeClaimCheck(check: ClaimCheck): string {
  const { claim } = check;
  const stated = `stated ${formatChange(claim.change)} ± ${points(claim.within)}`;
  const world = check.written ? `${check.written[0]} → ${check.written[1]} (${formatChange(check.change)}, z ${check.z === null ? '—' : formatSigned(check.z)})` : 'no number';
  return `${check.ok ? '✓' : '✗'} ${claim.says}: ${world}; ${stated}${check.ok ? '' : ` — ${check.problems.join('; ')}`}`;
}
