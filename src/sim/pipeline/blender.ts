// ranking / blender: turns ranked candidates into slates — no duplicates, no pin the encoder
// calls low quality (unless nothing else is left, or behavioural evidence vouches for it), per
// slate at most as many items of an aesthetic as the user's profile calls for and a few from
// trending, and one fresh pin near the top when there is one.
import { SOURCE_CO_ENGAGEMENT, SOURCE_FRESH, SOURCE_TRENDING } from './sources.ts';
import type { RequestScratch } from './scratch.ts';
import type { ServingDay } from './serving.ts';
import { AESTHETICS } from '../world/taxonomy.ts';

/** Engagements a user needs before the gate trusts co-engagement evidence over the encoder. */
const TRUSTED_HISTORY = 8;
/** …and the pin needs recent saves of its own (decayed count): engagement someone can vouch for. */
const SAVE_EVIDENCE = 0.18;
/** Calibrated quotas: an aesthetic's slots per slate scale with its share of the profile. */
const CALIBRATION = 1.3;
const aestheticCap = new Uint8Array(AESTHETICS.length);

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
export function blend(s: ServingDay, scratch: RequestScratch, user: number): number {
  const { count, scores, order, candidates, candidateSource } = scratch;
  const { slateSize, maxPerAesthetic, maxTrending } = s.spec.blender;
  const ranked = rankByScore(scores, count);
  const used = usedScratch.fill(0, 0, count);
  const aesthetic = aestheticScratch;
  const lowQuality = lowQualityScratch;
  const trusted = s.history.recentCount[user] >= TRUSTED_HISTORY;
  for (let c = 0; c < count; c++) {
    aesthetic[c] = s.encoder.predAesthetic[candidates[c]];
    // A co-engagement candidate that people have been saving carries behavioural evidence (those
    // who engaged with this user's pins engaged with it too), which the gate trusts over the
    // encoder's label — for users with enough history for co-engagement to mean something.
    const evidence = trusted && candidateSource[c] === SOURCE_CO_ENGAGEMENT && s.stats.saves[candidates[c]] >= SAVE_EVIDENCE;
    lowQuality[c] = s.spec.blender.qualityGate && !evidence ? s.encoder.predQuality[candidates[c]] : 0;
  }
  // Calibrated quotas: an aesthetic may fill as much of a slate as it fills of the user's profile
  // (onboarding picks and recent engagements), and never less than the base quota.
  for (let a = 0; a < AESTHETICS.length; a++) {
    aestheticCap[a] = Math.max(maxPerAesthetic, Math.round(slateSize * scratch.profile[a] * CALIBRATION));
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
        if (pass === 0 && (aestheticCount[a] >= aestheticCap[a] || (isTrending && trending >= maxTrending))) {
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
