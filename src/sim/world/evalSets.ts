// Offline evaluation sets written each day: the catalogue as the encoder labels it (with a
// human-labelled subset) and held-out positives for every candidate source's recall.
import { SOURCES } from '../vocabulary.ts';
import { DIM, dot } from '../vectors.ts';
import { randomInt, stream, type Rng } from '../random.ts';
import type { LogBuilders } from '../logs/builders.ts';
import type { EncoderOutput } from '../pipeline/imageEncoder.ts';
import type { ServingDay } from '../pipeline/serving.ts';
import type { RequestScratch } from '../pipeline/scratch.ts';
import { TopK } from '../pipeline/clusterIndex.ts';
import { buildQueries, runSource } from '../pipeline/sources.ts';
import { buildProfile } from '../pipeline/featurePipeline.ts';
import { TASTE_WIDTH, tenureOn, type Users } from './users.ts';
import { groupBy, type Items } from './items.ts';
import { AESTHETICS } from './taxonomy.ts';

export const LABELLED_ITEMS = 3000;
export const EVAL_USERS_PER_DAY = 2000;
/**
 * Of those, this many per interest (aesthetic) and the rest uniformly at random: a stratified
 * sample, so that the recall of users with a niche interest can be read per segment at all.
 */
const EVAL_USERS_PER_INTEREST = 80;
const POSITIVES_PER_USER = 20;
const PROBES_PER_AESTHETIC = 60;

export function chooseLabelledItems(seed: number, items: Items): Int32Array {
  const rng = stream(seed, 'eval/encoder-labels');
  const chosen = new Set<number>();
  const target = Math.min(LABELLED_ITEMS, items.count);
  while (chosen.size < target) chosen.add(randomInt(rng, items.count));
  return Int32Array.from([...chosen].sort((a, b) => a - b));
}

export function logCatalogue(
  logs: LogBuilders,
  day: number,
  items: Items,
  encoder: EncoderOutput,
  reference: EncoderOutput,
  labelled: Uint8Array,
): void {
  const t = logs.catalogue;
  for (let i = 0; i < items.count; i++) {
    if (items.createdDay[i] > day) continue;
    const r = t.addRow();
    const col = t.columns;
    col.day[r] = day;
    col.item[r] = i;
    col.predQuality[r] = encoder.predQuality[i];
    col.predAesthetic[r] = encoder.predAesthetic[i];
    col.lowScore[r] = encoder.lowScore[i];
    let drift = 0;
    if (encoder !== reference) {
      // Unchanged embeddings read as exactly 0, not float rounding.
      const d = 1 - dot(encoder.visual, i * DIM, reference.visual, i * DIM);
      drift = d < 1e-6 ? 0 : d;
    }
    col.drift[r] = drift;
    col.labelled[r] = labelled[i];
  }
}

/** Held-out positives: the items a user would truly love, among live items of their taste. */
function positivesFor(s: ServingDay, user: number, rng: Rng, out: TopK): void {
  const { items, users } = s;
  out.reset(POSITIVES_PER_USER);
  for (let t = 0; t < TASTE_WIDTH - 1; t++) {
    const pool = items.byAesthetic[users.taste[user * TASTE_WIDTH + t]];
    if (pool.length === 0) continue;
    for (let p = 0; p < PROBES_PER_AESTHETIC; p++) {
      const item = pool[randomInt(rng, pool.length)];
      if (items.createdDay[item] > s.day) continue;
      const aff = dot(users.latent, user * DIM, items.latent, item * DIM);
      out.push(item, aff + 0.5 * items.quality[item]);
    }
  }
}

const interestIndex = new WeakMap<Users, Int32Array[]>();

function usersByInterest(users: Users): Int32Array[] {
  let index = interestIndex.get(users);
  if (!index) interestIndex.set(users, (index = groupBy(users.interest, AESTHETICS.length)));
  return index;
}

const positives = new TopK(POSITIVES_PER_USER);
let retrievedStamp = new Int32Array(0);
let stampCounter = 0;

/** A stamp no item carries yet in `retrievedStamp` (sized for `items`). */
function nextStamp(items: number): number {
  if (retrievedStamp.length < items || stampCounter === 0x7fffffff) {
    retrievedStamp = new Int32Array(Math.max(items, retrievedStamp.length));
    stampCounter = 0;
  }
  return ++stampCounter;
}
const retrieved = new TopK(64);

export function logRetrievalEval(logs: LogBuilders, s: ServingDay, seed: number, scratch: RequestScratch): void {
  const rng = stream(seed, `day/${s.day}/retrieval-eval`);
  const t = logs.retrievalEval;
  const byInterest = usersByInterest(s.users);
  const stratified = EVAL_USERS_PER_INTEREST * byInterest.length;
  for (let e = 0; e < EVAL_USERS_PER_DAY; e++) {
    const stratum = e < stratified ? byInterest[e % byInterest.length] : null;
    const user = stratum ? (stratum.length ? stratum[randomInt(rng, stratum.length)] : -1) : randomInt(rng, s.users.count);
    if (user < 0 || s.users.signupDay[user] > s.day) continue;
    positivesFor(s, user, rng, positives);
    scratch.beginRequest();
    buildQueries(s, user, scratch);
    buildProfile(s, user, scratch);
    const tenure = tenureOn(s.users, user, s.day);
    for (let src = 0; src < SOURCES.length; src++) {
      runSource(s, src, user, rng, scratch, retrieved);
      // Mark what the source retrieved (a fresh stamp per list), so each positive is one lookup.
      const stamp = nextStamp(s.items.count);
      for (let j = 0; j < retrieved.size; j++) retrievedStamp[retrieved.ids[j]] = stamp;
      for (let p = 0; p < positives.size; p++) {
        const item = positives.ids[p];
        const hit = retrievedStamp[item] === stamp ? 1 : 0;
        const r = t.addRow();
        t.columns.day[r] = s.day;
        t.columns.user[r] = user;
        t.columns.tenure[r] = tenure;
        t.columns.item[r] = item;
        t.columns.source[r] = src;
        t.columns.hit[r] = hit;
      }
    }
  }
}
