// Named, seeded random streams. Rule: nothing in src/sim draws a random number except from a
// stream made here, and each entity family has its own name, so adding one more draw to one
// family never reshuffles another.
import seedrandom from 'seedrandom';
import { randomNormal } from 'd3-random';

export type Rng = () => number;

/** A stream such as `20260415/users` or `20260415/day/3/sessions`. */
export function stream(seed: number, name: string): Rng {
  return seedrandom.alea(`${seed}/${name}`);
}

/** A standard-normal sampler drawing from `rng` (d3-random takes its source as an argument). */
export function normalFrom(rng: Rng): () => number {
  return randomNormal.source(rng)(0, 1);
}

export function randomInt(rng: Rng, n: number): number {
  return Math.floor(rng() * n);
}

/** Index drawn with probability proportional to `cumulative[i] - cumulative[i-1]`. */
export function drawCumulative(rng: Rng, cumulative: Float64Array | number[]): number {
  const total = cumulative[cumulative.length - 1];
  const x = rng() * total;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function cumulativeOf(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += weights[i];
    out[i] = sum;
  }
  return out;
}

export function shuffleInPlace<T extends { length: number; [i: number]: number }>(rng: Rng, a: T): T {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
  return a;
}

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
export const logit = (p: number): number => Math.log(p / (1 - p));

/**
 * Keyed sub-streams: `keyed(a, b)` is a small, fast generator determined by the named stream
 * and the keys alone. Serving uses one per (day, user, purpose), so a change to one user's
 * feed leaves every other user's draws — and a fault-free twin's — exactly aligned.
 */
export function keyedStreams(seed: number, name: string): (a: number, b: number, c?: number) => Rng {
  const base = stream(seed, name);
  const k0 = (base() * 0x100000000) >>> 0;
  const k1 = (base() * 0x100000000) >>> 0;
  return (a, b, c = 0) => sfc32(k0 ^ Math.imul(a + 1, 0x9e3779b1), k1 ^ Math.imul(b + 1, 0x85ebca77), Math.imul(c + 1, 0xc2b2ae3d), 0x27d4eb2f);
}

function sfc32(a: number, b: number, c: number, d: number): Rng {
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}
