// The fixed taxonomy: aesthetics with long-tail popularity and categories. Names and ordering
// are data; only the latent centres depend on the seed.

export interface AestheticInfo {
  id: string;
  /** Typical image brightness in [0, 1]: dark aesthetics sit low. */
  brightness: number;
  niche: boolean;
  /** On the rise: recent sign-ups (a younger cohort) are drawn to it far more than the base. */
  rising?: boolean;
}

/** Ordered from most to least popular; popularity falls as a power law of the rank. */
export const AESTHETICS: readonly AestheticInfo[] = [
  { id: 'minimalist', brightness: 0.78, niche: false },
  { id: 'scandinavian', brightness: 0.8, niche: false },
  { id: 'modern-farmhouse', brightness: 0.7, niche: false },
  { id: 'boho', brightness: 0.62, niche: false },
  { id: 'mid-century', brightness: 0.55, niche: false },
  { id: 'coastal', brightness: 0.82, niche: false },
  { id: 'japandi', brightness: 0.6, niche: false },
  { id: 'industrial', brightness: 0.38, niche: false },
  { id: 'traditional', brightness: 0.5, niche: false },
  { id: 'glam', brightness: 0.58, niche: false },
  { id: 'cottagecore', brightness: 0.62, niche: true, rising: true },
  { id: 'dark-academia', brightness: 0.2, niche: true, rising: true },
  { id: 'goblincore', brightness: 0.3, niche: true, rising: true },
  { id: 'grandmillennial', brightness: 0.6, niche: true, rising: true },
  { id: 'vaporwave', brightness: 0.52, niche: true },
  { id: 'y2k', brightness: 0.7, niche: true },
  { id: 'art-deco', brightness: 0.42, niche: true },
  { id: 'maximalist', brightness: 0.5, niche: true },
  { id: 'gothic', brightness: 0.14, niche: true },
  { id: 'cyberpunk', brightness: 0.24, niche: true },
];
export const AESTHETIC_IDS: readonly string[] = AESTHETICS.map((a) => a.id);

/** Zipf exponent of aesthetic popularity: the head is ~30× the tail. */
export const POPULARITY_EXPONENT = 1.15;
export const AESTHETIC_POPULARITY: readonly number[] = AESTHETICS.map(
  (_, rank) => 1 / Math.pow(rank + 1, POPULARITY_EXPONENT),
);

export const CATEGORIES = [
  'home-decor',
  'fashion',
  'food',
  'diy',
  'travel',
  'beauty',
  'art',
  'wedding',
] as const;
export const CATEGORY_WEIGHTS = [0.3, 0.18, 0.14, 0.1, 0.09, 0.08, 0.06, 0.05];

export const PLATFORMS = ['ios', 'android', 'web'] as const;
export const PLATFORM_WEIGHTS = [0.45, 0.4, 0.15];
/** App versions per platform; the newest is still rolling out (to about one user in nine on iOS and on Android alike). */
export const APP_VERSIONS: Record<(typeof PLATFORMS)[number], { id: string; weight: number }[]> = {
  ios: [
    { id: 'ios-41.2', weight: 0.2 },
    { id: 'ios-41.3', weight: 0.55 },
    { id: 'ios-42.0', weight: 0.25 },
  ],
  android: [
    { id: 'android-41.2', weight: 0.27 },
    { id: 'android-41.3', weight: 0.45 },
    { id: 'android-42.0', weight: 0.28 },
  ],
  web: [{ id: 'web', weight: 1 }],
};
export const APP_VERSION_IDS: readonly string[] = Object.values(APP_VERSIONS).flatMap((vs) =>
  vs.map((v) => v.id),
);

export const REGIONS = ['na', 'eu', 'latam', 'apac'] as const;
export const REGION_WEIGHTS = [0.4, 0.3, 0.15, 0.15];

export const TENURES = ['new', 'casual', 'core'] as const;
export const CREATOR_SIZES = ['small', 'medium', 'large'] as const;
export const CREATOR_SIZE_WEIGHTS = [0.6, 0.3, 0.1];
export const BRIGHTNESS_BUCKETS = ['dark', 'medium', 'bright'] as const;
export const FRESHNESS_BUCKETS = ['new', 'recent', 'older'] as const;
export const QUALITY_LABELS = ['ok', 'low-quality'] as const;
export const SURFACES = ['home-feed', 'related-pins'] as const;
export const EXPERIMENT_ARMS = ['control', 'treatment'] as const;

export function brightnessBucket(brightness: number): number {
  return brightness < 0.35 ? 0 : brightness > 0.65 ? 2 : 1;
}

/** Age in days on `day` → freshness bucket: new (≤ 2 days), recent (≤ 14), older. */
export function freshnessBucket(day: number, createdDay: number): number {
  const age = day - createdDay;
  return age <= 2 ? 0 : age <= 14 ? 1 : 2;
}
