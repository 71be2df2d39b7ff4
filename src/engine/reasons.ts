// Rule: every judgement carries one sentence a learner can check against the chart — what the
// move looked at, the numbers it showed, and why that counts (or does not) toward the ladder.
import type { Action, Diagnosis } from '../scenario/actions.ts';
import type { Case, Lead, Look } from './case.ts';
import type { Classification } from './judge.ts';
import type { Reading } from './evidence.ts';
import type { Rung } from './rungs.ts';
import type { Signal } from './signals.ts';
import type { ActingFault } from './truth.ts';
import { describeAction, describeSignal, pct } from './words.ts';


const RUNG_WORDS: Record<Rung, string> = {
  scope: 'who is affected',
  stage: 'the stage',
  component: 'the component',
  cause: 'the cause',
};

export function actionReason(c: Case, action: Action, look: Look | null, classification: Classification, reveals: Rung[], lead?: Lead): string {
  const what = describeAction(action);
  if (action.type === 'note') return `${what}: a hypothesis, not evidence (it costs nothing)`;
  if (action.type === 'hint') return `${what}: it costs efficiency`;
  if (!look) return what;
  if (look.view.kind === 'error') return `${what} could not be shown: ${look.view.message}`;
  const best = strongest(look.readings, true);
  switch (classification) {
    case 'revealing':
      if (reveals.includes('scope') && look.climb.because.scope) return `${what} showed ${scopeWords(c, look.climb.because.scope.reading)}`;
    {
      // The numbers cited are the ones that carry the deepest rung revealed (the solvability report cites the same).
      const top = [...reveals].reverse().find((r) => r !== 'scope');
      const cited = (top && look.climb.because[top]) || best;
      return `${what} showed ${cited ? describeSignal(cited.signal, cited.reading.metric) : 'the fault'}${twinWords(cited)} — it reveals ${reveals.map((r) => RUNG_WORDS[r]).join(', ')}: ${rungAnswer(c, reveals)}`;
    }
    case 'confirming':
      return best ? `${what} showed the fault's mark (${describeSignal(best.signal, best.reading.metric)}), but nothing that narrows it down further` : `${what} matched an author's finding`;
    case 'premature': {
      const shown = reveals.length && best ? ` It did show ${describeSignal(best.signal, best.reading.metric)}, revealing ${reveals.map((r) => RUNG_WORDS[r]).join(', ')}.` : '';
      return `${what} before knowing who is affected: a deep dive before the scope.${shown}`;
    }
    case 'misled': {
      const other = strongest(look.readings, false);
      const showed = other ? ` showed ${describeSignal(other.signal, other.reading.metric)}, a change that is there without the fault too,` : '';
      return `${what}${showed} led toward ${lead ? leadWords(lead) : 'a false lead'}, not the fault`;
    }
    case 'uninformative': {
      if (action.type === 'changelog') return `${what}: it lists what changed (${c.leads.length + (c.truth.component ? 1 : 0)} entries), not what broke`;
      const fault = c.truth.onsetDay;
      const windows = look.readings.map((r) => r.spec.window?.[1] ?? Infinity);
      if (fault !== null && windows.length && Math.max(...windows) < fault) return `${what}: its days end before anything broke`;
      const other = strongest(look.readings, false);
      return other ? `${what} showed ${describeSignal(other.signal, other.reading.metric)}, but that is there without the fault too` : `${what} showed no difference larger than the noise`;
    }
  }
}

function strongest(readings: Reading[], fromFault: boolean): { reading: Reading; signal: Signal } | null {
  let best: { reading: Reading; signal: Signal } | null = null;
  for (const reading of readings) {
    for (const signal of reading.signals) {
      if (!signal.visible || signal.fromFault !== fromFault) continue;
      const z = fromFault ? Math.abs(signal.faultZ) : Math.abs(signal.z);
      if (!best || z > (fromFault ? Math.abs(best.signal.faultZ) : Math.abs(best.signal.z))) best = { reading, signal };
    }
  }
  return best;
}

function twinWords(best: { reading: Reading; signal: Signal } | null): string {
  if (!best || best.signal.twinEffect === 0) return '';
  const s = best.signal;
  const twinRel = s.reference !== 0 ? s.twinEffect / Math.abs(s.reference) : null;
  // Say what the number is: the same comparison in the fault-free twin.
  return s.kind === 'group' ? ` (without the fault: ${pct(twinRel)} against the rest)` : ` (without the fault: ${pct(twinRel)} over the same days)`;
}

/**
 * The numbers a scope is read from, the same in a move's reason and in the solvability report:
 * the mean relative change (or gap against the rest) of the affected groups shown, of the others
 * beside them, and the strongest affected group's signal.
 */
export interface ScopeFigures {
  dimension: string;
  kind: Signal['kind'];
  inside: Signal[];
  outside: Signal[];
  effect: number | null;
  against: number | null;
  strongest: Signal | null;
}

export function scopeFigures(c: Case, reading: Reading): ScopeFigures {
  const dim = reading.spec.groupBy!;
  const values = c.truth.segment[dim] ?? [];
  const kind = reading.signals.some((s) => s.kind === 'change' && s.fromFault) ? 'change' : 'group';
  const sigs = reading.signals.filter((s) => s.kind === kind && s.group !== null);
  const mean = (xs: Signal[]) => (xs.length ? xs.reduce((a, s) => a + (s.relative ?? 0), 0) / xs.length : null);
  // With no segment (a fault that hits everyone) the affected groups are the ones the fault moved.
  const inside = sigs.filter((s) => (values.length ? values.includes(s.group!) : true) && s.fromFault);
  const outside = sigs.filter((s) => (values.length ? !values.includes(s.group!) : !s.fromFault));
  const strongest = inside.length ? inside.reduce((a, s) => (Math.abs(s.faultZ) > Math.abs(a.faultZ) ? s : a)) : null;
  return { dimension: dim, kind, inside, outside, effect: mean(inside), against: mean(outside), strongest };
}

/** "the drop is confined to tenure new (−16% vs −1%)". */
function scopeWords(c: Case, reading: Reading): string {
  const f = scopeFigures(c, reading);
  const dim = f.dimension;
  const values = c.truth.segment[dim] ?? [];
  if (!values.length) return `the fault in ${f.inside.length || 'most'} groups of ${dim} alike (${pct(f.effect)}${f.outside.length ? `, against ${pct(f.against)} for the rest` : ''}): it is not confined to one segment`;
  const drop = (f.effect ?? 0) < 0 ? 'drop' : 'rise';
  const each = f.inside.length && f.inside.length <= 3 ? f.inside.map((s) => `${s.group} ${pct(s.relative)}`).join(', ') : `${f.inside.map((s) => s.group).join(', ') || values.join(', ')} ${pct(f.effect)}`;
  const what = f.kind === 'change' ? '' : ' against the rest';
  return `the ${drop} is confined to ${dim} ${each}${what}, against ${pct(f.against)} for the other ${dim === 'user_interest' ? 'interests' : 'groups'}`;
}

function rungAnswer(c: Case, reveals: Rung[]): string {
  const t = c.truth;
  const top = reveals.filter((r) => r !== 'scope').pop();
  if (top === 'cause') return `${t.cause} in ${t.component}`;
  if (top === 'component') return `${t.component}`;
  if (top === 'stage') return `${t.stage}`;
  return Object.entries(t.segment).map(([d, v]) => `${d} ${v.join('/')}`).join(', ');
}

function leadWords(l: Lead): string {
  const where = l.segment ? Object.entries(l.segment).map(([d, v]) => `, ${d} ${v.join('/')}`).join('') : l.days ? `–${l.days[1]}` : '';
  return `the ${l.what} (day ${l.day}${where}${l.component && !l.segment && !l.days ? `, ${l.component}` : ''})`;
}

export function submitReason(c: Case, d: Diagnosis, lead: Lead | null): string {
  const t = c.truth;
  const said = `${d.cause}${d.component ? ` in ${d.component}` : ''}${d.stage ? ` (${d.stage})` : ''}`;
  if (d.cause === t.cause) return `Submitted ${said}: the right cause`;
  return `Submitted ${said}; it was ${t.cause}${t.component ? ` in ${t.component}` : ''}` + (lead ? ` — the diagnosis follows ${leadWords(lead)}` : '');
}

/** A diagnosis naming a fault that acts, but not the primary one. */
export function otherFaultReason(c: Case, f: ActingFault, credit: number): string {
  const t = c.truth;
  return `Submitted ${f.cause} in ${f.component} (${f.stage}): a fault that acts too, from day ${f.onsetDay} — but the primary fault, the one this scenario asks for, is ${t.cause} in ${t.component}, from day ${t.onsetDay}, so the diagnosis earns ${Math.round(credit * 100)}% of the credit`;
}
