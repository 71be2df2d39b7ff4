// candidates / source:*: the five candidate sources. Each returns its own list for a user;
// `retrieveCandidates` runs them all with their latencies and timeouts and merges the results.
import { SOURCES, type SourceId } from '../vocabulary.ts';
import { DIM, dot } from '../vectors.ts';
import { RECORD_WIDTH, REC_TEXT, REC_VISUAL } from './itemRecords.ts';
import { randomInt, type Rng } from '../random.ts';
import { PICKS, recentItem } from '../world/history.ts';
import { annSearch, type TopK } from './clusterIndex.ts';
import { MAX_ANCHORS, type RequestScratch } from './scratch.ts';
import { CO_NEIGHBOURS } from './coEngagement.ts';
import { buildProfile } from './featurePipeline.ts';
import type { ServingDay } from './serving.ts';

export const SOURCE_CO_ENGAGEMENT = 0;
export const SOURCE_VISUAL = 1;
export const SOURCE_TEXT = 2;
export const SOURCE_TRENDING = 3;
export const SOURCE_FRESH = 4;

/** Recent engagements a query is built from. */
const QUERY_HISTORY = 8;
const CO_SEEDS = 10;
const CO_PER_SEED = 4;
/**
 * Of each probed bucket's window, how many come from the head of its posting list (the most
 * engaged pins). Text search leans on it more; visual search, which cold start depends on,
 * stays mostly personal.
 */
const VISUAL_HEAD = 9;
const TEXT_HEAD = 11;

/** Visual and text queries: the mean embedding of onboarding picks and recent engagements. */
export function buildQueries(s: ServingDay, user: number, scratch: RequestScratch): void {
  const { visualQuery: vq, textQuery: tq } = scratch;
  vq.fill(0);
  tq.fill(0);
  const h = s.history;
  const recent = Math.min(QUERY_HISTORY, h.recentCount[user]);
  const rec = s.records;
  const anchors = scratch.anchors;
  scratch.anchorCount = 0;
  const addItem = (item: number, w: number) => {
    const o = item * RECORD_WIDTH;
    for (let k = 0; k < DIM; k++) {
      vq[k] += w * rec[o + REC_VISUAL + k];
      tq[k] += w * rec[o + REC_TEXT + k];
    }
    if (scratch.anchorCount < MAX_ANCHORS) {
      anchors.set(rec.subarray(o + REC_VISUAL, o + REC_VISUAL + DIM), scratch.anchorCount++ * DIM);
    }
  };
  // Picks dominate until the user has a history of their own.
  const pickWeight = recent >= QUERY_HISTORY ? 0.3 : 1;
  for (let n = 0; n < recent; n++) addItem(recentItem(h, user, n), 1);
  for (let p = 0; p < PICKS; p++) {
    const item = h.picks[user * PICKS + p];
    if (item >= 0) addItem(item, pickWeight);
  }
  normalize(vq);
  normalize(tq);
}

/** An aesthetic drawn in proportion to the user's profile (shares summing to 1). */
function profileAesthetic(profile: Float32Array, u: number): number {
  let acc = 0;
  for (let a = 0; a < profile.length; a++) {
    acc += profile[a];
    if (u < acc) return a;
  }
  return profile.length - 1;
}

function normalize(v: Float32Array): void {
  let n = 0;
  for (let k = 0; k < v.length; k++) n += v[k] * v[k];
  const inv = n > 0 ? 1 / Math.sqrt(n) : 0;
  for (let k = 0; k < v.length; k++) v[k] *= inv;
}

/** One source's own candidate list for `user`, best first, into `out` (no cross-source dedup). */
export function runSource(
  s: ServingDay,
  source: number,
  user: number,
  rng: Rng,
  scratch: RequestScratch,
  out: TopK,
): void {
  out.reset(s.spec.sources[SOURCES[source] as SourceId].k);
  collect(s, source, user, rng, scratch, out);
  out.sortDescending();
}

function collect(
  s: ServingDay,
  source: number,
  user: number,
  rng: Rng,
  scratch: RequestScratch,
  out: TopK,
): void {
  const spec = s.spec.sources[SOURCES[source] as SourceId];
  switch (source) {
    case SOURCE_CO_ENGAGEMENT: {
      // Neighbours of the user's recent engagements in the co-engagement graph; items with no
      // engagement history yet (created after the last refresh) cannot appear.
      const h = s.history;
      const seeds = Math.min(CO_SEEDS, h.recentCount[user]);
      const graph = s.coGraph;
      const created = s.items.createdDay;
      for (let n = 0; n < seeds; n++) {
        const seedItem = recentItem(h, user, n);
        const base = seedItem * CO_NEIGHBOURS;
        let j = randomInt(rng, CO_NEIGHBOURS);
        for (let t = 0, taken = 0; t < CO_NEIGHBOURS && taken < CO_PER_SEED; t++) {
          const item = graph[base + j];
          if (item >= 0 && created[item] <= s.indexBuiltThrough) {
            out.push(item, 10 - n - taken * 0.1);
            taken++;
          }
          if (++j === CO_NEIGHBOURS) j = 0;
        }
      }
      return;
    }
    case SOURCE_VISUAL:
    case SOURCE_TEXT: {
      const visual = source === SOURCE_VISUAL;
      const { nprobe, window } = s.spec.annIndex;
      annSearch(
        visual ? s.indexes.visual : s.indexes.text,
        visual ? s.visualBuckets : s.textBuckets,
        visual ? s.encoder.visual : s.text,
        DIM,
        0,
        visual ? scratch.visualQuery : scratch.textQuery,
        nprobe,
        visual ? window : Math.ceil(window * 0.6),
        visual ? VISUAL_HEAD : TEXT_HEAD,
        rng,
        out,
      );
      return;
    }
    case SOURCE_TRENDING: {
      // "Trending for you": hot pins, the ones nearest the user's taste kept. Per interest, they
      // are drawn from the trends within aesthetics of the user's profile; global, from one list
      // for everyone — which serves mainstream tastes as before, since only mainstream pins top it.
      if (s.spec.trendingMode === 'global') {
        const list = s.globalTrending;
        const vq = scratch.visualQuery;
        for (let t = 0; t < list.length; t++) out.push(list[t], dot(s.records, list[t] * RECORD_WIDTH + REC_VISUAL, vq, 0) + 0.1 * rng());
        return;
      }
      const vq = scratch.visualQuery;
      for (let t = 0; t < spec.k * 4; t++) {
        const uAesthetic = rng();
        const uItem = rng();
        const list = s.trendingByAesthetic[profileAesthetic(scratch.profile, uAesthetic)];
        if (!list.length) continue;
        const item = list[Math.floor(uItem * list.length)];
        out.push(item, dot(s.records, item * RECORD_WIDTH + REC_VISUAL, vq, 0) + 0.1 * rng());
      }
      return;
    }
    case SOURCE_FRESH: {
      const list = s.fresh;
      if (list.length === 0) return;
      // Light personalisation: of a random sample of new pins, those closest to the user's taste.
      const vq = scratch.visualQuery;
      for (let t = 0; t < spec.k * 2; t++) {
        const item = list[randomInt(rng, list.length)];
        out.push(item, dot(s.records, item * RECORD_WIDTH + REC_VISUAL, vq, 0));
      }
      return;
    }
  }
}

/**
 * Runs every source for a request: latency drawn per source, a timed-out source contributes
 * nothing, candidates are merged in source order with duplicates dropped.
 */
export function retrieveCandidates(
  s: ServingDay,
  user: number,
  rng: Rng,
  normal: () => number,
  scratch: RequestScratch,
  sourceOut: TopK,
): void {
  scratch.beginRequest();
  buildQueries(s, user, scratch);
  buildProfile(s, user, scratch);
  const region = s.users.region[user];
  for (let src = 0; src < SOURCES.length; src++) {
    const spec = s.spec.sources[SOURCES[src] as SourceId];
    const latency = spec.latencyMedianMs * Math.exp(spec.latencySpread * normal());
    const uOutage = rng();
    const down =
      uOutage < spec.outageRate && (spec.outageRegions.length === 0 || spec.outageRegions.includes(region));
    const timedOut = down || latency >= spec.timeoutMs;
    scratch.sourceLatency[src] = timedOut ? spec.timeoutMs : latency;
    scratch.sourceTimeout[src] = timedOut ? 1 : 0;
    scratch.sourceCount[src] = 0;
    if (timedOut) continue;
    runSource(s, src, user, rng, scratch, sourceOut);
    scratch.sourceCount[src] = sourceOut.size;
    for (let t = 0; t < sourceOut.size; t++) scratch.add(sourceOut.ids[t], src);
  }
}
