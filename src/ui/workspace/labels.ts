// How vocabulary ids read in the app. The ids stay the contract; these are only their labels.
import type { Dimension, Stage } from '../../sim/vocabulary.ts';
import type { MetricDef } from '../../sim/query/metrics.ts';

export const STAGE_LABELS: Record<Stage, string> = {
  ingestion: 'Ingestion',
  candidates: 'Candidates',
  ranking: 'Ranking',
  presentation: 'Presentation',
  logging: 'Logging',
};

export const AREA_LABELS: Record<MetricDef['area'], string> = { outcome: 'Outcome', ...STAGE_LABELS };

export const DIMENSION_LABELS: Record<Dimension, string> = {
  tenure: 'User tenure',
  platform: 'Platform',
  region: 'Region',
  app_version: 'App version',
  user_interest: 'User interest',
  aesthetic: 'Pin aesthetic',
  category: 'Pin category',
  brightness: 'Pin brightness',
  predicted_quality: 'Predicted quality',
  freshness: 'Pin freshness',
  creator_size: 'Creator size',
  source: 'Candidate source',
  position: 'Slate position',
  surface: 'Surface',
  experiment_arm: 'Experiment arm',
  day: 'Day',
  feature: 'Ranker feature',
};


export const dimensionLabel = (d: string) => DIMENSION_LABELS[d as Dimension] ?? d;

/** A cause as a person reads it: "Encoder mislabel" for encoder-mislabel; the no-regression answer in words. */
export function causeLabel(id: string): string {
  if (id === 'no-regression') return 'Nothing broke (no regression)';
  const words = id.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
