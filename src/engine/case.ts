// Rule: a case is everything grading needs and nothing a learner did — the world pair, the
// scenario's grading sections, the truth, and the false leads (distractors and every deploy that
// is not the fault). What an action shows is computed once per distinct action and cached here.
import type { Action } from '../scenario/actions.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { WorldPair } from '../sim/simulate.ts';
import { deployLog } from '../sim/changelog.ts';
import { COMPONENT_STAGE, type ComponentId, type Stage } from '../sim/vocabulary.ts';
import { deriveTruth, type ActingFault, type Segment, type Truth } from './truth.ts';
import type { ResolvedDistractor } from '../sim/faults/specs.ts';
import { showAction, type View } from './view.ts';
import { readingsOf, type Reading } from './evidence.ts';
import { climb, type Climb } from './rungs.ts';

/** The parts of a scenario grading reads (all optional: a bare world pair can be graded too). */
export type CaseFile = Partial<Pick<Scenario, 'id' | 'timeline' | 'findings' | 'answer' | 'rubric' | 'tools' | 'timeLimitMinutes' | 'debrief' | 'hints'>>;

export interface Lead {
  what: string;
  day: number;
  component: ComponentId | null;
  stage: Stage | null;
  /** The users a distractor moves (a campaign's new sign-ups), where the fault's segment does not already claim them. */
  segment?: Segment;
  /** The days a short-lived distractor moves (a holiday, a novelty lift). */
  days?: [number, number];
}

export interface Look {
  view: View;
  readings: Reading[];
  climb: Climb;
}

export interface Case {
  pair: WorldPair;
  scenario: CaseFile;
  truth: Truth;
  /** Days a per-day chart visibly steps: the fault's onset and each distractor's. */
  onsets: number[];
  leads: Lead[];
  cache: Map<string, Look>;
  /** What each action shows and its readings: the same whichever fault the case is graded against. */
  shown: Map<string, Pick<Look, 'view' | 'readings'>>;
}

/**
 * What is computed once per world pair, whichever case opens it: the truth for each `answer`
 * (a scenario file's, or none), and what each action shows. Reopening a scenario, regrading a
 * transcript or grading another attempt on the same pair derives nothing again.
 */
const perPair = new WeakMap<WorldPair, { truths: Map<string, Truth>; shown: Map<string, Case['shown']> }>();

function pairMemo(pair: WorldPair) {
  let memo = perPair.get(pair);
  if (!memo) perPair.set(pair, (memo = { truths: new Map(), shown: new Map() }));
  return memo;
}

export function openCase(pair: WorldPair, scenario: CaseFile = {}): Case {
  const memo = pairMemo(pair);
  const answerKey = JSON.stringify(scenario.answer ?? null);
  let truth = memo.truths.get(answerKey);
  if (!truth) memo.truths.set(answerKey, (truth = deriveTruth(pair, scenario.answer)));
  const world = pair.factual;
  const leads: Lead[] = world.distractors.map((d) => {
    const component = (d.kind === 'unrelated-deploy' ? (d.params.component as ComponentId) : d.component) ?? null;
    return { what: d.kind, day: d.onsetDay, component, stage: component ? COMPONENT_STAGE[component] : null, ...leadFootprint(d, truth, world.config.days) };
  });
  const faulty = new Set([truth.component, ...truth.others.map((f) => f.component)]);
  for (const e of deployLog(world)) {
    if (!faulty.has(e.component) && !leads.some((l) => l.component === e.component)) {
      leads.push({ what: `${e.component} ${e.to}`, day: e.day, component: e.component, stage: COMPONENT_STAGE[e.component] });
    }
  }
  const onsets = [...new Set([truth.onsetDay, ...truth.others.map((f) => f.onsetDay), ...world.distractors.map((d) => d.onsetDay)].filter((d): d is number => d !== null))];
  // What a move shows depends on the pair and the days a chart steps (its readings cite them).
  const onsetKey = onsets.join(',');
  let shown = memo.shown.get(onsetKey);
  if (!shown) memo.shown.set(onsetKey, (shown = new Map()));
  return { pair, scenario, truth, onsets, leads, cache: new Map(), shown };
}

/**
 * The same case graded against another fault that acts (a diagnosis may name it): its stage,
 * component, cause and onset, the primary's segment and symptom (the population the briefing is
 * about). What moves show is shared; what they reveal is judged again.
 */
const byFault = new WeakMap<Case, Map<string, Case>>();

export function caseForFault(c: Case, f: ActingFault): Case {
  // One case per fault, so what its moves reveal and its expert path are derived once.
  let cases = byFault.get(c);
  if (!cases) byFault.set(c, (cases = new Map()));
  const key = `${f.cause}|${f.component}`;
  let made = cases.get(key);
  if (!made) cases.set(key, (made = caseFor(c, f)));
  return made;
}

function caseFor(c: Case, f: ActingFault): Case {
  const primary: ActingFault[] = c.truth.stage && c.truth.component && c.truth.cause !== 'no-regression' && c.truth.onsetDay !== null
    ? [{ stage: c.truth.stage, component: c.truth.component, cause: c.truth.cause, onsetDay: c.truth.onsetDay }]
    : [];
  const truth: Truth = { ...c.truth, ...f, others: [...primary, ...c.truth.others.filter((o) => o !== f)], fromAnswer: [] };
  return { ...c, truth, cache: new Map() };
}

/** What an action shows and what it reveals (cached by the action's content, not its time). */
export function lookAt(c: Case, action: Action): Look {
  const { at: _at, ...content } = action;
  const key = JSON.stringify(content);
  let look = c.cache.get(key);
  if (!look) {
    let shown = c.shown.get(key);
    if (!shown) {
      const view = showAction(c.pair.factual, action, c.scenario.timeline);
      shown = { view, readings: readingsOf(c.pair, action, view, c.onsets) };
      c.shown.set(key, shown);
    }
    look = { ...shown, climb: climb(shown.readings, c.truth) };
    c.cache.set(key, look);
  }
  return look;
}

/** Where a distractor's own signal lies: the users it moves and the days it lasts. */
function leadFootprint(d: ResolvedDistractor, truth: Truth, days: number): Pick<Lead, 'segment' | 'days'> {
  const p = d.params;
  switch (d.kind) {
    case 'mix-shift': {
      const values = [String(p.tenure ?? 'new')];
      // A campaign's segment is no false lead where the fault hits those users too.
      const claimed = truth.segment.tenure && values.every((v) => truth.segment.tenure.includes(v));
      return claimed ? {} : { segment: { tenure: values } };
    }
    case 'holiday':
      return { days: [d.onsetDay, Math.min(days, d.onsetDay + Number(p.days) - 1)] };
    case 'novelty-effect':
      return { days: [d.onsetDay, Math.min(days, d.onsetDay + Math.ceil(2 * Number(p.halfLifeDays)))] };
    default:
      return {};
  }
}
