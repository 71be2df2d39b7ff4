// Rule: the right answer comes from what was injected, never from what a learner did. Stage,
// component and cause are the primary fault's (the catalogue says where each kind lives); the
// symptom is the metric the briefing's alarm is about — the file's `answer.symptom`, else the
// alarm (an outcome metric, then NDCG, then diversity) the fault visibly moved most surely; the
// segment is where the footprint (factual vs fault-free twin) concentrates, slice by slice over
// users, pins by age and experiment arms, naming every picked target that suffers. A quiet fault
// (no alarm a learner can see) is read where its footprint is clearest instead. A scenario's
// `answer` overrides any of it.
// When several faults act, every one is listed: the primary is the one the file's `answer` names
// (else the first), and a diagnosis naming another still earns part of the credit (score.ts).
import { unlessQueryError } from '../sim/query/spec.ts';
import type { Scenario } from '../scenario/schema.ts';
import { footprint, SIGNIFICANT_Z, type FootprintCell } from '../sim/footprint.ts';
import { runQuery } from '../sim/query/query.ts';
import { METRIC_DEFS } from '../sim/query/metrics.ts';
import { tableDimensions } from '../sim/query/dimensions.ts';
import type { WorldPair } from '../sim/simulate.ts';
import { USER_DIMENSIONS, type ComponentId, type FaultKind, type MetricId, type Stage } from '../sim/vocabulary.ts';
import { asFilter } from './filter.ts';
import { signalsOf } from './signals.ts';

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
  /**
   * For a quiet fault (no alarm moved): the metric, and the fault's own source when it is one,
   * where its footprint is clearest — the segment is read there, and the expert scopes there.
   */
  scopeOn?: { metric: MetricId; filter: Segment };
  /**
   * No alarm a learner can see moved: the fault is in the pipeline's own records alone. With no
   * segment, its scope is its mark over all traffic (nobody in particular suffers).
   */
  quiet?: true;
}

/**
 * The alarms a person watches, each with the way it goes wrong, in the order a symptom is chosen
 * from them: the outcome metrics; the ranking-quality report's NDCG when no outcome moved; the
 * feed's own shape (it narrows, as in a loop) when neither did. Never a pipeline internal.
 */
export const ALARM_TIERS: Partial<Record<MetricId, 1 | -1>>[] = [
  { relevance: -1, ctr: -1, save_rate: -1, hide_rate: 1, session_depth: -1 },
  { ndcg_at_k: -1 },
  { diversity: -1 },
];
/** The outcome metrics the expert path scopes on first (the alarms, then the feed's shape). */
export const OUTCOMES = ALARM_TIERS.flatMap((t) => Object.keys(t)) as MetricId[];
/**
 * The populations a segment is cut from: kinds of user, and the two splits a dashboard reports
 * by besides them — pins by age (a creator's "my new pins") and an experiment's arms.
 */
export const SEGMENT_DIMENSIONS = [...USER_DIMENSIONS, 'freshness', 'experiment_arm'] as const;
export const isSegmentDimension = (d: string | null | undefined): boolean => (SEGMENT_DIMENSIONS as readonly string[]).includes(d ?? '');
/** The bar for the worst-hit group of a slice (the overall cell's is SIGNIFICANT_Z). */
const GROUP_BAR = 4;
/** A slice whose affected groups hold more of its rows than this is "nearly everyone", not a segment. */
const NEARLY_EVERYONE = 0.75;
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
  const alarm = answer?.symptom ? null : symptomOf(pair, window);
  const symptom = answer?.symptom ?? alarm!.metric;
  // A quiet fault moves no alarm: who suffers is read where its footprint is clearest instead.
  const quiet = alarm?.quiet ? (true as const) : undefined;
  const own: Segment = fault.component.startsWith('source:') ? { source: [fault.component.slice('source:'.length)] } : {};
  const clearest = quiet ? clearestMetric(pair, window, own) : null;
  const scopeOn = clearest ? { metric: clearest.metric, filter: clearest.filter } : undefined;
  const segment = answer?.segment ? asFilter(answer.segment) : segmentOf(pair, scopeOn?.metric ?? symptom, window, targetsOf(fault.params), scopeOn?.filter ?? {}, quiet ? GROUP_BAR : SIGNIFICANT_Z);
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
    ...(scopeOn && !answer?.segment ? { scopeOn } : {}),
    ...(quiet ? { quiet } : {}),
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
  return unlessQueryError(() => footprint(pair, { metric, window, filter: segment }).cells[0]?.relative ?? null, null);
}

/**
 * The alarm the fault sets off most surely: for each alarm, how plainly a learner sees it go the
 * wrong way (harmZ); a later tier only when no alarm of the earlier ones moved. `quiet` when none
 * did (the symptom is then the first tier's likeliest).
 */
function symptomOf(pair: WorldPair, window: [number, number]): { metric: MetricId; quiet: boolean } {
  // The feed's shape is an aggregate alarm (everyone's feed narrows): its tier is read overall only.
  const pick = (metrics: Partial<Record<MetricId, 1 | -1>>, overall = false) => {
    let best: MetricId = 'relevance', bestZ = -Infinity;
    for (const [metric, harm] of Object.entries(metrics) as [MetricId, 1 | -1][]) {
      const z = harmZ(pair, metric, harm, window, overall);
      if (z > bestZ) [best, bestZ] = [metric, z];
    }
    return { metric: best, z: bestZ };
  };
  let first: MetricId | null = null;
  for (const [i, tier] of ALARM_TIERS.entries()) {
    const shape = i === ALARM_TIERS.length - 1;
    const alarm = pick(tier, shape);
    first ??= alarm.metric;
    // The feed's shape drifts on its own: it is the alarm only when the fault made most of its change.
    if (alarm.z >= SIGNIFICANT_Z && (!shape || madeByFault(pair, alarm.metric, tier[alarm.metric]!, window[0]))) return { metric: alarm.metric, quiet: false };
  }
  return { metric: first!, quiet: true };
}

/**
 * The metric a segment slice can split whose footprint after onset is most significant (a quiet
 * fault's clearest mark) — within the fault's own source when it is one and the metric has it.
 */
function clearestMetric(pair: WorldPair, window: [number, number], own: Segment): { metric: MetricId; filter: Segment } | null {
  let best: { metric: MetricId; filter: Segment } | null = null, bestZ = SIGNIFICANT_Z;
  for (const metric of Object.keys(METRIC_DEFS) as MetricId[]) {
    if (OUTCOMES.includes(metric)) continue;
    const dims = tableDimensions(pair.factual.logs[METRIC_DEFS[metric].table]) as string[];
    if (!SEGMENT_DIMENSIONS.some((d) => dims.includes(d))) continue;
    const filter = Object.fromEntries(Object.entries(own).filter(([d]) => dims.includes(d)));
    const z = Math.abs(unlessQueryError(() => footprint(pair, { metric, window, filter }).cells[0]?.z ?? 0, 0));
    if (z > bestZ) [best, bestZ] = [{ metric, filter }, z];
  }
  return best;
}

/**
 * Whether the aggregate's change at the onset, as a chart shows it, carries the fault's part
 * plainly: visible, the harmful way, with the fault's part at twice the bar (the feed's shape
 * drifts on its own, so a part at the bar reads as the drift).
 */
function madeByFault(pair: WorldPair, metric: MetricId, harm: 1 | -1, onset: number): boolean {
  return signalsOf(pair, { spec: { metric, byDay: true }, split: onset })
    .some((s) => s.kind === 'change' && s.group === null && s.visible && s.faultZ * harm >= 2 * SIGNIFICANT_Z);
}

/**
 * How plainly `metric` raises the alarm as a learner can see it: the strongest signal the fault
 * made the harmful way — a change at the onset or a group standing out, overall or in a group of
 * a segment slice — by the z of the fault's part (the worst of many groups held to a higher bar).
 */
function harmZ(pair: WorldPair, metric: MetricId, harm: 1 | -1, window: [number, number], overall = false): number {
  let best = -Infinity;
  for (const groupBy of overall ? [undefined] : [undefined, ...SEGMENT_DIMENSIONS]) {
    // Among thirty groups one reaches 3 by chance: a group's signal is held to GROUP_BAR.
    const bar = groupBy ? SIGNIFICANT_Z / GROUP_BAR : 1;
    const signals = unlessQueryError(() => signalsOf(pair, { spec: { metric, window: [1, window[1]], ...(groupBy ? { groupBy } : {}) }, split: window[0] }), []);
    for (const s of signals) {
      if (s.visible && s.fromFault && Math.sign(s.effect) === harm) best = Math.max(best, Math.abs(s.faultZ) * bar);
    }
  }
  return best;
}

interface Scoping { dimension: string; values: string[]; effect: number }

/**
 * Every user slice in which the footprint concentrates (its affected groups move, the others do
 * not), each judged on its own; a slice implied by a finer one (ios by ios-42.0) is dropped. The
 * segment is their intersection.
 */
function segmentOf(pair: WorldPair, metric: MetricId, window: [number, number], targets: Segment, base: Segment = {}, bar = SIGNIFICANT_Z): Segment {
  const found: Scoping[] = [];
  for (const dimension of SEGMENT_DIMENSIONS) {
    if (base[dimension]) continue;
    const cells = unlessQueryError(() => footprint(pair, { metric, window, groupBy: dimension, filter: base }).cells, null);
    const s = cells && scoping(cells, dimension, targets[dimension], bar);
    if (s) found.push(s);
  }
  found.sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect));
  /** Whether the rows of `inner` (dimension → values) fall in `outer`'s values. */
  const within = (inner: [string, string[]], outer: [string, string[]]) => {
    const cells = unlessQueryError(() => runQuery(pair.factual, { metric, window, groupBy: outer[0], filter: { ...base, [inner[0]]: inner[1] } }).cells, []);
    const n = cells.reduce((a, c) => a + c.n, 0);
    const inside = cells.filter((c) => outer[1].includes(c.group!)).reduce((a, c) => a + c.n, 0);
    return n > 0 && inside / n >= IMPLIED_SHARE;
  };
  const segment: Segment = {};
  for (const s of found) {
    const mine: [string, string[]] = [s.dimension, s.values];
    const implied = Object.entries(segment).find((d) => within(d, mine));
    if (!implied) segment[s.dimension] = s.values;
    else if (within(mine, implied) && s.values.length < implied[1].length) {
      // The same users named more simply (platform android for its three app versions).
      delete segment[implied[0]];
      segment[s.dimension] = s.values;
    }
  }
  return segment;
}

/** The fault parameters that name a population: the picked targets a truth must name when they suffer. */
const TARGET_PARAMS: Record<string, string> = { aesthetics: 'user_interest', platform: 'platform', appVersion: 'app_version', region: 'region' };

export function targetsOf(params: Record<string, unknown>): Segment {
  const out: Segment = {};
  for (const [param, dimension] of Object.entries(TARGET_PARAMS)) {
    const v = params[param];
    if (typeof v === 'string') out[dimension] = [v];
    else if (Array.isArray(v)) out[dimension] = v.map(String);
  }
  return out;
}

/**
 * `targets`: the fault's picked values of this dimension — each one the symptom surely moved the
 * same way is affected, however it compares with the worst (a variant's truth names every
 * picked target that suffers).
 */
function scoping(cells: FootprintCell[], dimension: string, targets?: string[], bar = SIGNIFICANT_Z): Scoping | null {
  const usable = cells.filter((c) => c.relative !== null && c.z !== null && c.group !== null);
  const hit = usable.filter((c) => Math.abs(c.z!) >= bar);
  if (!hit.length) return null;
  const worst = hit.reduce((a, c) => (Math.abs(c.relative!) > Math.abs(a.relative!) ? c : a));
  const sign = Math.sign(worst.relative!);
  const affected = hit.filter((c) => Math.sign(c.relative!) === sign && (Math.abs(c.relative!) >= AFFECTED_SHARE * Math.abs(worst.relative!) || targets?.includes(c.group!)));
  const rest = usable.filter((c) => !affected.includes(c));
  if (!rest.length) return null;
  const mean = (cs: FootprintCell[]) => cs.reduce((s, c) => s + c.n * Math.abs(c.relative!), 0) / Math.max(1, cs.reduce((s, c) => s + c.n, 0));
  const inside = mean(affected), outside = mean(rest);
  if (outside > CONCENTRATION * inside) return null;
  const n = affected.reduce((s, c) => s + c.n, 0);
  if (n > NEARLY_EVERYONE * usable.reduce((s, c) => s + c.n, 0)) return null;
  const effect = affected.reduce((s, c) => s + c.n * c.relative!, 0) / n;
  return { dimension, values: affected.map((c) => c.group!), effect };
}
