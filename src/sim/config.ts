// What a world is a function of. Every field has a default so `{ seed }` alone is a world; the
// limits keep a file or a flag from asking for a world that would exhaust a browser tab.

export interface WorldSizes {
  users: number;
  items: number;
  days: number;
}

export interface SegmentMix {
  /** Shares of the stable population; new users arrive on top of it day by day. */
  core: number;
  casual: number;
  /** New sign-ups per day as a share of the stable population. */
  newPerDay: number;
}

export interface WorldConfig extends WorldSizes {
  seed: number;
  mix: SegmentMix;
}

export const DEFAULT_SEED = 20260415;

export const DEFAULT_SIZES: WorldSizes = { users: 20_000, items: 40_000, days: 14 };

export const DEFAULT_MIX: SegmentMix = { core: 0.4, casual: 0.6, newPerDay: 0.012 };

export const SIZE_LIMITS: Record<keyof WorldSizes, { min: number; max: number }> = {
  users: { min: 200, max: 200_000 },
  items: { min: 500, max: 400_000 },
  days: { min: 2, max: 60 },
};

export class ConfigError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'ConfigError';
  }
}

export function worldConfig(partial: Partial<WorldConfig> = {}): WorldConfig {
  const config: WorldConfig = {
    seed: partial.seed ?? DEFAULT_SEED,
    users: partial.users ?? DEFAULT_SIZES.users,
    items: partial.items ?? DEFAULT_SIZES.items,
    days: partial.days ?? DEFAULT_SIZES.days,
    mix: { ...DEFAULT_MIX, ...partial.mix },
  };
  if (!Number.isSafeInteger(config.seed) || config.seed < 0) {
    throw new ConfigError('seed', `must be a non-negative integer, got ${partial.seed}`);
  }
  for (const key of Object.keys(SIZE_LIMITS) as (keyof WorldSizes)[]) {
    const { min, max } = SIZE_LIMITS[key];
    const value = config[key];
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new ConfigError(key, `must be an integer from ${min} to ${max}, got ${value}`);
    }
  }
  const { core, casual, newPerDay } = config.mix;
  if (!(core >= 0 && casual >= 0 && core + casual > 0)) {
    throw new ConfigError('mix', 'core and casual shares must be non-negative and not both 0');
  }
  if (!(newPerDay >= 0 && newPerDay <= 0.2)) {
    throw new ConfigError('mix.newPerDay', `must be from 0 to 0.2, got ${newPerDay}`);
  }
  return config;
}
