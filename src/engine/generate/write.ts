// Rule: everything a generated incident says comes from its case — the world pair, the derived
// truth and the expert path — never from what the plan meant to happen: the briefing's numbers
// are the world's (stated as claims), hints and findings follow the expert path, the debrief
// tells the truth, and the figures that set the difficulty are measured.
import { FAULTS, DISTRACTORS } from '../../sim/faults/catalog.ts';
import { METRIC_DEFS } from '../../sim/query/metrics.ts';
import { COMPONENT_STAGE, type ComponentId } from '../../sim/vocabulary.ts';
import { runQuery } from '../../sim/query/query.ts';
import type { Action } from '../../scenario/actions.ts';
import type { Claim } from '../../scenario/claims.ts';
import type { Case } from '../case.ts';
import { expertSteps, type ExpertStep } from '../grade.ts';
import type { Solvability } from '../solvability.ts';
import { describeAction } from '../words.ts';
import type { Difficulty, Plan } from './plan.ts';

export interface Figures {
  /** Moves of the expert path before the diagnosis. */
  ladder: number;
  /** Each rung's effect and z (as solve reports them). */
  rungs: { rung: string; effect: number | null; z: number | null }[];
  /** The symptom's change overall, after the onset against before, in the world and in its twin (the twin keeps the distractors: their part). */
  faultChange: number;
  distractorChange: number;
  /** The weakest rung's |z|. */
  weakestZ: number;
  /** A false lead (a deploy) in the fault's own stage. */
  sameStageLead: boolean;
  difficulty: Difficulty;
  /** What made it harder than intro, in words. */
  points: string[];
}

export interface Written {
  title: string;
  briefing: string;
  claims: Claim[];
  hints: string[];
  findings: { id: string; text: string; revealedBy: Record<string, unknown> }[];
  debrief: string;
  figures: Figures;
}

/** How clear the overall change must be for the briefing to state its number (else it says the overall figure barely moved). */
const CLAIM_FROM_Z = 6;

const pct = (x: number) => `${Math.abs(x * 100).toFixed(1).replace(/\.0$/, '')}%`;
const round = (x: number, step: number) => Math.round(x / step) * step;

/** The symptom over everyone: before the onset and after it, in one world. */
function overall(c: Case, world: 'factual' | 'twin', onset: number) {
  const days = c.pair.factual.config.days;
  const at = (window: [number, number]) => runQuery(c.pair[world], { metric: c.truth.symptom, window }).cells[0];
  const b = at([1, onset - 1]), a = at([onset, days]);
  const change = a.value! / b.value! - 1;
  const se = Math.hypot(a.se ?? 0, b.se ?? 0) / b.value!;
  return { change, se, z: se ? change / se : 0 };
}

/**
 * How hard the incident is, from what can be measured — a point each for a ladder of three moves
 * or more, evidence that is faint somewhere (a rung under |z| 5), a false lead that moves the
 * alarm by at least a third as much as the fault, and a false lead in the fault's own stage:
 * none is intro, one medium, two or more hard.
 */
export function measuredDifficulty(f: Omit<Figures, 'difficulty' | 'points'>): { difficulty: Difficulty; points: string[] } {
  const points: string[] = [];
  if (f.ladder >= 3) points.push(`a ladder of ${f.ladder} moves`);
  if (f.weakestZ < 5) points.push(`faint evidence (|z| ${f.weakestZ.toFixed(1)})`);
  if (Math.abs(f.distractorChange) >= Math.abs(f.faultChange) / 3 && Math.abs(f.distractorChange) >= 0.005) points.push('a loud false lead');
  if (f.sameStageLead) points.push("a false lead in the fault's stage");
  return { difficulty: points.length === 0 ? 'intro' : points.length === 1 ? 'medium' : 'hard', points };
}

/** A finding's matcher from an expert move: what the move showed, loosely (no window or filter). */
function matcherOf(a: Action): Record<string, unknown> | null {
  if (a.type === 'query') return { type: 'query', metric: a.metric, ...(a.groupBy ? { groupBy: a.groupBy } : {}) };
  if (a.type === 'inspect') return { type: 'inspect', view: a.view, ...(a.component ? { component: a.component } : {}) };
  if (a.type === 'contrast') return { type: 'contrast', metric: a.metric };
  return null;
}

function hintsOf(c: Case, steps: ExpertStep[]): string[] {
  const label = METRIC_DEFS[c.truth.symptom].label.toLowerCase();
  const hints = [
    Object.keys(c.truth.segment).length
      ? `Before opening any component, find who is affected: slice ${label} by the kinds of user (or of pin) the pipeline serves.`
      : `Before opening any component, check whether everyone is affected alike: slice ${label} by the kinds of user.`,
    `The change starts around day ${c.truth.onsetDay}. Read the changelog with that in mind — and ask which entries could move ${label} for exactly those users.`,
  ];
  const cause = steps.find((s) => s.reveals.includes('cause'));
  if (cause && cause.action.type !== 'submit') hints.push(`${describeAction(cause.action)} shows what went wrong.`);
  return hints;
}

function debriefOf(c: Case, plan: Plan): string {
  const t = c.truth;
  const seg = Object.entries(t.segment).map(([d, v]) => `${d.replace(/_/g, ' ')} ${v.join(', ')}`).join('; ') || 'everyone';
  const leads = plan.distractors.map((d) => `- **${d.kind}** (day ${d.onsetDay}): ${DISTRACTORS[d.kind].summary} Real, and not the cause.`);
  return [
    `**${t.cause}** in **${t.component}** (${t.stage}), from day ${t.onsetDay}: ${FAULTS[plan.kind].summary}`,
    '',
    `It hit ${seg}${t.effect !== null ? ` — ${t.symptom} ${t.effect < 0 ? 'down' : 'up'} ${pct(t.effect)} against the world without the fault` : ''}.`,
    '',
    'The false leads:',
    ...leads,
  ].join('\n');
}

export function writeIncident(c: Case, plan: Plan, report: Solvability): Written {
  const steps = expertSteps(c);
  const onset = plan.onsetDay;
  const factual = overall(c, 'factual', onset);
  const twin = overall(c, 'twin', onset);
  const def = METRIC_DEFS[c.truth.symptom];
  const label = def.label;
  // In a sentence: "rated relevance", but "NDCG@10" as written.
  const named = /^[A-Z][a-z]/.test(label) ? label[0].toLowerCase() + label.slice(1) : label;
  const way = factual.change < 0 ? 'fell' : 'rose';
  const claims: Claim[] = [];
  let headline: string;
  // A number is stated only when it is far from the noise: at z 3 another seed (a learner's "new
  // seed") can show no change at all (seed 777001: z −3.1 at the file's seed, −1.7 and −1.0 at 1 and 2).
  if (Math.abs(factual.z) >= CLAIM_FROM_Z) {
    // The tolerance: about two and a half standard errors of the change (what another seed may show).
    // (Never so wide that it takes in no change at all: then the claim would not say which way.)
    const within = Math.max(0.002, Math.min(Math.max(0.005, round(2.5 * factual.se, 0.001)), round(0.75 * Math.abs(factual.change), 0.001)));
    claims.push({ says: `${label} ${way} about ${pct(factual.change)}`, metric: c.truth.symptom, compare: [[1, onset - 1], [onset, c.pair.factual.config.days]], change: round(factual.change, 0.001), within });
    headline = `Since day ${onset}, ${named} has ${way === 'fell' ? 'fallen' : 'risen'} about ${pct(factual.change)} against the days before.`;
  } else {
    headline = `Since about day ${onset}, an alert has fired on ${named} for some users, though the overall figure barely moved.`;
  }
  const briefing = [
    headline,
    plan.difficulty === 'intro' ? 'Nothing else looks unusual on the dashboards.' : 'It has been a busy week: the changelog has several entries.',
    'How do you debug it? Say what broke, where, and for whom.',
  ].join('\n');
  const findings = steps.flatMap((s, i) => {
    const m = matcherOf(s.action);
    return m && s.reveals.length ? [{ id: `step-${i + 1}-${s.reveals.join('-')}`, text: s.reason, revealedBy: m }] : [];
  });
  const figures = {
    ladder: steps.filter((s) => s.action.type !== 'submit').length,
    rungs: report.steps.map((s) => ({ rung: s.rung, effect: s.effect, z: s.z })),
    faultChange: factual.change - twin.change,
    distractorChange: twin.change,
    weakestZ: Math.min(...report.steps.map((s) => Math.abs(s.z ?? 0))),
    sameStageLead: plan.distractors.some((d) => d.kind === 'unrelated-deploy' && COMPONENT_STAGE[d.params!.component as ComponentId] === c.truth.stage),
  };
  return {
    title: `${label} ${way === 'fell' ? 'dropped' : 'jumped'} around day ${onset}`,
    briefing,
    claims,
    hints: hintsOf(c, steps),
    findings,
    debrief: debriefOf(c, plan),
    figures: { ...figures, ...measuredDifficulty(figures) },
  };
}
