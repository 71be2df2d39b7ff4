// What each user has engaged with: onboarding picks (made at sign-up) and a ring of recent
// clicks and saves. Cold start is visible here: a new user has picks and almost nothing else.
import type { Items } from './items.ts';
import { TASTE_WIDTH, TENURE_CORE, type Users } from './users.ts';
import { DIM, dot } from '../vectors.ts';
import { drawCumulative, randomInt, stream } from '../random.ts';

export const PICKS = 4;
export const RECENT = 32;
/** Past engagements are the best of this many taste-matching items: what a feed would have
 * surfaced and the user clicked, so histories start near their steady state. */
const PAST_ENGAGEMENT_CHOICE = 12;
/**
 * Past engagements lean toward the top of a taste (taste weights raised to this power): a feed
 * keeps serving what a user clicks most, so a long history has already concentrated there, and
 * in-window engagement does not keep sharpening it week after week.
 */
const HISTORY_SHARPNESS = 2.5;

export interface Histories {
  picks: Int32Array;
  recent: Int32Array;
  /** Engagements ever appended (the ring holds the last RECENT of them). */
  recentCount: Int32Array;
}

export function appendEngagement(h: Histories, user: number, item: number): void {
  h.recent[user * RECENT + (h.recentCount[user] % RECENT)] = item;
  h.recentCount[user]++;
}

/** The `n`-th most recent engagement (0 = newest); the caller checks n < recentCount. */
export function recentItem(h: Histories, user: number, n: number): number {
  return h.recent[user * RECENT + ((h.recentCount[user] - 1 - n) % RECENT)];
}

/** Picks and past engagements drawn from each user's true taste among pre-window items. */
export function seedHistories(seed: number, users: Users, items: Items): Histories {
  const rng = stream(seed, 'histories');
  const h: Histories = {
    picks: new Int32Array(users.count * PICKS).fill(-1),
    recent: new Int32Array(users.count * RECENT).fill(-1),
    recentCount: new Int32Array(users.count),
  };
  const live = items.byAesthetic.map((ids) => ids.filter((i) => items.createdDay[i] <= 0));
  const tasteCum = new Float64Array(TASTE_WIDTH);
  const pick = (u: number, popularOnly: boolean): number => {
    const sharpness = popularOnly ? 1 : HISTORY_SHARPNESS;
    for (let t = 0; t < TASTE_WIDTH; t++) {
      tasteCum[t] = (t ? tasteCum[t - 1] : 0) + Math.pow(users.tasteWeight[u * TASTE_WIDTH + t], sharpness);
    }
    const a = users.taste[u * TASTE_WIDTH + drawCumulative(rng, tasteCum)];
    const pool = live[a].length ? live[a] : items.byAesthetic[a];
    // Best of a few by true affinity: people pick and engage with what they like.
    let best = pool[randomInt(rng, pool.length)];
    let bestScore = -Infinity;
    for (let tries = 0; tries < (popularOnly ? 4 : PAST_ENGAGEMENT_CHOICE); tries++) {
      const i = pool[randomInt(rng, pool.length)];
      const s = dot(users.latent, u * DIM, items.latent, i * DIM) + items.quality[i];
      if (s > bestScore) {
        bestScore = s;
        best = i;
      }
    }
    return best;
  };
  for (let u = 0; u < users.count; u++) {
    for (let p = 0; p < PICKS; p++) h.picks[u * PICKS + p] = pick(u, true);
    if (users.signupDay[u] > 0) continue; // signs up inside the window: no past engagement
    const past = users.settledTenure[u] === TENURE_CORE ? RECENT : 8 + randomInt(rng, 8);
    const newUserAtStart = 1 - users.signupDay[u] < 7;
    const n = newUserAtStart ? randomInt(rng, 3) : past;
    for (let e = 0; e < n; e++) appendEngagement(h, u, pick(u, false));
  }
  return h;
}
