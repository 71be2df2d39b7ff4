// Grading on a small world with a known fault: the truth, each move's classification, the expert
// path, the score's ordering, and that grading is a pure function of the case and the moves.
import { beforeAll, describe, expect, it } from 'vitest';
import { openCase, type Case } from '../../src/engine/case.ts';
import { GUESS_CREDIT } from '../../src/engine/score.ts';
import { grade } from '../../src/engine/grade.ts';
import { judge } from '../../src/engine/judge.ts';
import { step } from '../../src/engine/investigation.ts';
import { solvability } from '../../src/engine/solvability.ts';
import type { Action } from '../../src/scenario/actions.ts';
import { fixture, PATHS } from './helpers.ts';
import { debriefText } from '../../src/engine/debrief.ts';

let c: Case;
beforeAll(() => {
  const { scenario, pair } = fixture();
  c = openCase(pair, scenario);
}, 180_000);

const kinds = (actions: Action[]) => judge(c, actions).actions.map((a) => [a.classification, a.reveals.join('+')]);

describe('truth', () => {
  it('comes from the fault and its footprint', () => {
    expect(c.truth).toMatchObject({ stage: 'presentation', component: 'feed-client', cause: 'client-render-bug', symptom: 'ctr', onsetDay: 6 });
    expect(c.truth.segment).toEqual({ app_version: ['ios-42.0'] });
    expect(c.truth.effect!).toBeLessThan(-0.3);
  });
  it('is overridden by the file’s answer', () => {
    const o = openCase(c.pair, { answer: { cause: 'client-render-bug', stage: 'presentation', component: 'feed-client', segment: { platform: ['ios'] } } });
    expect(o.truth.segment).toEqual({ platform: ['ios'] });
    expect(o.truth.fromAnswer).toEqual(['stage', 'component', 'cause', 'segment']);
  });
});

describe('classification', () => {
  it('credits the slice that scopes the drop and the metric that names component and cause', () => {
    expect(kinds(PATHS.expert)).toEqual([['revealing', 'scope'], ['revealing', 'stage+component+cause'], ['confirming', '']]);
    const g = grade(c, PATHS.expert);
    expect(g.actions[0].reason).toMatch(/^Slicing click-through rate by app_version showed the drop is confined to app_version ios-42.0 −\d+%, against [+−][\d.]+% for the other groups$/);
    // What the fault-free twin would show is named as the same comparison, not a bare number.
    expect(g.actions[1].reason).toMatch(/\(without the fault: [+−][\d.]+% (against the rest|over the same days)\)/);
  });
  it('calls slices that show nothing the fault made uninformative, even when they show a difference', () => {
    // By region, one region stands out — as it does without the fault (regions differ by design).
    const [, , , region] = judge(c, PATHS.wandering).actions;
    expect(region.classification).toBe('uninformative');
    expect(region.reason).toMatch(/there without the fault too|no difference/);
  });
  it('calls a component deep dive before the scope premature', () => {
    expect(kinds(PATHS.premature)[0]).toEqual(['premature', '']);
  });
  it('calls chasing a false lead misled — the move that showed it and the move that followed it', () => {
    const j = judge(c, PATHS.wrongCause).actions;
    expect(j.map((a) => a.classification)).toEqual(['revealing', 'misled', 'misled', 'misled']);
    expect(j[2].lead).toBe('unrelated-deploy');
  });
  it('lets an author finding vouch for a move the engine found nothing in', () => {
    const withFinding = openCase(c.pair, { findings: [{ id: 'changelog', text: 'The changelog names the client release.', revealedBy: { type: 'changelog' } }] });
    const [first] = judge(withFinding, [{ at: 0, type: 'changelog' }]).actions;
    expect(first).toMatchObject({ classification: 'confirming', findings: ['changelog'] });
  });
});

describe('expert path and solvability', () => {
  it('reveals scope, stage, component and cause in order, in few moves', () => {
    const g = grade(c, PATHS.lucky);
    const moves = g.expertPath.filter((s) => s.action.type !== 'submit');
    expect(moves.length).toBeLessThanOrEqual(3);
    expect(moves.flatMap((s) => s.reveals)).toEqual(['scope', 'stage', 'component', 'cause']);
    expect(solvability(c).ok).toBe(true);
  });
});

describe('score', () => {
  it('orders expert > wandering > premature, expert > wrong cause, and a lucky guess below 40', () => {
    const s = Object.fromEntries(Object.entries(PATHS).map(([k, v]) => [k, grade(c, v).score]));
    expect(s.expert).toBeGreaterThanOrEqual(90);
    expect(s.expert).toBeGreaterThan(s.wandering);
    expect(s.wandering).toBeGreaterThan(s.premature);
    expect(s.expert).toBeGreaterThan(s.wrongCause + 30);
    expect(s.lucky).toBeLessThan(40);
  });
  it('follows the rubric’s weights', () => {
    const onlyCorrectness = openCase(c.pair, { rubric: { correctness: 1, directness: 0, evidence: 0, efficiency: 0 } });
    // A right answer nothing showed earns a fifth of each claim's correctness.
    expect(grade(onlyCorrectness, PATHS.lucky).score).toBe(Math.round(100 * GUESS_CREDIT));
  });
  it('is the same when the transcript is replayed, in the same case or a new one', () => {
    const once = grade(c, PATHS.wandering);
    expect(grade(c, PATHS.wandering)).toEqual(once);
    expect(grade(openCase(c.pair, fixture().scenario), PATHS.wandering)).toEqual(once);
  });
  it('judges move by move (the app’s way) exactly as a whole transcript', () => {
    let actions: Action[] = [];
    let last = null as ReturnType<typeof step> | null;
    for (const a of PATHS.wandering) {
      last = step(c, actions, a);
      actions = last.actions;
    }
    expect(last!.judgement).toEqual(judge(c, PATHS.wandering));
    expect(last!.event.type).toBe('SUBMIT');
  });
});

describe('moves that show nothing', () => {
  const right = PATHS.lucky[PATHS.lucky.length - 1];
  it('earn nothing: a window outside the world, a filter no row matches — uninformative, never credited, even when a finding names them', () => {
    const outside: Action = { at: 0, type: 'query', metric: 'ctr', groupBy: 'app_version', window: [50, 60] };
    const noRows: Action = { at: 10, type: 'query', metric: 'ctr', groupBy: 'app_version', filter: { platform: ['web'], app_version: ['ios-42.0'] } };
    const withFinding = openCase(c.pair, { ...c.scenario, findings: [{ id: 'by-version', text: 'Clicks by app version', revealedBy: { type: 'query', metric: 'ctr', groupBy: 'app_version' } }] });
    const g = grade(withFinding, [outside, noRows, { ...right, at: 20 }]);
    expect(g.actions.slice(0, 2).map((a) => a.classification)).toEqual(['uninformative', 'uninformative']);
    expect(g.actions[0].reason).toMatch(/could not be shown: window must be two days A:B with 1 ≤ A ≤ B ≤ 10, got 50:60/);
    expect(g.actions[1].reason).toMatch(/showed no rows/);
    expect(g.actions[0].findings).toEqual([]);
    // Nothing they showed backs the diagnosis: the same as submitting with no moves at all (bar the extra moves' efficiency, which a guess has none of).
    expect(g.score).toBe(grade(withFinding, [right]).score);
  });
});


describe('the debrief as Markdown', () => {
  it('says what each move was (once), sets the diagnosis against the truth part by part, quotes the remediation — and keeps what the learner wrote inert', () => {
    const submit = PATHS.expert[2] as Extract<Action, { type: 'submit' }>;
    const actions: Action[] = [
      PATHS.expert[0],
      { at: 30, type: 'note', text: 'suspect <img src=x onerror=1> [this](javascript:1)\n# no heading' },
      PATHS.expert[1],
      { ...submit, diagnosis: { ...submit.diagnosis, remediation: 'Roll back <b>42.0</b> | then [gate](javascript:x)' } },
    ];
    const text = debriefText(grade(c, actions), 'A title', actions);
    expect(text).toMatch(/^ 1\. ▲ revealing → scope \(0:00\)\n {4}Slicing click-through rate by app_version showed/m);
    expect(text).toContain('## Your diagnosis against the truth\n\n| | yours | truth | |\n|---|---|---|---|\n| stage | presentation | presentation | right |');
    expect(text).toMatch(/\| segment \| app version = ios-42\.0 \| app version = ios-42\.0 \| right \|/);
    expect(text).toContain('## Your remediation\n\n> Roll back \\<b\\>42.0\\</b\\> \\| then \\[gate\\](javascript:x)');
    // The note: no tag, no link, no heading of its own in any renderer.
    expect(text).toContain('Noting "suspect \\<img src=x onerror=1\\> \\[this\\](javascript:1) # no heading"');
    expect(text).not.toMatch(/^# no heading/m);
    expect(text).not.toMatch(/(?<!\\)<img|(?<!\\)\[this\]/);
  });
});
