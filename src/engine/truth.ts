// Rule: the right answer comes from what was injected, never from what a learner did. Stage,
// component and cause are the primary fault's (the catalogue says where each kind lives); the
// symptom is the metric the briefing's alarm is about — the file's `answer.symptom`, else the
// outcome metric the fault moved most surely; the segment is where the footprint (factual vs
// fault-free twin) concentrates, slice by slice. A scenario's `answer` overrides any of it.
// When several faults act, every one is listed: the primary is the one the file's `answer` names
// (else the first), and a diagnosis naming another still earns part of the credit (score.ts).
import { isQueryError } from '../sim/query/spec.ts';
import type { Scenario } from '../scenario/schema.ts';
import { footprint, SIGNIFICANT_Z, type FootprintCell } from '../sim/footprint.ts';
import { runQuery } from '../sim/query/query.ts';
import type { WorldPair } from '../sim/simulate.ts';
import { USER_DIMENSIONS, type ComponentId, type FaultKind, type MetricId, type Stage } from '../sim/vocabulary.ts';
import { asFilter } from './filter.ts';

export type Segment = Record<string, string[]>;

/** One fault acting in the world, as a diagnosis would name it. */
export interface ActingFault {
  stage: Stage;
  component: ComponentId;
  cause: FaultKind;
  onsetDay: number;
}

export interface Truth {
  stage: Stage | null;
  component: ComponentId | null;
  cause: FaultKind | 'no-regression';
  /** dimension → the values that suffer; {} when the whole population does. */
  segment: Segment;
  /** The metric the briefing's alarm is about (the file's `answer.symptom`, else the outcome metric the fault moves most surely). */
  symptom: MetricId;
  onsetDay: number | null;
  /** The fault's size on the symptom in the segment, after onset (relative to the twin). */
  effect: number | null;
  /** The other faults acting besides the primary one (naming one earns part of the credit). */
  others: ActingFault[];
  /** Which fields came from the file's `answer`. */
  fromAnswer: string[];
}

/** The outcome metrics a derived symptom is chosen from (the expert path scopes on them next). */
export const OUTCOMES: MetricId[] = ['relevance', 'ctr', 'save_rate', 'hide_rate', 'session_depth'];
/** A group is affected when its change is at least this share of the largest one. */
const AFFECTED_SHARE = 0.5;
/** A slice is implied by another when this share of the other's rows falls in its values. */
const IMPLIED_SHARE = 0.98;
/** A slice scopes the fault when the unaffected groups move at most this share as much. */
const CONCENTRATION = 0.35;

export function deriveTruth(pair: WorldPair, answer?: Scenario['answer']): Truth {
  const faults = pair.factual.faults;
  // The primary fault: the one the file's answer names, else the first.
  const fault = faults.find((f) => answer?.cause === f.kind && (!answer.component || answer.component === f.component)) ?? faults[0];
  const days = pair.factual.config.days;
  if (!fault) {
    const symptom = answer?.symptom ?? 'relevance';
    return { stage: null, component: null, cause: 'no-regression', segment: {}, symptom, onsetDay: null, effect: null, others: [], fromAnswer: answer?.symptom ? ['symptom'] : [] };
  }
  const window: [number, number] = [fault.onsetDay, days];
  const symptom = answer?.symptom ?? symptomOf(pair, window);
  const segment = answer?.segment ? asFilter(answer.segment) : segmentOf(pair, symptom, window);
  const fromAnswer: string[] = answer?.symptom ? ['symptom'] : [];
  const truth: Truth = {
    stage: fault.stage,
    component: fault.component,
    cause: fault.kind,
    segment,
    symptom,
    onsetDay: fault.onsetDay,
    effect: effectOf(pair, symptom, segment, window),
    others: faults.filter((f) => f !== fault).map((f) => ({ stage: f.stage, component: f.component, cause: f.kind, onsetDay: f.onsetDay })),
    fromAnswer,
  };
  if (answer) {
    for (const key of ['stage', 'component', 'cause'] as const) {
      if (answer[key] !== undefined) {
        (truth as unknown as Record<string, unknown>)[key] = answer[key];
        truth.fromAnswer.push(key);
      }
    }
    if (answer.segment) truth.fromAnswer.push('segment');
  }
  return truth;
}

function effectOf(pair: WorldPair, metric: MetricId, segment: Segment, window: [number, number]): number | null {
  try {
    return footprint(pair, { metric, window, filter: segment }).cells[0]?.relative ?? null;
  } catch (e) {
    if (isQueryError(e)) return null;
    throw e;
  }
}

/** The outcome metric whose overall footprint after onset is most significant. */
function symptomOf(pair: WorldPair, window: [number, number]): MetricId {
  let best: MetricId = 'relevance', bestZ = -1;
  for (const metric of OUTCOMES) {
    const z = Math.abs(footprint(pair, { metric, window }).cells[0]?.z ?? 0);
    if (z > bestZ) [best, bestZ] = [metric, z];
  }
  return best;
}

interface Scoping { dimension: string; values: string[]; effect: number }

/**
 * Every user slice in which the footprint concentrates (its affected groups move, the others do
 * not), each judged on its own; a slice implied by a finer one (ios by ios-42.0) is dropped. The
 * segment is their intersection.
 */
function segmentOf(pair: WorldPair, metric: MetricId, window: [number, number]): Segment {
  const found: Scoping[] = [];
  for (const dimension of USER_DIMENSIONS) {
    const s = scoping(footprint(pair, { metric, window, groupBy: dimension }).cells, dimension);
    if (s) found.push(s);
  }
  found.sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect));
  const segment: Segment = {};
  for (const s of found) {
    const implied = Object.entries(segment).some(([d, values]) => {
      const cells = runQuery(pair.factual, { metric, window, groupBy: s.dimension, filter: { [d]: values } }).cells;
      const n = cells.reduce((a, c) => a + c.n, 0);
      const inside = cells.filter((c) => s.values.includes(c.group!)).reduce((a, c) => a + c.n, 0);
      return n > 0 && inside / n >= IMPLIED_SHARE;
    });
    if (!implied) segment[s.dimension] = s.values;
  }
  return segment;
}

function scoping(cells: FootprintCell[], dimension: string): Scoping | null {
  const usable = cells.filter((c) => c.relative !== null && c.z !== null && c.group !== null);
  const hit = usable.filter((c) => Math.abs(c.z!) >= SIGNIFICANT_Z);
  if (!hit.length) return null;
  const worst = hit.reduce((a, c) => (Math.abs(c.relative!) > Math.abs(a.relative!) ? c : a));
  const sign = Math.sign(worst.relative!);
  const affected = hit.filter((c) => Math.sign(c.relative!) === sign && Math.abs(c.relative!) >= AFFECTED_SHARE * Math.abs(worst.relative!));
  const rest = usable.filter((c) => !affected.includes(c));
  if (!rest.length) return null;
  const mean = (cs: FootprintCell[]) => cs.reduce((s, c) => s + c.n * Math.abs(c.relative!), 0) / Math.max(1, cs.reduce((s, c) => s + c.n, 0));
  const inside = mean(affected), outside = mean(rest);
  if (outside > CONCENTRATION * inside) return null;
  const n = affected.reduce((s, c) => s + c.n, 0);
  const effect = affected.reduce((s, c) => s + c.n * c.relative!, 0) / n;
  return { dimension, values: affected.map((c) => c.group!), effect };
}
