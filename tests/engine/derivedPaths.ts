// Transcripts derived from a case, for the grading rules: the engine's expert path and the ways a
// learner departs from it — wandering (extra moves first), a premature deep dive (the component
// opened before the scope), a lucky guess (the right answer and nothing else), a wrong diagnosis
// after real scoping, and a false lead followed (when the world has one). None is hand-tuned to a
// scenario: each is built from the case's own expert path and truth.
import type { Action, Diagnosis } from '../../src/scenario/actions.ts';
import type { Case } from '../../src/engine/case.ts';
import { expertSteps } from '../../src/engine/grade.ts';
import { localiseCandidates } from '../../src/engine/expertPath.ts';
import { judge } from '../../src/engine/judge.ts';
import { FAULTS } from '../../src/sim/faults/catalog.ts';
import { FAULT_KINDS, type FaultKind } from '../../src/sim/vocabulary.ts';

export type PathName = 'expert' | 'wandering' | 'premature' | 'guess' | 'scopedWrongCause' | 'scopedAllWrong' | 'misled';

/** Moves a minute apart (what each move is, is checked by the engine's import in the CLI; here it is built from the expert's own). */
const timed = (moves: object[]): Action[] => moves.map((m, i) => ({ ...m, at: 60 * i }) as Action);

/** A diagnosis of another kind, in another stage than the truth's. */
function wrongDiagnosis(c: Case, segment: Diagnosis['segment']): Diagnosis {
  const kind = FAULT_KINDS.find((k) => FAULTS[k].stage !== c.truth.stage && k !== 'source-outage')!;
  return { cause: kind, stage: FAULTS[kind].stage, component: FAULTS[kind].component, ...(segment ? { segment } : {}) };
}

/** A diagnosis naming a false lead's component (a kind that lives there), or null when no kind does. */
function leadDiagnosis(component: string): Diagnosis | null {
  const kind = (Object.keys(FAULTS) as FaultKind[]).find((k) => FAULTS[k].component === component);
  return kind ? { cause: kind, stage: FAULTS[kind].stage, component: FAULTS[kind].component } : null;
}

export function derivedPaths(c: Case): Partial<Record<PathName, Action[]>> {
  const steps = expertSteps(c);
  const moves = steps.filter((s) => s.action.type !== 'submit').map((s) => s.action);
  const submit = steps[steps.length - 1].action as Extract<Action, { type: 'submit' }>;
  const right = submit.diagnosis;
  const scoping = steps.filter((s) => s.reveals.includes('scope')).map((s) => s.action);
  const strip = (a: Action) => { const { at: _at, ...rest } = a; return rest; };
  const out: Partial<Record<PathName, Action[]>> = {
    expert: steps.map((s) => s.action),
    wandering: timed([
      { type: 'changelog' },
      { type: 'query', metric: c.truth.symptom, byDay: true },
      { type: 'inspect', view: 'stage_health' },
      { type: 'query', metric: 'hide_rate', groupBy: 'region' },
      { type: 'query', metric: 'session_depth', groupBy: 'platform' },
      ...moves.map(strip),
      { type: 'submit', diagnosis: right },
    ]),
    guess: timed([{ type: 'submit', diagnosis: right }]),
  };
  // The premature learner opens the component first: the first deep dive the expert would try there.
  const dive = localiseCandidates(c, {}, c.pair.factual.config.days).find((a) => judge(c, [a]).actions[0].classification === 'premature');
  if (dive) out.premature = timed([strip(dive), ...moves.map(strip), { type: 'submit', diagnosis: right }]);
  if (scoping.length) {
    out.scopedWrongCause = timed([...scoping.map(strip), { type: 'submit', diagnosis: wrongDiagnosis(c, right.segment) }]);
    out.scopedAllWrong = timed([...scoping.map(strip), { type: 'submit', diagnosis: wrongDiagnosis(c, { region: ['apac'], tenure: ['core'] }) }]);
    // Misled: scoped, then read the changelog and named a false lead's component.
    // A lead elsewhere than any acting fault (a deploy to the faulty component is no false lead to name).
    const faulty = new Set([c.truth.component, ...c.truth.others.map((f) => f.component)]);
    const lead = c.leads.find((l) => l.component && !faulty.has(l.component) && leadDiagnosis(l.component));
    if (lead) {
      out.misled = timed([...scoping.map(strip), { type: 'changelog' }, { type: 'inspect', view: 'stage_health', component: lead.component! }, { type: 'submit', diagnosis: leadDiagnosis(lead.component!)! }]);
    }
  }
  return out;
}

/**
 * The grading rules, as one list of failures (empty when every rule holds): the expert scores at
 * least `expertMin`; expert > wandering > premature; a guess below every transcript that saw the
 * scope, whatever its diagnosis; a misled transcript below the wanderer and above the guess.
 */
export function ruleFailures(scores: Partial<Record<PathName, number>>, expertMin: number): string[] {
  const s = scores;
  const out: string[] = [];
  const need = (ok: boolean, what: string) => { if (!ok) out.push(`${what} (${JSON.stringify(s)})`); };
  need(s.expert! >= expertMin, `expert ≥ ${expertMin}`);
  need(s.expert! > s.wandering!, 'expert > wandering');
  if (s.premature !== undefined) need(s.wandering! > s.premature, 'wandering > premature');
  for (const k of ['scopedWrongCause', 'scopedAllWrong', 'misled'] as const) {
    if (s[k] !== undefined) need(s.guess! < s[k]!, `guess < ${k}`);
  }
  if (s.misled !== undefined) need(s.misled < s.wandering!, 'misled < wandering');
  return out;
}
