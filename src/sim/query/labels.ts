// Display labels of every dictionary-coded value, re-exported in one place for the query layer.
export {
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
  brightnessBucket,
  freshnessBucket,
} from '../world/taxonomy.ts';
export { SOURCES as SOURCES_LIST } from '../vocabulary.ts';
