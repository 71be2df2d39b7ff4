// Every metric of the vocabulary: which log it reads, how a cell is aggregated, its unit and
// which way is good. Row values are derived once per table and cached.
import type { Dimension, MetricId, Stage } from '../vocabulary.ts';
import type { World } from '../world/world.ts';
import type { Table } from '../logs/table.ts';
import type { TableId } from './dimensions.ts';
import { LOW_QUALITY_THRESHOLD } from '../world/items.ts';

export type MetricKind = 'mean' | 'ratio' | 'share' | 'p95' | 'auc' | 'calibration' | 'coverage' | 'diversity' | 'psi';
export type Unit = 'percent' | 'ms' | 'count' | 'score' | 'hours' | 'ratio';

export interface RowValues {
  /** Always a Float32Array, so every aggregation loop sees one element kind. */
  value: Float32Array;
  /** Rows that count for this metric (e.g. only rated impressions); all rows when absent. */
  include?: Uint8Array;
  /** Denominator per row for ratio metrics. */
  denominator?: Float32Array;
  /**
   * The log's own column when every value is a whole number 0–255 (a 0/1 rate, a depth): the
   * mean's hot loop reads a byte per row instead of a float.
   */
  small?: { column: Uint8Array; bits: number };
  /**
   * For metrics measured on a sample (`include`): the included rows in order, and where each
   * day's rows start in that list — so a query visits the sample (15% of impressions are
   * rated) instead of scanning every row.
   */
  index?: { rows: Uint32Array; dayStart: Int32Array };
}

export interface MetricDef {
  id: MetricId;
  label: string;
  description: string;
  /** Where a learner would look for it: a pipeline stage or the user-facing outcome. */
  area: Stage | 'outcome';
  table: TableId;
  kind: MetricKind;
  unit: Unit;
  higherIsBetter: boolean | null;
  /** `mean`/`ratio` metrics: values per row. */
  rows?: (world: World, table: Table) => RowValues;
  /** `share` metrics: the dimension whose share is measured, and the value shown by default. */
  shareOf?: Dimension;
  defaultShare?: string;
}

const col = (name: string) => (_w: World, t: Table): RowValues => {
  const column = (t.columns as Record<string, ArrayLike<number>>)[name];
  return { value: Float32Array.from(column), small: column instanceof Uint8Array ? smallColumn(column.subarray(0, t.rows)) : undefined };
};

export const METRIC_DEFS: Record<MetricId, MetricDef> = {
  relevance: {
    id: 'relevance', label: 'Rated relevance', area: 'outcome', table: 'impressions', kind: 'mean',
    unit: 'score', higherIsBetter: true,
    description: 'Mean human rater score of sampled impressions, 0 (irrelevant) to 1 (perfect).',
    rows: (_w, t) => {
      const rating = t.columns.rating as Int8Array;
      const value = new Float32Array(t.rows);
      const include = new Uint8Array(t.rows);
      for (let r = 0; r < t.rows; r++) {
        if (rating[r] >= 0) {
          value[r] = rating[r] / 3;
          include[r] = 1;
        }
      }
      return { value, include };
    },
  },
  ctr: {
    id: 'ctr', label: 'Click-through rate', area: 'outcome', table: 'impressions', kind: 'mean',
    unit: 'percent', higherIsBetter: true, rows: col('clickLogged'),
    description: 'Clicks logged by the client over impressions.',
  },
  save_rate: {
    id: 'save_rate', label: 'Save rate', area: 'outcome', table: 'impressions', kind: 'mean',
    unit: 'percent', higherIsBetter: true, rows: col('save'),
    description: 'Saves (recorded server-side) over impressions.',
  },
  hide_rate: {
    id: 'hide_rate', label: 'Hide rate', area: 'outcome', table: 'impressions', kind: 'mean',
    unit: 'percent', higherIsBetter: false, rows: col('hide'),
    description: '"Not for me" hides over impressions.',
  },
  session_depth: {
    id: 'session_depth', label: 'Session depth', area: 'outcome', table: 'requests', kind: 'mean',
    unit: 'count', higherIsBetter: true, rows: col('depth'),
    description: 'Slates scrolled per session.',
  },
  recall_at_k: {
    id: 'recall_at_k', label: 'Recall@k', area: 'candidates', table: 'retrievalEval', kind: 'mean',
    unit: 'percent', higherIsBetter: true, rows: col('hit'),
    description: "Share of held-out positives (items the user truly loves) that a source's top-k retrieves.",
  },
  candidate_count: {
    id: 'candidate_count', label: 'Candidates per request', area: 'candidates', table: 'requestSources',
    kind: 'mean', unit: 'count', higherIsBetter: true, rows: col('candidates'),
    description: 'Candidates returned per request (per source when sliced by source).',
  },
  source_share: {
    id: 'source_share', label: 'Source share', area: 'candidates', table: 'impressions', kind: 'share',
    unit: 'percent', higherIsBetter: null, shareOf: 'source',
    description: 'Share of impressions whose candidate came from the source(s).',
  },
  source_latency_p95: {
    id: 'source_latency_p95', label: 'Source latency p95', area: 'candidates', table: 'requestSources',
    kind: 'p95', unit: 'ms', higherIsBetter: false, rows: col('latencyMs'),
    description: '95th percentile of candidate-source latency (a timed-out call counts at the timeout).',
  },
  source_timeout_rate: {
    id: 'source_timeout_rate', label: 'Source timeout rate', area: 'candidates', table: 'requestSources',
    kind: 'mean', unit: 'percent', higherIsBetter: false, rows: col('timeout'),
    description: 'Share of source calls that timed out and returned nothing.',
  },
  ndcg_at_k: {
    id: 'ndcg_at_k', label: 'NDCG@10', area: 'ranking', table: 'requests', kind: 'mean',
    unit: 'score', higherIsBetter: true, rows: col('ndcg'),
    description: "NDCG of the ranker's top 10 of a request's candidates against the best 10 of the same candidates (true relevance): how well what arrived was ordered.",
  },
  auc: {
    id: 'auc', label: 'Ranker AUC', area: 'ranking', table: 'impressions', kind: 'auc',
    unit: 'score', higherIsBetter: true,
    description: "AUC of the ranker's predicted click probability against logged clicks.",
  },
  calibration_error: {
    id: 'calibration_error', label: 'Calibration error', area: 'ranking', table: 'impressions',
    kind: 'calibration', unit: 'percent', higherIsBetter: false,
    description: 'Expected calibration error: predicted vs logged click rate over ten score bins.',
  },
  diversity: {
    id: 'diversity', label: 'Exposure diversity', area: 'ranking', table: 'impressions', kind: 'diversity',
    unit: 'percent', higherIsBetter: true,
    description:
      'How evenly impressions spread over pins: the effective number of pins shown (exp of the entropy of impressions over pins) over live catalogue items. Falls when the feed concentrates on fewer pins, even if each is still shown once.',
  },
  coverage: {
    id: 'coverage', label: 'Catalogue coverage', area: 'ranking', table: 'impressions', kind: 'coverage',
    unit: 'percent', higherIsBetter: true,
    description: 'Share of live catalogue items shown at least once.',
  },
  label_share: {
    id: 'label_share', label: 'Label share', area: 'ingestion', table: 'catalogue', kind: 'share',
    unit: 'percent', higherIsBetter: null, shareOf: 'predicted_quality', defaultShare: 'low-quality',
    description: 'Share of catalogue items per image-encoder quality label (low-quality unless a label is chosen).',
  },
  encoder_accuracy: {
    id: 'encoder_accuracy', label: 'Encoder accuracy', area: 'ingestion', table: 'catalogue', kind: 'mean',
    unit: 'percent', higherIsBetter: true,
    description: 'On the human-labelled evaluation set: aesthetic and quality label both right.',
    rows: (w, t) => {
      const item = t.columns.item as Uint32Array;
      const labelled = t.columns.labelled as Uint8Array;
      const predQuality = t.columns.predQuality as Uint8Array;
      const predAesthetic = t.columns.predAesthetic as Uint8Array;
      const value = new Float32Array(t.rows);
      for (let r = 0; r < t.rows; r++) {
        const i = item[r];
        const trueLow = w.items.quality[i] < LOW_QUALITY_THRESHOLD ? 1 : 0;
        value[r] = predQuality[r] === trueLow && predAesthetic[r] === w.items.aesthetic[i] ? 1 : 0;
      }
      return { value, include: labelled };
    },
  },
  embedding_drift: {
    id: 'embedding_drift', label: 'Embedding drift', area: 'ingestion', table: 'catalogue', kind: 'mean',
    unit: 'score', higherIsBetter: false, rows: col('drift'),
    description: "Cosine distance of items' visual embeddings from the day-1 reference.",
  },
  feature_null_rate: {
    id: 'feature_null_rate', label: 'Feature null rate', area: 'ingestion', table: 'features', kind: 'mean',
    unit: 'percent', higherIsBetter: false, rows: col('isNull'),
    description: 'Share of served feature values that were missing.',
  },
  feature_psi: {
    id: 'feature_psi', label: 'Feature PSI', area: 'ingestion', table: 'features', kind: 'psi',
    unit: 'score', higherIsBetter: false,
    description: 'Population stability index of served features against the first days (above 0.2 is a shift).',
  },
  index_age: {
    id: 'index_age', label: 'Index age', area: 'candidates', table: 'requests', kind: 'mean',
    unit: 'hours', higherIsBetter: false, rows: col('indexAgeHours'),
    description: 'Hours since the ANN index was rebuilt, at request time.',
  },
  image_load_failure_rate: {
    id: 'image_load_failure_rate', label: 'Image load failures', area: 'presentation', table: 'impressions',
    kind: 'mean', unit: 'percent', higherIsBetter: false, rows: col('imageFailed'),
    description: 'Impressions whose image failed to load in the client.',
  },
  render_latency_p95: {
    id: 'render_latency_p95', label: 'Render latency p95', area: 'presentation', table: 'impressions',
    kind: 'p95', unit: 'ms', higherIsBetter: false, rows: col('renderMs'),
    description: '95th percentile of client render time per impression.',
  },
  client_server_event_ratio: {
    id: 'client_server_event_ratio', label: 'Client/server event ratio', area: 'logging', table: 'impressions',
    kind: 'ratio', unit: 'ratio', higherIsBetter: true,
    description: 'Clicks the client logged over close-ups the server saw (1 means nothing lost).',
    rows: (_w, t) => ({
      value: Float32Array.from(t.columns.clickLogged as Uint8Array),
      denominator: Float32Array.from(t.columns.click as Uint8Array),
    }),
  },
};

const rowCache = new WeakMap<Table, Map<MetricId, RowValues>>();

export function metricRows(world: World, table: Table, def: MetricDef): RowValues {
  let perTable = rowCache.get(table);
  if (!perTable) {
    perTable = new Map();
    rowCache.set(table, perTable);
  }
  let rows = perTable.get(def.id);
  if (!rows) {
    if (!def.rows) throw new Error(`metric ${def.id} has no row values`);
    rows = def.rows(world, table);
    if (rows.include) rows.index = sampleIndex(table, rows.include);
    perTable.set(def.id, rows);
  }
  return rows;
}

/** A byte column with the bits its largest value needs (1 for a 0/1 rate). */
function smallColumn(column: Uint8Array): { column: Uint8Array; bits: number } {
  let max = 1;
  for (let r = 0; r < column.length && max < 255; r++) if (column[r] > max) max = column[r];
  return { column, bits: 32 - Math.clz32(max) };
}

/** The rows a sample includes, with each day's start in that list (see `RowValues.index`). */
function sampleIndex(table: Table, include: Uint8Array): { rows: Uint32Array; dayStart: Int32Array } {
  let n = 0;
  for (let r = 0; r < table.rows; r++) n += include[r];
  const rows = new Uint32Array(n);
  const dayStart = new Int32Array(table.dayStart.length);
  let i = 0;
  let day = 0;
  for (let r = 0; r < table.rows; r++) {
    while (day < table.dayStart.length && table.dayStart[day] <= r) dayStart[day++] = i;
    if (include[r]) rows[i++] = r;
  }
  while (day < table.dayStart.length) dayStart[day++] = i;
  return { rows, dayStart };
}
