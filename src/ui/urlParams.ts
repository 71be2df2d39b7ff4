// What the address bar asks for: ?seed=N and, mostly for tests, smaller worlds via
// users / items / days. Validation happens in the worker (worldConfig), so a bad value shows
// up as a generation error the person can read, not as a blank page.
import { DEFAULT_SEED, DEFAULT_SIZES, type WorldConfig, type WorldSizes } from '../sim/config.ts';

export type WorldRequestConfig = Pick<WorldConfig, 'seed'> & Partial<WorldSizes>;

const SIZE_KEYS = ['users', 'items', 'days'] as const;

export function readWorldParams(search: string): WorldRequestConfig {
  const params = new URLSearchParams(search);
  const number = (key: string) => {
    const raw = params.get(key);
    return raw === null || raw.trim() === '' ? undefined : Number(raw);
  };
  const config: WorldRequestConfig = { seed: number('seed') ?? DEFAULT_SEED };
  for (const key of SIZE_KEYS) {
    const value = number(key);
    if (value !== undefined) config[key] = value;
  }
  return config;
}

/** Sizes as the world will have them: the asked-for ones over the defaults. */
export function sizesOf(config: WorldRequestConfig): WorldSizes {
  return { ...DEFAULT_SIZES, ...config };
}
