// ranking / blender: turns ranked candidates into slates — no duplicates, no pin the encoder
// calls low quality (unless nothing else is left), at most a few items per aesthetic and from
// trending per slate, and one fresh pin near the top when there is one.
import { SOURCE_FRESH, SOURCE_TRENDING } from './sources.ts';
import type { RequestScratch } from './scratch.ts';
import type { ServingDay } from './serving.ts';
import { AESTHETICS } from '../world/taxonomy.ts';

export const MAX_PAGES = 6;
const FRESH_SLOT = 4;

const aestheticCount = new Uint8Array(AESTHETICS.length);
const usedScratch = new Uint8Array(1024);
const aestheticScratch = new Uint8Array(1024);
const lowQualityScratch = new Uint8Array(1024);
const rankKeys = new Float64Array(1024);

/**
 * Candidate indices by descending score. Score and index are packed into one float so the
 * engine's native numeric sort does the work (no comparator call per comparison); scores are
 * resolved to 1e-6, ties go to the earlier candidate.
 */
function rankByScore(scores: Float32Array, count: number): Int32Array {
  const keys = rankKeys.subarray(0, count);
  for (let c = 0; c < count; c++) keys[c] = Math.round((50 - scores[c]) * 1e6) * 1024 + c;
  keys.sort();
  const ranked = new Int32Array(count);
  for (let c = 0; c < count; c++) ranked[c] = keys[c] % 1024;
  return ranked;
}

/**
 * Fills `scratch.order` with candidate indices in feed order (slate after slate) and returns
 * how many were placed. Scores must already be in `scratch.scores`.
 */
export function blend(s: ServingDay, scratch: RequestScratch): number {
  const { count, scores, order, candidates, candidateSource } = scratch;
  const { slateSize, maxPerAesthetic, maxTrending } = s.spec.blender;
  const ranked = rankByScore(scores, count);
  const used = usedScratch.fill(0, 0, count);
  const aesthetic = aestheticScratch;
  const lowQuality = lowQualityScratch;
  for (let c = 0; c < count; c++) {
    aesthetic[c] = s.encoder.predAesthetic[candidates[c]];
    lowQuality[c] = s.spec.blender.qualityGate ? s.encoder.predQuality[candidates[c]] : 0;
  }
  let placed = 0;
  let first = 0; // ranked[first] is the best candidate not yet placed
  const limit = Math.min(count, slateSize * MAX_PAGES);
  while (placed < limit) {
    const slateStart = placed;
    const slateEnd = Math.min(limit, slateStart + slateSize);
    aestheticCount.fill(0);
    let trending = 0;
    let hasFresh = false;
    // Pass 0 keeps every rule; pass 1 relaxes the diversity quotas; only pass 2, when the first
    // slate cannot be filled otherwise, lets pins labelled low quality through the quality gate.
    for (let pass = 0; pass < (slateStart === 0 ? 3 : 2) && placed < slateEnd; pass++) {
      for (let k = first; k < count && placed < slateEnd; k++) {
        const c = ranked[k];
        if (used[c]) continue;
        const a = aesthetic[c];
        const isTrending = candidateSource[c] === SOURCE_TRENDING;
        if (pass < 2 && lowQuality[c]) continue;
        if (pass === 0 && (aestheticCount[a] >= maxPerAesthetic || (isTrending && trending >= maxTrending))) {
          continue;
        }
        used[c] = 1;
        order[placed++] = c;
        aestheticCount[a]++;
        if (isTrending) trending++;
        if (candidateSource[c] === SOURCE_FRESH) hasFresh = true;
      }
    }
    // Fresh quota: promote the best unused fresh candidate into the slate.
    const slot = slateStart + FRESH_SLOT;
    if (!hasFresh && slot < placed) {
      let fresh = -1;
      for (let k = first; k < count && fresh < 0; k++) {
        if (!used[ranked[k]] && candidateSource[ranked[k]] === SOURCE_FRESH) fresh = ranked[k];
      }
      if (fresh >= 0) {
        used[order[placed - 1]] = 0;
        for (let p = placed - 1; p > slot; p--) order[p] = order[p - 1];
        order[slot] = fresh;
        used[fresh] = 1;
      }
    }
    while (first < count && used[ranked[first]]) first++;
    if (placed === slateStart) break; // only gated pins left: the feed ends here
  }
  return placed;
}
