// Engagement counters per item, decayed daily: the popularity feature and the trending list
// are read from them, which is how the ranker's choices feed back into what it sees next.

export interface ItemStats {
  impressions: Float32Array;
  clicks: Float32Array;
  saves: Float32Array;
}

export const STATS_DECAY = 0.75;
const PRIOR_IMPRESSIONS = 20;
const PRIOR_CTR = 0.03;

export function emptyItemStats(count: number): ItemStats {
  return {
    impressions: new Float32Array(count),
    clicks: new Float32Array(count),
    saves: new Float32Array(count),
  };
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

/** The `size` items with the most recent engagement, most engaged first. */
export function trendingItems(stats: ItemStats, live: (item: number) => boolean, size: number): Int32Array {
  const n = stats.saves.length;
  const heat = new Float32Array(n);
  const ids: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!live(i)) continue;
    heat[i] = stats.saves[i] + 0.3 * stats.clicks[i];
    if (heat[i] > 0) ids.push(i);
  }
  ids.sort((a, b) => heat[b] - heat[a] || a - b);
  return Int32Array.from(ids.slice(0, size));
}
