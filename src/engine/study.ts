// Rule: a study is plain data computed from a case alone — what the studio shows an author
// beside a draft: the derived truth, the expert path, the solvability report, the claims checked
// at the file's seed, and the fault's footprint (the symptom for the suffering segment against
// the rest, per day, in the world and in its fault-free twin). The same numbers `faultline
// solve` and `faultline test` print for the file.
import type { Claim } from '../scenario/claims.ts';
import { dimensionValues } from '../sim/query/dimensions.ts';
import { METRIC_DEFS, type Unit } from '../sim/query/metrics.ts';
import { runQuery, type QueryCell } from '../sim/query/query.ts';
import { unlessQueryError } from '../sim/query/spec.ts';
import type { Dimension, MetricId } from '../sim/vocabulary.ts';
import type { World } from '../sim/world/world.ts';
import type { Case } from './case.ts';
import { checkClaims, describeClaimCheck, type ClaimCheck } from './claims.ts';
import { truthLine } from './debrief.ts';
import { expertSteps } from './grade.ts';
import type { Rung } from './rungs.ts';
import { solvability, type Solvability } from './solvability.ts';
import type { Segment, Truth } from './truth.ts';
import { describeAction } from './words.ts';

export interface FootprintPoint {
  day: number;
  value: number | null;
  se: number | null;
  n: number;
}

export interface FootprintLine {
  /** The suffering segment, or everyone else. */
  group: 'segment' | 'rest';
  /** The world as simulated, or its fault-free twin. */
  world: 'factual' | 'twin';
  points: FootprintPoint[];
}

export interface Footprint {
  metric: MetricId;
  label: string;
  unit: Unit;
  /** The segment in words ("tenure new"; "everyone" when the whole population suffers). */
  segment: string;
  /** Who "the rest" is (null when the segment is everyone). */
  rest: string | null;
  filter: Segment;
  lines: FootprintLine[];
  /** False when nothing broke (no fault acts): the twin is the world itself, so only the world is drawn. */
  broken: boolean;
  days: number;
  onsetDay: number | null;
  /** The changelog entries the learner will read, to mark on the time axis. */
  timeline: { day: number; text: string }[];
}

export interface StudyStep {
  move: string;
  reveals: Rung[];
  reason: string;
}

export interface Study {
  seed: number;
  truth: Truth;
  truthLine: string;
  expert: StudyStep[];
  solvability: Solvability;
  claims: (ClaimCheck & { line: string })[];
  footprint: Footprint | null;
}

const words = (segment: Segment) => Object.entries(segment).map(([d, v]) => `${d} ${v.join('/')}`).join(', ');

/** "the rest" in words: the first dimension's other values, the segment's other dimensions as they are. */
function restWords(segment: Segment, within: Segment): string {
  const [[first, values], ...others] = Object.entries(segment);
  return [`${first} other than ${values.join('/')}`, words(Object.fromEntries(others)), words(within)].filter(Boolean).join(', ');
}

/** The complement of a segment on its first dimension, within `within` (with several dimensions, the others stay as they are: "the rest" of that cut). */
function restOf(world: World, segment: Segment, within: Segment): Segment | null {
  const [first] = Object.keys(segment);
  if (!first) return null;
  const others = dimensionValues(world, first as Dimension).filter((v) => !segment[first].includes(v));
  if (!others.length) return null;
  return { ...within, ...segment, [first]: others };
}

function daily(world: World, metric: MetricId, filter: Segment): FootprintPoint[] | null {
  const result = unlessQueryError(() => runQuery(world, { metric, filter, byDay: true }), null);
  return result && result.cells.filter((c): c is QueryCell & { day: number } => c.day !== null).map(({ day, value, se, n }) => ({ day, value, se, n }));
}

/** The symptom per day for the segment (and the rest), factual and twin; null when the symptom cannot be sliced by the segment. */
export function footprintOf(c: Case): Footprint | null {
  const { truth, pair } = c;
  const metric = truth.scopeOn?.metric ?? truth.symptom;
  // A quiet fault is read on its own source (truth.scopeOn): the segment and the rest both within it.
  const within = truth.scopeOn?.filter ?? {};
  const filter = { ...within, ...truth.segment };
  const rest = restOf(pair.factual, truth.segment, within);
  const lines: FootprintLine[] = [];
  const broken = truth.cause !== 'no-regression';
  for (const [group, f] of [['segment', filter], ['rest', rest]] as const) {
    if (!f) continue;
    for (const side of broken ? (['factual', 'twin'] as const) : (['factual'] as const)) {
      const points = daily(pair[side], metric, f);
      if (!points) return null;
      lines.push({ group, world: side, points });
    }
  }
  const def = METRIC_DEFS[metric];
  return {
    metric,
    label: def.label,
    unit: def.unit,
    segment: words(filter) || 'everyone',
    rest: rest ? restWords(truth.segment, within) : null,
    filter,
    lines,
    broken,
    days: pair.factual.config.days,
    onsetDay: truth.onsetDay,
    timeline: (c.scenario.timeline ?? []).map(({ day, text }) => ({ day, text })),
  };
}

/** Everything the studio shows about a draft, from its case (the pair at the file's seed) and its claims. */
export function study(c: Case, claims: readonly Claim[], options: { fileSeed: boolean } = { fileSeed: true }): Study {
  const steps = expertSteps(c);
  return {
    seed: c.pair.factual.config.seed,
    truth: c.truth,
    truthLine: truthLine({ truth: c.truth }),
    expert: steps.map((s) => ({ move: describeAction(s.action), reveals: s.reveals, reason: s.reason })),
    solvability: solvability(c),
    claims: checkClaims(c.pair.factual, claims, options).map((check) => ({ ...check, line: describeClaimCheck(check) })),
    footprint: footprintOf(c),
  };
}
