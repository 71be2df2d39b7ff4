// Rule: what an action reveals is read off the signals of what it displayed. Inspector views and
// contrasts are read through the queries that summarise what they draw (a confusion matrix is
// the label share and accuracy per aesthetic; stage health is each stage metric, baseline vs
// current), so every view is judged by the same significance test.
import type { Action } from '../scenario/actions.ts';
import type { WorldPair } from '../sim/simulate.ts';
import { isQueryError, type QuerySpec } from '../sim/query/spec.ts';
import { METRIC_DEFS } from '../sim/query/metrics.ts';
import { REFERENCE_DAYS } from '../sim/query/psi.ts';
import { FEATURE_NAMES } from '../sim/pipeline/ranker.ts';
import { COMPONENT_STAGE, type ComponentId, type InspectorView, type MetricId, type Stage } from '../sim/vocabulary.ts';
import { signalsOf, type Signal, type SignalSpec } from './signals.ts';
import { querySpec, type View } from './view.ts';
import { asFilter } from './filter.ts';

/** One summarising query of a display, and what it is about. */
export interface Reading extends SignalSpec {
  metric: MetricId;
  view: InspectorView | null;
  /** The component the display is of (an inspector's), or null. */
  component: ComponentId | null;
  stage: Stage | 'outcome';
  signals: Signal[];
}

/** The readings of an action's display; `onsets` are the days a per-day chart visibly steps. */
export function readingsOf(pair: WorldPair, action: Action, view: View, onsets: number[]): Reading[] {
  const specs = specsOf(action, view, onsets);
  return specs.flatMap((r) => {
    try {
      return [{ ...r, signals: signalsOf(pair, r) }];
    } catch (e) {
      if (isQueryError(e)) return [];
      throw e;
    }
  });
}

type Spec = Omit<Reading, 'signals'>;

function specsOf(action: Action, view: View, onsets: number[]): Spec[] {
  const read = (spec: QuerySpec, split: SignalSpec['split'], extra: Partial<Spec> = {}): Spec => ({
    spec,
    split,
    metric: spec.metric as MetricId,
    view: null,
    component: null,
    stage: METRIC_DEFS[spec.metric as MetricId].area,
    ...extra,
  });
  if (view.kind === 'error' || view.kind === 'none' || view.kind === 'changelog') return [];
  if (action.type === 'query') {
    const spec = querySpec(action);
    if (spec.byDay || spec.groupBy === 'day') {
      const steps = [...new Set(onsets)].filter((d) => d > (spec.window?.[0] ?? 1));
      return steps.length ? steps.map((d) => read(spec, d)) : [read(spec, 'halves')];
    }
    return [read(spec, 'halves')];
  }
  if (action.type === 'contrast' && view.kind === 'contrast') {
    const r = view.result;
    const [s, b] = [r.selection.window, r.baseline.window];
    const window: [number, number] = [Math.min(s[0], b[0]), Math.max(s[1], b[1])];
    const split = b[1] < s[0] ? s[0] : 'halves';
    return r.dimensions.slice(0, 3).map((d) => read({ metric: r.metric, groupBy: d.dimension, filter: r.selection.filter, window }, split));
  }
  if (action.type !== 'inspect' || view.kind !== 'inspect') return [];
  const v = view.result;
  const component = v.component ?? null;
  const about = { view: v.view, component, stage: component ? COMPONENT_STAGE[component] : ('outcome' as const) };
  const base = { window: action.window, filter: asFilter(action.filter) };
  const by = (metric: MetricId, groupBy: string) => read({ metric, groupBy, ...base }, null, about);
  switch (v.view) {
    case 'confusion_matrix':
      return [by('label_share', 'aesthetic'), by('encoder_accuracy', 'aesthetic'), by('label_share', 'brightness')];
    case 'pr_curve':
      return component === 'ranker' ? [by('auc', 'aesthetic')] : [by('encoder_accuracy', 'aesthetic')];
    case 'embedding_map':
      return [by('embedding_drift', 'aesthetic')];
    case 'calibration_curve':
      return [read({ metric: 'calibration_error', ...base }, 'halves', about), by('calibration_error', 'position')];
    case 'feature_distribution': {
      const feature = v.feature ?? FEATURE_NAMES[0];
      const current = v.window;
      return [
        read({ metric: 'feature_null_rate', filter: { ...base.filter, feature: [feature] }, window: [1, current[1]] }, Math.max(current[0], REFERENCE_DAYS + 1), about),
        by('feature_psi', 'feature'),
      ];
    }
    case 'stage_health': {
      // Each entry the view shows, with the filter it applied (a source's own, minus the slices its log lacks).
      const sourceFilter: Record<string, string[]> = component?.startsWith('source:') ? { source: [component.slice(7)] } : {};
      const filter = { ...base.filter, ...sourceFilter };
      return v.stages.flatMap(({ stage, entries }) =>
        entries.map((e) => {
          const applied = Object.fromEntries(Object.entries(filter).filter(([d]) => !e.ignoredFilters.includes(d)));
          return read({ metric: e.metric, filter: applied, window: [v.baselineWindow[0], v.window[1]] }, v.window[0], { view: 'stage_health', component: null, stage });
        }),
      );
    }
  }
  return [];
}
