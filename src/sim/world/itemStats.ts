// Engagement counters per item, decayed daily: the popularity feature and the trending list
// are read from them, which is how the ranker's choices feed back into what it sees next.
import { AESTHETICS, AESTHETIC_POPULARITY } from './taxonomy.ts';
import type { Items } from './items.ts';
import type { Rng } from '../random.ts';

export interface ItemStats {
  impressions: Float32Array;
  clicks: Float32Array;
  saves: Float32Array;
}

export const STATS_DECAY = 0.75;
const PRIOR_IMPRESSIONS = 20;
const PRIOR_CTR = 0.03;

export function cloneItemStats(st: ItemStats): ItemStats {
  return { impressions: st.impressions.slice(), clicks: st.clicks.slice(), saves: st.saves.slice() };
}

export function emptyItemStats(count: number): ItemStats {
  return {
    impressions: new Float32Array(count),
    clicks: new Float32Array(count),
    saves: new Float32Array(count),
  };
}

/** Exposure before the window is Pareto-distributed (a few pins went viral): its tail index and floor. */
const PRIOR_TAIL = 1.2;
const PRIOR_MIN_IMPRESSIONS = 12;
const PRIOR_MAX_IMPRESSIONS = 4000;

/**
 * Counters as the window opens: pins created before it have an engagement history — heavy
 * tailed in volume, as on any real feed — whose click rate reflects their quality and how
 * popular their aesthetic is, so popularity means something from the first day.
 */
export function initialItemStats(items: Items, rng: Rng): ItemStats {
  const stats = emptyItemStats(items.count);
  for (let i = 0; i < items.count; i++) {
    const u = rng();
    if (items.createdDay[i] > 0) continue;
    const shown = Math.min(PRIOR_MAX_IMPRESSIONS, PRIOR_MIN_IMPRESSIONS * Math.pow(1 - u, -1 / PRIOR_TAIL));
    const appeal = Math.exp(2 * (items.quality[i] - 0.7)) * Math.pow(AESTHETIC_POPULARITY[items.aesthetic[i]] / AESTHETIC_POPULARITY[0], 0.25);
    stats.impressions[i] = shown;
    stats.clicks[i] = shown * PRIOR_CTR * appeal;
    stats.saves[i] = stats.clicks[i] * 0.25;
  }
  return stats;
}

export function decayItemStats(stats: ItemStats): void {
  for (let i = 0; i < stats.impressions.length; i++) {
    stats.impressions[i] *= STATS_DECAY;
    stats.clicks[i] *= STATS_DECAY;
    stats.saves[i] *= STATS_DECAY;
  }
}

/**
 * Smoothed click-through rate of every item as a logit relative to the prior: the ranker's
 * popularity feature, computed once a night from the counters as they stood.
 */
export function popularityLogits(stats: ItemStats): Float32Array {
  const n = stats.impressions.length;
  const out = new Float32Array(n);
  const prior = Math.log(PRIOR_CTR / (1 - PRIOR_CTR));
  for (let i = 0; i < n; i++) {
    const p = (stats.clicks[i] + PRIOR_CTR * PRIOR_IMPRESSIONS) / (stats.impressions[i] + PRIOR_IMPRESSIONS);
    out[i] = Math.log(p / (1 - p)) - prior;
  }
  return out;
}

/** How "hot" an item is: recent saves, plus clicks at a lower weight (about one click in four is saved). */
const heat = (stats: ItemStats, i: number) => stats.saves[i] + 0.1 * stats.clicks[i];

/** The `size` hottest of `ids`, hottest first (ties by id, so the order is deterministic). */
function hottest(stats: ItemStats, ids: number[], size: number): Int32Array {
  ids.sort((x, y) => heat(stats, y) - heat(stats, x) || x - y);
  return Int32Array.from(ids.slice(0, size));
}

/** The `size` live items with the most recent engagement, most engaged first. */
export function trendingItems(stats: ItemStats, live: (item: number) => boolean, size: number): Int32Array {
  const ids: number[] = [];
  for (let i = 0; i < stats.saves.length; i++) if (live(i) && heat(stats, i) > 0) ids.push(i);
  return hottest(stats, ids, size);
}

/** Per predicted aesthetic, its `size` most engaged live items. */
export function trendingByAesthetic(
  stats: ItemStats,
  live: (item: number) => boolean,
  predAesthetic: Uint8Array,
  size: number,
): Int32Array[] {
  const groups: number[][] = AESTHETICS.map(() => []);
  for (let i = 0; i < stats.saves.length; i++) if (live(i) && heat(stats, i) > 0) groups[predAesthetic[i]].push(i);
  return groups.map((ids) => hottest(stats, ids, size));
}

/**
 * One trending list for everyone: live pins ranked by their heat weighted by their predicted
 * aesthetic's share of all recent engagement — what is hot across the whole audience, which only
 * the broad (mainstream) aesthetics can top, however hot a niche pin is among its own fans.
 */
export function globalTrending(stats: ItemStats, live: (item: number) => boolean, predAesthetic: Uint8Array, size: number): Int32Array {
  const share = new Float64Array(AESTHETICS.length);
  let total = 0;
  for (let i = 0; i < stats.saves.length; i++) {
    const h = heat(stats, i);
    share[predAesthetic[i]] += h;
    total += h;
  }
  const ids: number[] = [];
  const score = new Float64Array(stats.saves.length);
  for (let i = 0; i < stats.saves.length; i++) {
    if (!live(i) || heat(stats, i) <= 0) continue;
    score[i] = heat(stats, i) * (share[predAesthetic[i]] / (total || 1));
    ids.push(i);
  }
  ids.sort((x, y) => score[y] - score[x] || x - y);
  return Int32Array.from(ids.slice(0, size));
}
