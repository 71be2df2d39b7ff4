// The values each dimension can take: the one list the query engine, scenario validation and
// the UI all check slice values against. Days depend on the world (1 … days).
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
  SURFACES,
  TENURES,
} from '../world/taxonomy.ts';
import { SOURCES } from '../vocabulary.ts';
import { FEATURE_NAMES } from '../pipeline/ranker.ts';
import type { Dimension } from '../vocabulary.ts';

/** Position buckets: each of the first ten slots, then ranges. */
const POSITION_BUCKETS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11-20', '21-30', '31-60'];

/** Every dimension but `day` (whose values are 1 … days). */
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
  source: SOURCES,
  position: POSITION_BUCKETS,
  surface: SURFACES,
  experiment_arm: EXPERIMENT_ARMS,
  feature: FEATURE_NAMES,
};

/** Valid values of `dimension` in a world of `days` days. */
export function valuesOf(dimension: Dimension, days: number): readonly string[] {
  if (dimension === 'day') return Array.from({ length: days }, (_, i) => String(i + 1));
  return DIMENSION_VALUES[dimension];
}
