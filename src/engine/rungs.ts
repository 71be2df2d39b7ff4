// Rule: the ladder is scope → stage → component → cause. A reading climbs a rung only with a
// signal the fault made: scope when the fault's signals fall in the true segment's groups (in
// another slice: in a few of its groups) and spare others shown beside them — or, for a fault
// that hits everyone, in most groups alike; stage, component and cause when the signal is on a
// metric, view or slice that speaks about the true stage, component or kind (ladderMaps.ts).
// Naming a component implies its stage.
import type { ComponentId } from '../sim/vocabulary.ts';
import type { Reading } from './evidence.ts';
import { DIMENSION_COMPONENT, isTelltale, METRIC_COMPONENTS, TELLTALE_COMPONENT, tellsKind } from './ladderMaps.ts';
import type { Signal } from './signals.ts';
import { isSegmentDimension, type Truth } from './truth.ts';

export const RUNGS = ['scope', 'stage', 'component', 'cause'] as const;
export type Rung = (typeof RUNGS)[number];

export interface Climb {
  rungs: Rung[];
  /** Segment dimensions whose affected groups this reading showed. */
  scopeDimensions: string[];
  /** The reading and signal that carry each rung (for the reason). */
  because: Partial<Record<Rung, { reading: Reading; signal: Signal }>>;
}

const faultSignals = (r: Reading) => r.signals.filter((s) => s.fromFault);
const HARD_HIT = 0.5;

export function climb(readings: Reading[], truth: Truth): Climb {
  const out: Climb = { rungs: [], scopeDimensions: [], because: {} };
  const add = (rung: Rung, reading: Reading, signal: Signal) => {
    if (!out.rungs.includes(rung)) {
      out.rungs.push(rung);
      out.because[rung] = { reading, signal };
    }
  };
  for (const reading of readings) {
    const hits = faultSignals(reading);
    if (!hits.length || truth.cause === 'no-regression') continue;
    const strongest = hits.reduce((a, s) => (Math.abs(s.faultZ) > Math.abs(a.faultZ) ? s : a));
    const dim = reading.spec.groupBy ?? null;
    if (dim && scopes(reading, truth)) {
      out.scopeDimensions.push(dim);
      // The signal to cite is the strongest one inside the true segment, when there is one.
      const values = truth.segment[dim];
      const inside = values ? hits.filter((s) => s.group !== null && values.includes(s.group)) : [];
      add('scope', reading, inside.length ? inside.reduce((a, s) => (Math.abs(s.faultZ) > Math.abs(a.faultZ) ? s : a)) : strongest);
    }
    const component = componentShown(reading, hits, truth);
    if (component) add('stage', reading, strongest);
    else if (reading.stage === truth.stage) add('stage', reading, strongest);
    if (component) {
      add('component', reading, strongest);
      if (tellsKind(truth.cause, reading)) add('cause', reading, strongest);
    }
  }
  out.rungs.sort((a, b) => RUNGS.indexOf(a) - RUNGS.indexOf(b));
  return out;
}

/** Affected groups shown: inside the true segment, with unaffected groups beside them. */
function scopes(reading: Reading, truth: Truth): boolean {
  const dim = reading.spec.groupBy!;
  const shown = new Set(reading.signals.map((s) => s.group).filter((g): g is string => g !== null));
  // Groups the fault hits hard: their fault-made part is at least half the largest one shown
  // (a significant but small change beside a large one reads as spared, as a person reads it).
  const part = (s: Signal) => Math.abs(s.effect - s.twinEffect);
  const grouped = faultSignals(reading).filter((s) => s.group !== null);
  const largest = Math.max(0, ...grouped.map(part));
  const hit = new Set(grouped.filter((s) => part(s) >= HARD_HIT * largest).map((s) => s.group!));
  const values = truth.segment[dim];
  if (!Object.keys(truth.segment).length && truth.quiet) {
    // Nobody in particular suffers and no alarm moved: the scope is the fault's mark over all
    // traffic, in a chart (not an inspector's deep dive) sliced by a kind of user or by the kind's
    // own telltale slice — over everyone, or within the fault's own source (where the expert looks).
    return reading.view === null && (isSegmentDimension(dim) || isTelltale(truth.cause, dim)) && onlyOwnFilter(reading, truth) && grouped.length > 0;
  }
  if (!Object.keys(truth.segment).length) {
    // A fault that hits everyone: seeing it in most groups of a user slice is the scope.
    return isSegmentDimension(dim) && shown.size > 1 && hit.size >= Math.ceil(shown.size / 2);
  }
  if (!values) {
    // A user slice the truth's summary left out still scopes when the fault hits a few of its groups and spares the rest.
    if (!isSegmentDimension(dim)) return false;
    return hit.size > 0 && hit.size <= shown.size / 2 && [...shown].some((g) => !hit.has(g));
  }
  const inside = [...hit].filter((g) => values.includes(g)).length;
  const spared = [...shown].some((g) => !values.includes(g) && !hit.has(g));
  return inside > 0 && inside >= hit.size - inside && spared;
}

/** Whether the reading is filtered on nothing but the fault's own source (or on nothing). */
function onlyOwnFilter(reading: Reading, truth: Truth): boolean {
  const own = truth.scopeOn?.filter ?? {};
  return Object.entries(reading.spec.filter ?? {}).every(([d, values]) => {
    const mine = own[d];
    return mine !== undefined && mine.length === values.length && mine.every((v) => values.includes(v));
  });
}

/** The true component, when the reading speaks about it. */
function componentShown(reading: Reading, hits: Signal[], truth: Truth): ComponentId | null {
  const c = truth.component;
  if (!c) return null;
  if (reading.view === 'stage_health') return null;
  if (reading.component === c) return c;
  if (METRIC_COMPONENTS[reading.metric]?.includes(c) && !reading.component) return c;
  const dim = reading.spec.groupBy;
  const named = dim ? DIMENSION_COMPONENT[dim as keyof typeof DIMENSION_COMPONENT] : undefined;
  if (named && hits.some((s) => s.group !== null && named(s.group) === c)) return c;
  if (dim && TELLTALE_COMPONENT[dim as keyof typeof TELLTALE_COMPONENT] === c && isTelltale(truth.cause, dim)) return c;
  return null;
}
