// The values each dimension can take, so a segment or filter value is checked like an id:
// `tenure: [nwe]` is an error with "did you mean new". Days are checked against the world.
import {
  AESTHETIC_IDS,
  APP_VERSION_IDS,
  BRIGHTNESS_BUCKETS,
  CATEGORIES,
  CREATOR_SIZES,
  EXPERIMENT_ARMS,
  FRESHNESS_BUCKETS,
  PLATFORMS,
  QUALITY_LABELS,
  REGIONS,
  SOURCES_LIST,
  SURFACES,
  TENURES,
} from '../sim/query/labels.ts';
import { POSITION_BUCKETS } from '../sim/query/dimensions.ts';
import { FEATURE_NAMES } from '../sim/pipeline/ranker.ts';
import type { Dimension } from '../sim/vocabulary.ts';

/** Every dimension but `day` (whose values are 1 … world.days). */
export const DIMENSION_VALUES: Record<Exclude<Dimension, 'day'>, readonly string[]> = {
  tenure: TENURES,
  platform: PLATFORMS,
  region: REGIONS,
  app_version: APP_VERSION_IDS,
  user_interest: AESTHETIC_IDS,
  aesthetic: AESTHETIC_IDS,
  category: CATEGORIES,
  brightness: BRIGHTNESS_BUCKETS,
  predicted_quality: QUALITY_LABELS,
  freshness: FRESHNESS_BUCKETS,
  creator_size: CREATOR_SIZES,
  source: SOURCES_LIST,
  position: POSITION_BUCKETS,
  surface: SURFACES,
  experiment_arm: EXPERIMENT_ARMS,
  feature: FEATURE_NAMES,
};

/** Valid values of `dimension` in a world of `days` days. */
export function dimensionValues(dimension: Dimension, days: number): readonly string[] {
  if (dimension === 'day') return Array.from({ length: days }, (_, i) => String(i + 1));
  return DIMENSION_VALUES[dimension];
}
