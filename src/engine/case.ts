// Rule: a case is everything grading needs and nothing a learner did — the world pair, the
// scenario's grading sections, the truth, and the false leads (distractors and every deploy that
// is not the fault). What an action shows is computed once per distinct action and cached here.
import type { Action } from '../scenario/actions.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { WorldPair } from '../sim/simulate.ts';
import { deployLog } from '../sim/changelog.ts';
import { COMPONENT_STAGE, type ComponentId, type Stage } from '../sim/vocabulary.ts';
import { deriveTruth, type Truth } from './truth.ts';
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
}

export function openCase(pair: WorldPair, scenario: CaseFile = {}): Case {
  const truth = deriveTruth(pair, scenario.answer);
  const world = pair.factual;
  const leads: Lead[] = world.distractors.map((d) => {
    const component = (d.kind === 'unrelated-deploy' ? (d.params.component as ComponentId) : d.component) ?? null;
    return { what: d.kind, day: d.onsetDay, component, stage: component ? COMPONENT_STAGE[component] : null };
  });
  for (const e of deployLog(world)) {
    if (e.component !== truth.component && !leads.some((l) => l.component === e.component)) {
      leads.push({ what: `${e.component} ${e.to}`, day: e.day, component: e.component, stage: COMPONENT_STAGE[e.component] });
    }
  }
  const onsets = [...new Set([truth.onsetDay, ...world.distractors.map((d) => d.onsetDay)].filter((d): d is number => d !== null))];
  return { pair, scenario, truth, onsets, leads, cache: new Map() };
}

/** What an action shows and what it reveals (cached by the action's content, not its time). */
export function lookAt(c: Case, action: Action): Look {
  const { at: _at, ...content } = action;
  const key = JSON.stringify(content);
  let look = c.cache.get(key);
  if (!look) {
    const view = showAction(c.pair.factual, action, c.scenario.timeline);
    const readings = readingsOf(c.pair, action, view, c.onsets);
    look = { view, readings, climb: climb(readings, c.truth) };
    c.cache.set(key, look);
  }
  return look;
}
