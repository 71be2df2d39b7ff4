// Rule: which component a metric or slice speaks about, and which views and metrics tell one
// fault kind from another. A fault signal on one of these reveals that rung of the ladder; the
// tables name the evidence an expert would cite, never a scenario's answer.
import type { ComponentId, Dimension, FaultKind, InspectorView, MetricId } from '../sim/vocabulary.ts';
import type { Reading } from './evidence.ts';

/** Components a metric measures (source metrics name their source through the `source` slice). */
export const METRIC_COMPONENTS: Partial<Record<MetricId, readonly ComponentId[]>> = {
  label_share: ['image-encoder'],
  encoder_accuracy: ['image-encoder'],
  embedding_drift: ['image-encoder', 'text-encoder'],
  feature_null_rate: ['feature-pipeline'],
  feature_psi: ['feature-pipeline'],
  index_age: ['ann-index'],
  ndcg_at_k: ['ranker'],
  auc: ['ranker'],
  calibration_error: ['ranker'],
  diversity: ['ranker', 'blender'],
  coverage: ['ranker', 'blender'],
  image_load_failure_rate: ['feed-client', 'image-cdn'],
  render_latency_p95: ['feed-client', 'image-cdn'],
  client_server_event_ratio: ['event-logger'],
};

/** Slices whose groups are components: a fault signal in one group names it. */
export const DIMENSION_COMPONENT: Partial<Record<Dimension, (group: string) => ComponentId | null>> = {
  source: (g) => `source:${g}` as ComponentId,
  predicted_quality: () => 'image-encoder',
  feature: () => 'feature-pipeline',
  experiment_arm: () => 'experiment-platform',
};

/**
 * Slices that are one component's own record but tell about it only for the kinds whose
 * signature names the slice: every position in the logs is what the event logger wrote, yet a
 * click loss moves every position alike — only a position-logging fault reshapes the curve.
 */
export const TELLTALE_COMPONENT: Partial<Record<Dimension, ComponentId>> = { position: 'event-logger' };

/** What tells a fault kind apart: its telltale metrics, inspector views and slices. */
export const CAUSE_SIGNATURES: Record<FaultKind, { metrics: readonly MetricId[]; views: readonly InspectorView[]; dimensions?: readonly Dimension[] }> = {
  'encoder-mislabel': { metrics: ['label_share', 'encoder_accuracy'], views: ['confusion_matrix', 'pr_curve'] },
  'embedding-collapse': { metrics: ['embedding_drift'], views: ['embedding_map'] },
  'brightness-bias': { metrics: ['label_share', 'encoder_accuracy'], views: ['confusion_matrix', 'pr_curve'], dimensions: ['brightness'] },
  'rare-class-regression': { metrics: ['ndcg_at_k', 'auc', 'coverage'], views: ['pr_curve', 'calibration_curve'] },
  'source-outage': { metrics: ['source_timeout_rate', 'candidate_count', 'source_latency_p95'], views: [] },
  'stale-index': { metrics: ['index_age'], views: [] },
  'feature-null': { metrics: ['feature_null_rate'], views: ['feature_distribution'] },
  'training-serving-skew': { metrics: ['feature_psi'], views: ['feature_distribution'] },
  'feedback-loop': { metrics: ['diversity', 'coverage', 'calibration_error'], views: ['calibration_curve'] },
  'position-bias-logging': { metrics: ['calibration_error', 'auc'], views: ['calibration_curve'], dimensions: ['position'] },
  'client-render-bug': { metrics: ['image_load_failure_rate', 'render_latency_p95'], views: [] },
  'event-logging-loss': { metrics: ['client_server_event_ratio'], views: [] },
  'trend-sparse-niche': { metrics: ['source_share', 'candidate_count', 'recall_at_k'], views: [] },
  'experiment-interference': { metrics: [], views: [], dimensions: ['experiment_arm'] },
};

/** Whether a slice is one of a kind's telltale slices (position, for a position-logging fault). */
export function isTelltale(cause: FaultKind | 'no-regression', dim: string | null | undefined): boolean {
  return cause !== 'no-regression' && Boolean(dim && CAUSE_SIGNATURES[cause].dimensions?.includes(dim as Dimension));
}

/** Whether a reading's metric, inspector view or slice is the kind's own evidence (what tells it apart). */
export function tellsKind(cause: FaultKind | 'no-regression', r: Pick<Reading, 'metric' | 'view' | 'spec'>): boolean {
  if (cause === 'no-regression') return false;
  const sig = CAUSE_SIGNATURES[cause];
  return sig.metrics.includes(r.metric) || Boolean(r.view && sig.views.includes(r.view)) || isTelltale(cause, r.spec.groupBy);
}
