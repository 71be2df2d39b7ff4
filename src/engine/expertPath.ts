// Rule: the expert path is the shortest run of moves found that reveals scope, then stage,
// component and cause, in that order, each move judged exactly as a learner's would be. Moves
// come from the vocabulary (slices of the symptom, inspector views, stage metrics by their
// natural slices); the search is greedy per rung, trying the moves that speak about the true
// component first and stopping at the first move that climbs every rung left.
import { isQueryError } from '../sim/query/spec.ts';
import type { Action } from '../scenario/actions.ts';
import { VIEW_COMPONENTS } from '../sim/inspect/request.ts';
import { METRIC_DEFS } from '../sim/query/metrics.ts';
import { tableDimensions } from '../sim/query/dimensions.ts';
import { footprint, SIGNIFICANT_Z } from '../sim/footprint.ts';
import { INSPECTOR_VIEWS, type Dimension, type MetricId } from '../sim/vocabulary.ts';
import { caseForFault, lookAt, type Case } from './case.ts';
import { OUTCOMES, SEGMENT_DIMENSIONS } from './truth.ts';
import { judge, type Judgement } from './judge.ts';
import { RUNGS, type Rung } from './rungs.ts';
import { METRIC_COMPONENTS, CAUSE_SIGNATURES } from './ladderMaps.ts';

export interface ExpertPath {
  actions: Action[];
  judgement: Judgement;
  /** Rungs no candidate move could reveal at this seed. */
  missing: Rung[];
}

const STEP_SECONDS = 60;

export function expertPath(c: Case): ExpertPath {
  const { truth } = c;
  const days = c.pair.factual.config.days;
  const path: Action[] = [];
  const seen = new Set<Rung>();
  const segment: Record<string, string[]> = {};
  const take = (a: Action) => {
    const look = lookAt(c, a);
    for (const r of look.climb.rungs) seen.add(r);
    for (const d of look.climb.scopeDimensions) if (truth.segment[d]) segment[d] = truth.segment[d];
    path.push({ ...a, at: path.length * STEP_SECONDS } as Action);
  };
  if (truth.cause === 'no-regression') {
    // Nothing broke: the expert checks that every segment is flat (a mix shift moves only the total).
    // The author's first query finding names the metric the alarm is about, when there is one.
    const named = c.scenario.findings?.map((f) => f.revealedBy).find((m) => m.type === 'query');
    const metric = (named?.type === 'query' && named.metric) || truth.symptom;
    const groupBy = (named?.type === 'query' && named.groupBy) || 'tenure';
    take({ at: 0, type: 'query', metric, groupBy });
  } else {
    // Scope: slices of the symptom (or, where it does not show, of the metric that shows the
    // footprint most clearly), narrowing into the segment as far as the truth goes (when no slice
    // of everyone shows it, within one slice of the true segment).
    for (let level = 0; level < Math.max(1, Object.keys(truth.segment).length); level++) {
      const slices = [...new Set([...Object.keys(truth.segment), ...SEGMENT_DIMENSIONS])].filter((d) => !segment[d]) as Dimension[];
      const filters = [segment, ...(Object.keys(segment).length ? [] : Object.entries(truth.segment).map(([d, v]) => ({ [d]: v })))];
      // A quiet fault is scoped where its footprint is clearest: on its own source, when it is one.
      const own = truth.scopeOn?.filter ?? {};
      // The outcome metrics first (the symptom, then the clearest), then the pipeline's own metrics
      // where the fault's footprint in the segment is clearest.
      let found: Action | null = null;
      for (const metric of scopeMetrics(c)) {
        for (const filter of filters) {
          for (const d of slices.filter((x) => !filter[x] && !own[x])) {
            const on = metric === truth.scopeOn?.metric ? { ...own, ...filter } : filter;
            const a: Action = { at: 0, type: 'query', metric, groupBy: d, ...(Object.keys(on).length ? { filter: { ...on } } : {}) };
            if (lookAt(c, a).climb.scopeDimensions.some((x) => !segment[x])) { found = a; break; }
          }
          if (found) break;
        }
        if (found) break;
      }
      if (!found) break;
      take(found);
    }
    // Localise: stage, component, cause.
    const candidates = localiseCandidates(c, segment, days);
    while (RUNGS.some((r) => r !== 'scope' && !seen.has(r))) {
      const left = RUNGS.filter((r) => r !== 'scope' && !seen.has(r));
      let best: Action | null = null, bestCount = 0;
      for (const a of candidates) {
        const got = lookAt(c, a).climb.rungs.filter((r) => left.includes(r));
        if (!got.includes(left[0])) continue;
        if (got.length > bestCount) [best, bestCount] = [a, got.length];
        if (got.length === left.length) break;
      }
      if (!best) break;
      take(best);
    }
  }
  // Other faults acting too: the move that shows each one's cause, so the diagnosis can name them all.
  const also = truth.cause === 'no-regression' ? [] : truth.others;
  for (const f of also) {
    const other = caseForFault(c, f);
    const shows = localiseCandidates(other, segment, days).find((a) => lookAt(other, a).climb.rungs.includes('cause'));
    const key = (a: Action) => JSON.stringify({ ...a, at: 0 });
    if (shows && !path.some((a) => key(a) === key(shows))) path.push({ ...shows, at: path.length * STEP_SECONDS } as Action);
  }
  path.push({
    at: path.length * STEP_SECONDS,
    type: 'submit',
    diagnosis: {
      ...(also.length ? { also: also.map((f) => ({ stage: f.stage, component: f.component, cause: f.cause })) } : {}),
      cause: truth.cause,
      ...(truth.stage ? { stage: truth.stage } : {}),
      ...(truth.component ? { component: truth.component } : {}),
      ...(Object.keys(truth.segment).length ? { segment: truth.segment } : {}),
    },
  } as Action);
  const judgement = judge(c, path);
  const missing = truth.cause === 'no-regression' ? [] : RUNGS.filter((r) => !judgement.seen.includes(r));
  return { actions: path, judgement, missing };
}

/**
 * Metrics to scope on, lazily: the symptom, then the other outcome metrics, then every other
 * metric a user slice can split where the fault surely moved it, each group by how surely the
 * fault moved it in the true segment.
 */
export function* scopeMetrics(c: Case): Generator<MetricId> {
  const { truth, pair } = c;
  yield truth.symptom;
  if (truth.scopeOn) yield truth.scopeOn.metric;
  const window: [number, number] | undefined = truth.onsetDay ? [truth.onsetDay, pair.factual.config.days] : undefined;
  /** The metrics the segment can filter, the fault's clearest footprint in it first. */
  const byFootprint = (metrics: MetricId[]) =>
    metrics
      .flatMap((metric) => {
        try {
          return [{ metric, z: Math.abs(footprint(pair, { metric, window, filter: truth.segment }).cells[0]?.z ?? 0) }];
        } catch (e) {
          if (isQueryError(e)) return [];
          throw e;
        }
      })
      .sort((a, b) => b.z - a.z);
  const outcomes = byFootprint(OUTCOMES.filter((m) => m !== truth.symptom)).map((r) => r.metric);
  yield* outcomes;
  const tried = new Set([truth.symptom, ...outcomes, ...(truth.scopeOn ? [truth.scopeOn.metric] : [])]);
  const sliceable = (Object.keys(METRIC_DEFS) as MetricId[]).filter((metric) => {
    const dims = tableDimensions(pair.factual.logs[METRIC_DEFS[metric].table]) as string[];
    return !tried.has(metric) && SEGMENT_DIMENSIONS.some((d) => dims.includes(d));
  });
  for (const r of byFootprint(sliceable)) if (r.z >= SIGNIFICANT_Z) yield r.metric;
}

/** Inspector views and stage metrics, those about the true component first. */
export function localiseCandidates(c: Case, segment: Record<string, string[]>, days: number): Action[] {
  const { truth } = c;
  const out: { action: Action; rank: number }[] = [];
  const sig = truth.cause !== 'no-regression' ? CAUSE_SIGNATURES[truth.cause] : null;
  const rank = (component: string | null, metric: string | null, view: string | null) =>
    (component === truth.component ? 0 : 2) + (sig && ((metric && sig.metrics.includes(metric as MetricId)) || (view && sig.views.includes(view as never))) ? 0 : 1);
  const world = c.pair.factual;
  const afterOnset: [number, number] | undefined = truth.onsetDay && truth.onsetDay > 1 ? [truth.onsetDay, days] : undefined;
  for (const view of INSPECTOR_VIEWS) {
    if (view === 'stage_health') continue;
    for (const component of VIEW_COMPONENTS[view]) {
      out.push({ action: { at: 0, type: 'inspect', view, component, ...(afterOnset ? { window: afterOnset } : {}) }, rank: rank(component, null, view) });
    }
  }
  const metrics = Object.keys(METRIC_DEFS) as MetricId[];
  for (const metric of metrics) {
    const def = METRIC_DEFS[metric];
    if (def.area === 'outcome') continue;
    const dims = tableDimensions(world.logs[def.table]) as string[];
    const owned = METRIC_COMPONENTS[metric];
    // The metric per day first: a step at the onset is the plainest evidence.
    out.push({ action: { at: 0, type: 'query', metric, byDay: true } as Action, rank: rank(owned?.[0] ?? null, metric, null) + 0.4 });
    const slices = [...Object.keys(segment), 'aesthetic', 'feature', 'brightness', 'experiment_arm', ...(owned ? [] : ['source']), 'app_version', 'platform'];
    for (const groupBy of [...new Set(slices)]) {
      if (!dims.includes(groupBy)) continue;
      const filter = Object.fromEntries(Object.entries(segment).filter(([d]) => d !== groupBy && dims.includes(d)));
      const component = owned?.[0] ?? (groupBy === 'source' ? truth.component : null);
      out.push({ action: { at: 0, type: 'query', metric, groupBy, ...(Object.keys(filter).length ? { filter } : {}) } as Action, rank: rank(component, metric, null) + 0.5 });
    }
  }
  for (const groupBy of ['experiment_arm', 'source', 'predicted_quality', 'position'] as const) {
    out.push({ action: { at: 0, type: 'query', metric: truth.symptom, groupBy, ...(Object.keys(segment).length ? { filter: segment } : {}) }, rank: 2.5 });
  }
  out.push({ action: { at: 0, type: 'inspect', view: 'stage_health' }, rank: 3 });
  return out.sort((a, b) => a.rank - b.rank).map((x) => x.action);
}
