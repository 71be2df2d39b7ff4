// Rule: a scenario is solvable at a seed when the expert path reveals every rung with a visible,
// fault-made signal, and no false lead moves the place where the scope is found more strongly
// than the fault does — or, with nothing broken, when the alarm is visible in the aggregate and
// the expert's slice shows every segment flat. Each step reports its effect size and
// significance (the same numbers its move's reason gives), so an author sees how much margin
// the seed leaves; a step that fails names the best move tried and the knob that would help.
import type { Action } from '../scenario/actions.ts';
import { FAULTS } from '../sim/faults/catalog.ts';
import { SIGNIFICANT_Z } from '../sim/footprint.ts';
import type { Dimension } from '../sim/vocabulary.ts';
import { lookAt, type Case } from './case.ts';
import { localiseCandidates, scopeMetrics } from './expertPath.ts';
import { expertOf } from './grade.ts';
import { scopeFigures } from './reasons.ts';
import { RUNGS, type Rung } from './rungs.ts';
import { signalsOf, type Signal } from './signals.ts';
import { isSegmentDimension, SEGMENT_DIMENSIONS } from './truth.ts';
import type { Reading } from './evidence.ts';
import { METRIC_COMPONENTS, tellsKind } from './ladderMaps.ts';
import { describeAction, pct } from './words.ts';

export interface SolvabilityStep {
  /** A rung of the ladder; with nothing broken, `alarm` (the aggregate moved) and `flat` (no segment did). */
  rung: Rung | 'alarm' | 'flat';
  move: string | null;
  /** Relative size of the signal the move shows, its z, and the z of the fault's part of it. */
  effect: number | null;
  /** For the scope: the same measure in the other groups shown beside the affected ones. */
  against?: number | null;
  z: number | null;
  faultZ: number | null;
  ok: boolean;
  problem?: string;
  /** When the step fails: the closest move tried, and what an author could change. */
  closest?: Tried;
  advice?: string[];
}

/** A move the search tried, with its strongest difference the fault made (visible or not). */
export interface Tried {
  action: Action;
  move: string;
  effect: number | null;
  z: number;
  faultZ: number;
  /** Whether the difference is visible and the fault's (then it fails for being in the wrong place, not for being small). */
  visible: boolean;
}

export interface Solvability {
  ok: boolean;
  steps: SolvabilityStep[];
  problems: string[];
}

export function solvability(c: Case): Solvability {
  if (c.truth.cause === 'no-regression') return nothingBroken(c);
  const expert = expertOf(c);
  const problems: string[] = [];
  const steps: SolvabilityStep[] = RUNGS.map((rung) => {
    const index = expert.judgement.revealedAt[rung];
    if (index === undefined) {
      const closest = closestTried(c, rung);
      const why = closest?.visible
        ? 'visible, but not where the ' + rung + ' shows (the kind\'s own evidence is in its Signatures row)'
        : `below the bar: a move counts from |z| ${SIGNIFICANT_Z}`;
      const problem = closest
        ? `no move reveals the ${rung} at this seed: the closest, ${closest.move}, shows the fault's part at z ${closest.faultZ.toFixed(1)} (${pct(closest.effect)}) — ${why}`
        : `no move reveals the ${rung} at this seed: no display that speaks about it shows a difference the fault made`;
      problems.push(problem);
      return { rung, move: null, effect: null, z: null, faultZ: null, ok: false, problem, ...(closest ? { closest } : {}), advice: adviceFor(c, rung, closest) };
    }
    const action = expert.actions[index];
    if (expert.judgement.actions[index].classification === 'premature') {
      // A rung reached only through a deep dive before the scope is no path to teach.
      const problem = `the ${rung} shows only in a deep dive before the scope (${describeAction(action)}): make the scope visible first (see the scope's advice)`;
      problems.push(problem);
      return { rung, move: describeAction(action), effect: null, z: null, faultZ: null, ok: false, problem };
    }
    const because = lookAt(c, action).climb.because[rung];
    // The scope's numbers are the ones its move's reason gives (the affected groups' mean, and the others').
    const figures = rung === 'scope' && because ? scopeFigures(c, because.reading) : null;
    const cited = figures?.strongest ?? because?.signal ?? null;
    const step: SolvabilityStep = {
      rung,
      move: describeAction(action),
      effect: figures ? figures.effect : (because?.signal.relative ?? null),
      ...(figures && figures.outside.length ? { against: figures.against } : {}),
      z: cited?.z ?? null,
      faultZ: cited?.faultZ ?? null,
      ok: true,
    };
    if (rung === 'scope' && because && !because.signal.vanished) {
      // Where the scope is found, what moved the group without the fault must not outweigh the fault.
      const sig = because.signal;
      const faultPart = sig.effect - sig.twinEffect;
      if (Math.abs(sig.twinEffect) > Math.abs(faultPart)) {
        step.ok = false;
        step.problem = `in ${sig.dimension} ${sig.group}, other changes (${c.leads.map((l) => l.what).join(', ') || 'drift'}) move the metric more (${fmt(sig.twinEffect)}) than the fault does (${fmt(faultPart)})`;
        step.advice = ['move a distractor\'s onset away from the fault\'s, or weaken it (its size parameter)', 'or strengthen the fault so its part outweighs the drift'];
        problems.push(`scope: ${step.problem}`);
      }
    }
    return step;
  });
  return { ok: problems.length === 0, steps, problems };
}

/**
 * Nothing broke: the evidence is the alarm in the aggregate (the metric moved from the first
 * change's day) and the expert's slice showing every segment flat — a mix shift moves only the total.
 */
function nothingBroken(c: Case): Solvability {
  const expert = expertOf(c);
  const move = expert.actions.find((a): a is Extract<Action, { type: 'query' }> => a.type === 'query');
  const problems: string[] = [];
  if (!move) return { ok: false, steps: [], problems: ['the expert path has no slice to show the segments flat'] };
  const days = c.pair.factual.config.days;
  const split = c.onsets.filter((d) => d > 1 && d <= days).sort((a, b) => a - b)[0] ?? ('halves' as const);
  const total = signalsOf(c.pair, { spec: { metric: move.metric, byDay: true }, split }).find((s) => s.kind === 'change' && s.group === null) ?? null;
  const alarm: SolvabilityStep = {
    rung: 'alarm',
    move: describeAction({ at: 0, type: 'query', metric: move.metric, byDay: true }),
    effect: total?.relative ?? null,
    z: total?.z ?? null,
    faultZ: null,
    ok: Boolean(total?.visible),
  };
  if (!alarm.ok) {
    alarm.problem = `the aggregate ${move.metric} does not move visibly (z ${total?.z.toFixed(1) ?? '—'}): there is no alarm to explain`;
    alarm.advice = ['strengthen the distractor (a mix shift\'s factor), or give the world more users'];
    problems.push(alarm.problem);
  }
  const groups = signalsOf(c.pair, { spec: { metric: move.metric, groupBy: move.groupBy as Dimension, filter: move.filter as Record<string, string[]> | undefined }, split }).filter((s) => s.kind === 'change');
  const moved = groups.filter((s) => s.visible);
  const largest = groups.reduce<Signal | null>((a, s) => (!a || Math.abs(s.z) > Math.abs(a.z) ? s : a), null);
  const flat: SolvabilityStep = {
    rung: 'flat',
    move: describeAction(move),
    effect: largest?.relative ?? null,
    z: largest?.z ?? null,
    faultZ: null,
    ok: groups.length > 1 && moved.length === 0,
  };
  if (!flat.ok) {
    flat.problem = groups.length <= 1
      ? `${describeAction(move)} shows one group: nothing to compare`
      : `${describeAction(move)} shows ${moved.map((s) => `${s.group} ${pct(s.relative)} (z ${s.z.toFixed(1)})`).join(', ')} moving: a segment moved, so the alarm is not the mix alone`;
    flat.advice = ['slice by the dimension the mix shifts (a campaign\'s tenure), or check that no fault hides in the scenario'];
    problems.push(flat.problem);
  }
  return { ok: problems.length === 0, steps: [alarm, flat], problems };
}

/**
 * The move the search could have used for `rung` that came closest: the strongest fault-made
 * difference, seen or not, among the displays that speak about the rung — slices by a segment
 * dimension for the scope; for the others, readings about the true component, stage or kind.
 */
function closestTried(c: Case, rung: Rung): Tried | null {
  const t = c.truth;
  const candidates: Action[] = rung === 'scope'
    ? [...scopeMetrics(c)].slice(0, 8).flatMap((metric) => SEGMENT_DIMENSIONS.map((groupBy) => ({ at: 0, type: 'query', metric, groupBy }) as Action))
    : localiseCandidates(c, t.segment, c.pair.factual.config.days);
  const speaks = (r: Reading) => rung === 'scope'
    ? isSegmentDimension(r.spec.groupBy)
    : r.component === t.component || r.stage === t.stage || Boolean(t.component && METRIC_COMPONENTS[r.metric]?.includes(t.component)) || tellsKind(t.cause, r);
  let best: Tried | null = null;
  for (const action of candidates) {
    const look = lookAt(c, action);
    if (look.view.kind === 'error') continue;
    for (const r of look.readings.filter(speaks)) {
      for (const s of r.signals) {
        const part = s.effect - s.twinEffect;
        if (Math.sign(part) !== Math.sign(s.effect) && !s.vanished) continue;
        if (!best || Math.abs(s.faultZ) > Math.abs(best.faultZ)) best = { action, move: describeAction(action), effect: s.relative, z: s.z, faultZ: s.faultZ, visible: s.fromFault };
      }
    }
  }
  return best;
}

/** Which knob would help: a larger world, a longer window after the onset, a stronger parameter, a symptom. */
function adviceFor(c: Case, rung: Rung, closest: Tried | null): string[] {
  const out: string[] = [];
  const cfg = c.pair.factual.config;
  const z = closest ? Math.abs(closest.faultZ) : 0;
  if (closest && !closest.visible && z > 0.5 && z < SIGNIFICANT_Z) {
    const factor = Math.ceil(((SIGNIFICANT_Z * 1.3) / z) ** 2 * 10) / 10;
    out.push(`a larger world: z grows with √(rows), so about ${factor}× the users (world.users: ${Math.ceil((cfg.users * factor) / 1000) * 1000}) would reach the bar`);
  }
  const after = c.truth.onsetDay !== null ? cfg.days - c.truth.onsetDay + 1 : cfg.days;
  if (after < 7) out.push(`a longer window: only ${after} day(s) follow the onset — a later world.days or an earlier onsetDay gives the fault more days to show`);
  const strength = c.truth.cause !== 'no-regression' ? strengthParams(c.truth.cause) : [];
  if (strength.length) out.push(`a stronger fault: its ${strength.join(', ')} parameter${strength.length > 1 ? 's' : ''} (see the kind's parameters in the guide)`);
  if (rung === 'scope' && !c.truth.fromAnswer.includes('symptom')) {
    out.push(`name the alarm: answer.symptom sets the metric scoping starts from (now ${c.truth.symptom}, derived); the briefing should be about the same metric`);
  }
  if (!out.length) out.push('this kind leaves no mark a move can show at this size: see the Signatures table for the views that show it');
  return out;
}

/** A kind's numeric parameters that set how hard it hits (rates, strengths, lifts). */
function strengthParams(kind: keyof typeof FAULTS): string[] {
  const shape = FAULTS[kind].params.shape as Record<string, { def?: { type?: string; innerType?: { def?: { type?: string } } } }>;
  return Object.entries(shape)
    .filter(([name, schema]) => /rate|strength|lift|factor|scale/i.test(name) && (schema.def?.type === 'number' || schema.def?.innerType?.def?.type === 'number'))
    .map(([name]) => name);
}

const fmt = (x: number) => `${x < 0 ? '−' : '+'}${Math.abs(x).toPrecision(2)}`;
