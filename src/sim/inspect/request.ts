// What an inspector is asked for, checked against the vocabulary: which view, of which
// component, over which days and slice.
import { COMPONENTS, INSPECTOR_VIEWS, VocabularyError, type ComponentId, type InspectorView } from '../vocabulary.ts';
import { FEATURE_NAMES } from '../pipeline/ranker.ts';
import type { World } from '../world/world.ts';
import { QueryError, resolveQuery, type ResolvedQuery } from '../query/spec.ts';

export interface InspectSpec {
  view: string;
  component?: string;
  window?: readonly [number, number];
  filter?: Record<string, readonly string[]>;
  /** feature_distribution: which ranker feature. */
  feature?: string;
}

export interface InspectRequest {
  view: InspectorView;
  component: ComponentId | null;
  window: [number, number];
  filter: ResolvedQuery['filter'];
  feature: string | null;
}

/** Components each view can inspect; the first is the default. */
export const VIEW_COMPONENTS: Record<InspectorView, readonly ComponentId[]> = {
  confusion_matrix: ['image-encoder'],
  pr_curve: ['image-encoder', 'ranker'],
  embedding_map: ['image-encoder', 'text-encoder'],
  calibration_curve: ['ranker'],
  feature_distribution: ['feature-pipeline', 'ranker'],
  stage_health: [...COMPONENTS],
};

/** The log each view reads, used to check its filter dimensions. */
const VIEW_METRIC: Record<InspectorView, string> = {
  confusion_matrix: 'encoder_accuracy',
  pr_curve: 'ctr',
  embedding_map: 'label_share',
  calibration_curve: 'calibration_error',
  feature_distribution: 'feature_psi',
  stage_health: 'ctr',
};

export function resolveInspect(world: World, spec: InspectSpec): InspectRequest {
  if (!(INSPECTOR_VIEWS as readonly string[]).includes(spec.view)) {
    throw new VocabularyError('view', String(spec.view), INSPECTOR_VIEWS);
  }
  const view = spec.view as InspectorView;
  const allowed = VIEW_COMPONENTS[view];
  let component: ComponentId | null = view === 'stage_health' ? null : allowed[0];
  if (spec.component) {
    if (!(COMPONENTS as readonly string[]).includes(spec.component)) {
      throw new VocabularyError('component', spec.component, COMPONENTS);
    }
    if (!allowed.includes(spec.component as ComponentId)) {
      throw new QueryError('component', `${view} is not available for ${spec.component}; it inspects ${allowed.join(', ')}`);
    }
    component = spec.component as ComponentId;
  }
  const metric = view === 'pr_curve' && component === 'image-encoder' ? 'encoder_accuracy' : VIEW_METRIC[view];
  const { window, filter } = resolveQuery(world, { metric, window: spec.window, filter: spec.filter });
  let feature: string | null = null;
  if (view === 'feature_distribution') {
    feature = spec.feature ?? FEATURE_NAMES[0];
    if (!(FEATURE_NAMES as readonly string[]).includes(feature)) throw new VocabularyError('feature', feature, FEATURE_NAMES);
  }
  return { view, component, window, filter, feature };
}
