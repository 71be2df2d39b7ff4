// Rule: each move is judged by what it showed and what the learner already knew, in order —
// revealing (a rung or segment slice not seen before), confirming (the fault's mark, nothing
// new), uninformative (nothing the fault made), premature (a component deep dive before the
// scope was known — with nothing broken, before checking the alarm segment by segment), misled (a
// change the fault did not make, which the learner then chased).
import type { Action } from '../scenario/actions.ts';
import { COMPONENT_STAGE, type ComponentId } from '../sim/vocabulary.ts';
import { isSegmentDimension } from './truth.ts';
import { lookAt, type Case, type Lead } from './case.ts';
import { matchesFinding } from './findings.ts';
import { METRIC_COMPONENTS } from './ladderMaps.ts';
import { RUNGS, type Rung } from './rungs.ts';
import { actionReason, submitReason } from './reasons.ts';
import { emptyView, showsSomething } from './view.ts';
import { daysSignal } from './signals.ts';

export const CLASSIFICATIONS = ['revealing', 'confirming', 'uninformative', 'premature', 'misled'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export interface JudgedAction {
  index: number;
  type: Action['type'];
  at: number;
  classification: Classification;
  /** Rungs (and new segment slices, as `scope`) first seen in this move. */
  reveals: Rung[];
  reason: string;
  /** Author findings this move matched. */
  findings: string[];
  /** The false lead this move showed or chased. */
  lead?: string;
}

export interface Judgement {
  actions: JudgedAction[];
  /** Rungs the learner saw, in the order first seen. */
  seen: Rung[];
  /** Segment dimensions the learner saw the fault confined to. */
  scopeDimensions: string[];
  /** Index of the move that first revealed each rung. */
  revealedAt: Partial<Record<Rung, number>>;
  /** Whether the learner checked the alarm segment by segment (a user slice or a contrast) — the scoping step when nothing broke. */
  sliced: boolean;
}

/** A query that slices by a kind of user (or pins by age, or an experiment's arms): it asks who is affected (scoping). */
const slicesByUser = (a: Action) => a.type === 'query' && isSegmentDimension(a.groupBy);

/**
 * Opening one component's internals (an inspector other than stage health, or a component's own
 * metric) — but not a query that slices by a kind of user, nor one of the symptom (the metric the
 * briefing's alarm is about is where scoping starts).
 */
function isDeepDive(a: Action, symptom: string): boolean {
  if (a.type === 'inspect') return a.view !== 'stage_health';
  if (a.type === 'query') return a.metric !== symptom && !slicesByUser(a) && Boolean(METRIC_COMPONENTS[a.metric as keyof typeof METRIC_COMPONENTS]);
  return false;
}

/** The component a move looks into, if any. */
function componentOf(a: Action): ComponentId | null {
  if (a.type === 'inspect') return (a.component as ComponentId | undefined) ?? null;
  if (a.type === 'query') return METRIC_COMPONENTS[a.metric as keyof typeof METRIC_COMPONENTS]?.[0] ?? null;
  return null;
}

export function judge(c: Case, actions: readonly Action[]): Judgement {
  const seen: Rung[] = [];
  const scopeDimensions: string[] = [];
  const revealedAt: Judgement['revealedAt'] = {};
  const out: JudgedAction[] = [];
  const pending: { index: number; lead: Lead }[] = [];
  /** False leads the learner has been shown so far (following one is misled). */
  const shownLeads: Lead[] = [];
  // With nothing broken there is no scope to reveal: the scope step is checking whether the
  // alarm is the same for every kind of user (a user slice of an outcome metric, or a contrast).
  const noFault = c.truth.cause === 'no-regression';
  let sliced = false;
  const chase = (chased: Lead) => {
    for (const p of pending.splice(0)) {
      const j = out[p.index];
      const lead = actions[p.index].type === 'changelog' ? chased : p.lead;
      if (j.classification === 'uninformative' || j.classification === 'confirming') {
        out[p.index] = { ...j, classification: 'misled', lead: lead.what, reason: actionReason(c, actions[p.index], lookAt(c, actions[p.index]), 'misled', [], lead) };
      }
    }
  };
  actions.forEach((action, index) => {
    const base = { index, type: action.type, at: action.at, findings: (c.scenario.findings ?? []).filter((f) => matchesFinding(f, action)).map((f) => f.id) };
    if (action.type === 'submit') {
      const lead = leadNamed(c, action.diagnosis) ?? followedLead(action, shownLeads);
      if (lead) chase(lead);
      const right = action.diagnosis.cause === c.truth.cause;
      out.push({ ...base, classification: right ? 'confirming' : lead ? 'misled' : 'uninformative', reveals: [], reason: submitReason(c, action.diagnosis, lead), ...(lead ? { lead: lead.what } : {}) });
      return;
    }
    if (!showsSomething(action)) {
      out.push({ ...base, classification: 'uninformative', reveals: [], reason: actionReason(c, action, null, 'uninformative', []) });
      return;
    }
    if (action.type === 'contrast' && c.scenario.tools?.contrast === false) {
      out.push({ ...base, classification: 'uninformative', reveals: [], reason: 'The contrast view is off in this scenario: the move could not have been made' });
      return;
    }
    const look = lookAt(c, action);
    const empty = emptyView(look.view);
    if (empty) {
      // A move that showed nothing earns nothing, whatever finding its shape matches.
      out.push({ ...base, findings: [], classification: 'uninformative', reveals: [], reason: `${actionReason(c, action, null, 'uninformative', [])} ${empty}` });
      return;
    }
    const reveals: Rung[] = look.climb.rungs.filter((r) => !seen.includes(r));
    const newSlice = look.climb.scopeDimensions.some((d) => !scopeDimensions.includes(d));
    if (newSlice && !reveals.includes('scope')) reveals.unshift('scope');
    const premature = isDeepDive(action, c.truth.symptom) && !(noFault ? sliced : seen.includes('scope'));
    if (action.type === 'contrast' || slicesByUser(action)) sliced = true;
    const fault = look.readings.some((r) => r.signals.some((s) => s.fromFault));
    const chased = chasedLead(c, action, reveals.length > 0) ?? (reveals.length ? null : followedLead(action, shownLeads));
    // The verdict follows what the move showed: the fault's mark confirms, even on a path a false
    // lead suggested; a lead chased into a display without the fault's mark misleads.
    const misled = chased && !fault ? chased : null;
    let classification: Classification = premature ? 'premature' : reveals.length ? 'revealing' : misled ? 'misled' : fault ? 'confirming' : 'uninformative';
    if (classification === 'uninformative' && base.findings.length) classification = 'confirming';
    if (misled && !reveals.length) chase(misled);
    const shown = leadsShown(c, action, look);
    for (const lead of shown) if (!shownLeads.includes(lead)) shownLeads.push(lead);
    if (shown.length && (classification === 'uninformative' || classification === 'confirming')) pending.push({ index, lead: shown[0] });
    for (const r of reveals) if (!seen.includes(r)) { seen.push(r); revealedAt[r] = index; }
    for (const d of look.climb.scopeDimensions) if (!scopeDimensions.includes(d)) scopeDimensions.push(d);
    out.push({ ...base, classification, reveals, reason: actionReason(c, action, look, classification, reveals, misled ?? undefined), ...(misled ? { lead: misled.what } : {}) });
  });
  seen.sort((a, b) => RUNGS.indexOf(a) - RUNGS.indexOf(b));
  return { actions: out, seen, scopeDimensions, revealedAt, sliced };
}

/**
 * The false leads a display showed: a visible change the fault did not make around a lead's day;
 * a distractor's users standing out (or moving) in a slice by their dimension, not through the
 * fault; a per-day chart's dip or bump on a short distractor's days; or the changelog.
 */
function leadsShown(c: Case, action: Action, look: ReturnType<typeof lookAt>): Lead[] {
  if (action.type === 'changelog') return c.leads.slice(0, 1);
  const out = new Set<Lead>();
  for (const r of look.readings) {
    for (const s of r.signals) {
      if (!s.visible || s.fromFault) continue;
      const lead = s.kind === 'change' ? c.leads.find((l) => s.after && l.day >= s.before![0] && l.day <= s.after[1]) : undefined;
      if (lead) out.add(lead);
      for (const l of c.leads) {
        if (l.segment && s.dimension && s.group !== null && l.segment[s.dimension]?.includes(s.group)) out.add(l);
      }
    }
    for (const l of c.leads) {
      if (!l.days || out.has(l) || !(r.spec.byDay || r.spec.groupBy === 'day')) continue;
      const [a, b] = r.spec.window ?? [1, c.pair.factual.config.days];
      if (a > l.days[0] || b < l.days[1] || b - a <= l.days[1] - l.days[0]) continue;
      const s = daysSignal(c.pair, r.spec, l.days);
      if (s?.visible && !s.fromFault) out.add(l);
    }
  }
  return [...out];
}

/** A shown lead a move narrows to: a filter inside its users, days inside its run, or a diagnosis claiming its users. */
function followedLead(action: Action, shown: readonly Lead[]): Lead | null {
  const narrowed = (filter: Record<string, readonly (string | number)[] | undefined> | undefined, window: readonly [number, number] | undefined) =>
    shown.find((l) =>
      (l.segment && Object.entries(l.segment).some(([d, values]) => filter?.[d]?.length && filter[d]!.every((v) => values.includes(String(v))))) ||
      (l.days && ((window && window[0] >= l.days[0] && window[1] <= l.days[1]) || (filter?.day?.length && filter.day.every((v) => Number(v) >= l.days![0] && Number(v) <= l.days![1])))),
    ) ?? null;
  switch (action.type) {
    case 'query':
    case 'inspect':
      return narrowed(action.filter, action.window);
    case 'contrast':
      return narrowed(action.selection.filter, action.selection.window);
    case 'submit':
      return narrowed(action.diagnosis.segment, undefined);
    default:
      return null;
  }
}

/** The lead a move chases: it looks into a lead's component (and is not the fault's). */
function chasedLead(c: Case, action: Action, revealing: boolean): Lead | null {
  if (revealing) return null;
  const comp = componentOf(action);
  if (!comp || comp === c.truth.component) return null;
  return c.leads.find((l) => l.component === comp) ?? null;
}

/** A diagnosis that names a lead instead of the fault (or no regression when there is one). */
function leadNamed(c: Case, d: Extract<Action, { type: 'submit' }>['diagnosis']): Lead | null {
  if (c.truth.cause !== 'no-regression' && d.cause === 'no-regression') return c.leads[0] ?? null;
  if (d.component && d.component !== c.truth.component) {
    return c.leads.find((l) => l.component === d.component) ?? null;
  }
  if (d.stage && d.stage !== c.truth.stage) return c.leads.find((l) => l.stage === d.stage || (l.component && COMPONENT_STAGE[l.component] === d.stage)) ?? null;
  return null;
}
