// Rule: a plan is a pure function of (generator seed, attempt, options) — every choice drawn from
// one seeded stream — and needs no world: the fault kind, its onset, the world it runs in, the
// distractors that land near the onset, and the timeline in the voice of a deploy log. What the
// world then shows (the briefing's numbers, hints, findings, debrief) is `write.ts`'s.
import { stream, randomInt, type Rng } from '../../sim/random.ts';
import { COMPONENTS, COMPONENT_STAGE, FAULT_KINDS, type ComponentId, type FaultKind } from '../../sim/vocabulary.ts';
import { FAULTS } from '../../sim/faults/catalog.ts';
import { FAULT_SIGNATURES } from '../../sim/faults/signatures.ts';
import type { MetricId } from '../../sim/vocabulary.ts';
import type { DistractorSpec, FaultSpec } from '../../sim/faults/specs.ts';
import type { DIFFICULTIES } from '../../scenario/schema.ts';

export type Difficulty = (typeof DIFFICULTIES)[number];

export interface GenerateOptions {
  seed: number;
  /** Asked for; drawn from the seed when absent. */
  difficulty?: Difficulty;
  /** The kinds to draw from (all fourteen when empty). */
  kinds?: readonly FaultKind[];
  /** The scenario's id (default incident-<seed>, with the difficulty when one is asked). */
  id?: string;
}

/** The world every generated incident runs in: large enough for each kind's footprint, small enough to make in seconds. */
export const INCIDENT_WORLD = { users: 6000, items: 12000, days: 12 } as const;

export interface TimelineEntry {
  day: number;
  component?: ComponentId;
  text: string;
}

export interface Plan {
  seed: number;
  attempt: number;
  difficulty: Difficulty;
  kind: FaultKind;
  worldSeed: number;
  onsetDay: number;
  fault: FaultSpec;
  distractors: DistractorSpec[];
  timeline: TimelineEntry[];
}

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[randomInt(rng, xs.length)];
const DIFFICULTY_ORDER: readonly Difficulty[] = ['intro', 'medium', 'hard'];

/** A version number as a deploy log writes it. */
const version = (rng: Rng) => `${2 + randomInt(rng, 30)}.${randomInt(rng, 10)}`;

const ROLLOUT = [
  (c: string, v: string) => `${c} ${v} rolled out to all traffic`,
  (c: string, v: string) => `${c} ${v}: canary promoted to 100%`,
  (c: string, v: string) => `deploy ${c} ${v} (routine release)`,
];

/** A distractor that moves an outcome in aggregate, with the changelog line a team would write. */
interface DataDistractor {
  spec: (onset: number) => DistractorSpec;
  log: string;
}

const CAMPAIGN: DataDistractor = { spec: (d) => ({ kind: 'mix-shift', onsetDay: d, params: { factor: 3 } }), log: 'Growth: sign-up campaign launched in every market' };
const HOLIDAY: DataDistractor = { spec: (d) => ({ kind: 'holiday', onsetDay: d, params: { days: 2, lift: -0.12 } }), log: 'Public holiday in most markets' };
const REDESIGN: DataDistractor = { spec: (d) => ({ kind: 'novelty-effect', onsetDay: d, params: { lift: 0.12, halfLifeDays: 1.5 } }), log: 'feed-client: new pin card design shipped to everyone' };

/**
 * The outcome a kind's footprint moves (its Signatures' first outcome check), so a false lead can
 * be chosen that moves the same alarm: a campaign's new users pull relevance and ranking quality
 * down; a holiday or a redesign moves activity and clicks.
 */
const OUTCOME_METRICS: readonly MetricId[] = ['relevance', 'ctr', 'save_rate', 'hide_rate', 'session_depth', 'ndcg_at_k', 'diversity'];
function leadsFor(kind: FaultKind): readonly DataDistractor[] {
  const outcome = FAULT_SIGNATURES[kind].checks.find((c) => (OUTCOME_METRICS as readonly string[]).includes(c.metric) && (c.expect === 'falls' || c.expect === 'rises'))?.metric;
  if (outcome === 'ctr' || outcome === 'save_rate' || outcome === 'hide_rate') return [HOLIDAY, REDESIGN];
  if (outcome === 'session_depth') return [HOLIDAY, CAMPAIGN];
  return [CAMPAIGN];
}

/** The kinds in a fixed order of their own (not the vocabulary's), the same every run. */
function shuffledKinds(kinds: readonly FaultKind[]): FaultKind[] {
  const rng = stream(0, 'incident/kind-order');
  return kinds.map((k) => ({ k, r: rng() })).sort((a, b) => a.r - b.r).map((x) => x.k);
}

/** The plan of attempt `attempt` for these options. */
export function planIncident(options: GenerateOptions, attempt: number): Plan {
  // The difficulty the false leads are set for is the seed's, whichever attempt is kept.
  const difficulty = options.difficulty ?? pick(stream(options.seed, 'incident/difficulty'), DIFFICULTY_ORDER);
  const rng = stream(options.seed, `incident/${attempt}`);
  // The kind goes round the kinds by seed (seeds 1–14 see each once), in an order of its own; a
  // later attempt at an asked difficulty draws another (some kinds are never intro).
  const kinds = options.kinds?.length ? options.kinds : FAULT_KINDS;
  const order = shuffledKinds(kinds);
  const kind = attempt > 0 && options.difficulty ? pick(rng, kinds) : order[(((options.seed - 1) % order.length) + order.length) % order.length];
  const worldSeed = 1 + randomInt(rng, 999_999);
  const onsetDay = 6 + randomInt(rng, 3);
  const component = FAULTS[kind].component;
  const stage = COMPONENT_STAGE[component];
  const fault: FaultSpec = { kind, onsetDay };
  const near = (spread: number) => Math.max(2, Math.min(INCIDENT_WORLD.days - 1, onsetDay + randomInt(rng, 2 * spread + 1) - spread));

  const timeline: TimelineEntry[] = [{ day: onsetDay, component, text: pick(rng, ROLLOUT)(component, version(rng)) }];
  const distractors: DistractorSpec[] = [];
  const deploy = (candidates: readonly ComponentId[], day: number) => {
    const c = pick(rng, candidates);
    distractors.push({ kind: 'unrelated-deploy', onsetDay: day, params: { component: c } });
    timeline.push({ day, component: c, text: pick(rng, ROLLOUT)(c, version(rng)) });
  };
  const otherStages = COMPONENTS.filter((c) => COMPONENT_STAGE[c] !== stage);
  const sameStage = COMPONENTS.filter((c) => COMPONENT_STAGE[c] === stage && c !== component);
  if (difficulty === 'intro') {
    // One false lead, easy to dismiss: a deploy elsewhere in the pipeline, near the onset.
    deploy(otherStages, near(2));
  } else {
    // A real change that moves the aggregate near the onset…
    const d = pick(rng, leadsFor(kind));
    const day = near(1);
    distractors.push(d.spec(day));
    timeline.push({ day, text: d.log });
    // …and when hard, a deploy in the fault's own stage the same week.
    if (difficulty === 'hard') deploy(sameStage.length ? sameStage : otherStages, near(2));
  }
  // A routine entry far from the onset, as any week's log has.
  timeline.push({ day: onsetDay > 7 ? 2 + randomInt(rng, 3) : INCIDENT_WORLD.days - randomInt(rng, 2), component: 'ranker', text: 'weekly ranker retrain (scheduled)' });
  timeline.sort((a, b) => a.day - b.day);
  return { seed: options.seed, attempt, difficulty, kind, worldSeed, onsetDay, fault, distractors, timeline };
}
