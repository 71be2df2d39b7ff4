// The public vocabulary of Faultline (listed for authors in scenarios/README.md, "Ids you can use"). Scenario files, transcripts, the CLI and
// the UI all speak these ids: extend the lists, never rename an entry.

export const STAGES = ['ingestion', 'candidates', 'ranking', 'presentation', 'logging'] as const;
export type Stage = (typeof STAGES)[number];

export const SOURCES = [
  'co-engagement',
  'visual-similarity',
  'text-embedding',
  'trending',
  'fresh',
] as const;
export type SourceId = (typeof SOURCES)[number];

export const COMPONENTS = [
  'image-encoder',
  'text-encoder',
  'feature-pipeline',
  'ann-index',
  'source:co-engagement',
  'source:visual-similarity',
  'source:text-embedding',
  'source:trending',
  'source:fresh',
  'ranker',
  'blender',
  'feed-client',
  'image-cdn',
  'event-logger',
  'experiment-platform',
] as const;
export type ComponentId = (typeof COMPONENTS)[number];

export const USER_DIMENSIONS = ['tenure', 'platform', 'region', 'app_version', 'user_interest'] as const;
export const ITEM_DIMENSIONS = [
  'aesthetic',
  'category',
  'brightness',
  'predicted_quality',
  'freshness',
  'creator_size',
] as const;
export const IMPRESSION_DIMENSIONS = ['source', 'position', 'surface', 'experiment_arm'] as const;
/** `feature` extends the vocabulary: it slices the ranker's logged feature values. */
export const DIMENSIONS = [
  ...USER_DIMENSIONS,
  ...ITEM_DIMENSIONS,
  ...IMPRESSION_DIMENSIONS,
  'day',
  'feature',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const METRICS = [
  // outcome
  'relevance',
  'ctr',
  'save_rate',
  'hide_rate',
  'session_depth',
  // candidates
  'recall_at_k',
  'candidate_count',
  'source_share',
  'source_latency_p95',
  'source_timeout_rate',
  // ranking
  'ndcg_at_k',
  'auc',
  'calibration_error',
  'diversity',
  'coverage',
  // ingestion
  'label_share',
  'encoder_accuracy',
  'embedding_drift',
  'feature_null_rate',
  'feature_psi',
  'index_age',
  // presentation
  'image_load_failure_rate',
  'render_latency_p95',
  // logging
  'client_server_event_ratio',
] as const;
export type MetricId = (typeof METRICS)[number];

export const INSPECTOR_VIEWS = [
  'confusion_matrix',
  'pr_curve',
  'embedding_map',
  'calibration_curve',
  'feature_distribution',
  'stage_health',
] as const;
export type InspectorView = (typeof INSPECTOR_VIEWS)[number];

export const FAULT_KINDS = [
  'encoder-mislabel',
  'embedding-collapse',
  'brightness-bias',
  'rare-class-regression',
  'source-outage',
  'stale-index',
  'feature-null',
  'training-serving-skew',
  'feedback-loop',
  'position-bias-logging',
  'client-render-bug',
  'event-logging-loss',
  'trend-sparse-niche',
  'experiment-interference',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export const DISTRACTOR_KINDS = [
  'mix-shift',
  'seasonality',
  'holiday',
  'unrelated-deploy',
  'novelty-effect',
] as const;
export type DistractorKind = (typeof DISTRACTOR_KINDS)[number];

/** Which stage each component belongs to: the pipeline map is drawn from this. */
export const COMPONENT_STAGE: Record<ComponentId, Stage> = {
  'image-encoder': 'ingestion',
  'text-encoder': 'ingestion',
  'feature-pipeline': 'ingestion',
  'ann-index': 'candidates',
  'source:co-engagement': 'candidates',
  'source:visual-similarity': 'candidates',
  'source:text-embedding': 'candidates',
  'source:trending': 'candidates',
  'source:fresh': 'candidates',
  ranker: 'ranking',
  blender: 'ranking',
  'feed-client': 'presentation',
  'image-cdn': 'presentation',
  'event-logger': 'logging',
  'experiment-platform': 'logging',
};

/** "Did you mean …": the closest id by edit distance, when it is close enough to be a typo. */
export function closestId(input: string, ids: readonly string[]): string | undefined {
  const lower = input.toLowerCase();
  const prefixed = ids.filter((id) => lower.length >= 3 && id.startsWith(lower));
  if (prefixed.length === 1) return prefixed[0];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const id of ids) {
    const d = editDistance(input.toLowerCase(), id);
    if (d < bestDistance) {
      bestDistance = d;
      best = id;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(input.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** A clear error for an id outside the vocabulary: names the field, the bad id, and the valid ones. */
export class VocabularyError extends Error {
  constructor(
    readonly field: string,
    readonly value: string,
    readonly valid: readonly string[],
  ) {
    const hint = closestId(value, valid);
    super(
      `unknown ${field} "${value}"` +
        (hint ? ` — did you mean "${hint}"?` : '.') +
        ` Valid ${field}s: ${valid.join(', ')}`,
    );
    this.name = 'VocabularyError';
  }
}
