// Rule: each move is judged by what it showed and what the learner already knew, in order —
// revealing (a rung or segment slice not seen before), confirming (the fault's mark, nothing
// new), uninformative (nothing the fault made), premature (a component deep dive before the
// scope was known), misled (a change the fault did not make, which the learner then chased).
import type { Action } from '../scenario/actions.ts';
import { COMPONENT_STAGE, type ComponentId } from '../sim/vocabulary.ts';
import { lookAt, type Case, type Lead } from './case.ts';
import { matchesFinding } from './findings.ts';
import { METRIC_COMPONENTS } from './ladderMaps.ts';
import { RUNGS, type Rung } from './rungs.ts';
import { actionReason, submitReason } from './reasons.ts';
import { showsSomething } from './view.ts';

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
}

/** Opening one component's internals (an inspector other than stage health, or a component's own metric). */
export function isDeepDive(a: Action): boolean {
  if (a.type === 'inspect') return a.view !== 'stage_health';
  if (a.type === 'query') return Boolean(METRIC_COMPONENTS[a.metric as keyof typeof METRIC_COMPONENTS]);
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
      const lead = leadNamed(c, action.diagnosis);
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
    const reveals: Rung[] = look.climb.rungs.filter((r) => !seen.includes(r));
    const newSlice = look.climb.scopeDimensions.some((d) => !scopeDimensions.includes(d));
    if (newSlice && !reveals.includes('scope')) reveals.unshift('scope');
    const premature = isDeepDive(action) && !seen.includes('scope') && c.truth.cause !== 'no-regression';
    const fault = look.readings.some((r) => r.signals.some((s) => s.fromFault));
    const chased = chasedLead(c, action, reveals.length > 0);
    let classification: Classification = premature ? 'premature' : reveals.length ? 'revealing' : chased ? 'misled' : fault ? 'confirming' : 'uninformative';
    if (classification === 'uninformative' && base.findings.length) classification = 'confirming';
    if (chased && !reveals.length) chase(chased);
    const shown = classification === 'uninformative' || classification === 'confirming' ? leadShown(c, action, look) : null;
    if (shown) pending.push({ index, lead: shown });
    for (const r of reveals) if (!seen.includes(r)) { seen.push(r); revealedAt[r] = index; }
    for (const d of look.climb.scopeDimensions) if (!scopeDimensions.includes(d)) scopeDimensions.push(d);
    out.push({ ...base, classification, reveals, reason: actionReason(c, action, look, classification, reveals, chased ?? undefined), ...(chased ? { lead: chased.what } : {}) });
  });
  seen.sort((a, b) => RUNGS.indexOf(a) - RUNGS.indexOf(b));
  return { actions: out, seen, scopeDimensions, revealedAt };
}

/** A false lead the display showed: a visible change the fault did not make, around a lead's day; or the changelog. */
function leadShown(c: Case, action: Action, look: ReturnType<typeof lookAt>): Lead | null {
  if (action.type === 'changelog') return c.leads[0] ?? null;
  for (const r of look.readings) {
    for (const s of r.signals) {
      if (!s.visible || s.fromFault || s.kind !== 'change') continue;
      const lead = c.leads.find((l) => s.after && l.day >= s.before![0] && l.day <= s.after[1]);
      if (lead) return lead;
    }
  }
  return null;
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
