// One session end to end: retrieve → features → rank → blend → show slates (padded with popular
// pins when the candidates run out) until the user stops scrolling. Behaviour draws a fixed set
// of numbers per slot from the session's own keyed stream, so two worlds that show the same
// slot draw the same outcome.
import { SOURCES } from '../vocabulary.ts';
import { DIM, dot } from '../vectors.ts';
import { sigmoid, type Rng } from '../random.ts';
import { appendEngagement } from '../world/history.ts';
import { TENURE_CORE } from '../world/users.ts';
import {
  RATING_SAMPLE,
  clickProbability,
  continueProbability,
  examineProbability,
  hideProbability,
  raterScore,
  relevanceGrade,
  saveProbability,
  userClickOffset,
} from '../world/behaviour.ts';
import type { SessionLogs as LogBuilders, TrainingBuffer } from '../logs/builders.ts';
import { FEATURES, FEATURE_NAMES, rankerLogit, towerLogit, towerUser } from './ranker.ts';
import { TREATMENT, armLogit, visualMatch } from './experiment.ts';
import { computeFeatures } from './featurePipeline.ts';
import { MAX_PAGES, blend } from './blender.ts';
import { SOURCE_TRENDING, retrieveCandidates } from './sources.ts';
import type { RequestScratch } from './scratch.ts';
import type { ServingDay } from './serving.ts';
import type { PositionMode } from './spec.ts';
import { TopK } from './clusterIndex.ts';

/** Share of impressions whose feature vectors are logged (and trained on). */
export const FEATURE_SAMPLE = 0.05;

export interface SessionInput {
  user: number;
  tenure: number;
  surface: number;
  request: number;
  /** Hours since the embedding indexes were rebuilt, at the time of the request. */
  indexAgeHours: number;
  retrievalRng: Rng;
  retrievalNormal: () => number;
  behaviourRng: Rng;
  normal: () => number;
  /** Draws of the feature pipeline (which values go missing). */
  featureRng: Rng;
}

const engaged: number[] = [];
const towerVec = new Float32Array(DIM);

/**
 * The day's engagement per item, counted as sessions are served and added to the counters at
 * night: a session reads the counters as they stood last night, never another session's clicks
 * of the same day — so the users of a day can be served in any grouping, on any number of threads.
 */
export interface DayCounts {
  impressions: Int32Array;
  clicks: Int32Array;
  saves: Int32Array;
}

export function serveSession(
  s: ServingDay,
  input: SessionInput,
  scratch: RequestScratch,
  sourceTop: TopK,
  logs: LogBuilders | null,
  training: TrainingBuffer,
  counts: DayCounts,
): void {
  const { user, tenure, surface, request, behaviourRng: rng, normal } = input;
  const { items, users, spec } = s;
  const arm = s.experimentArm[user];
  // In an experiment each arm serves its own model; otherwise everyone gets the production one.
  const ranker = s.arms ? s.arms[arm].ranker : s.ranker;
  retrieveCandidates(s, user, input.retrievalRng, input.retrievalNormal, scratch, sourceTop);
  computeFeatures(s, user, scratch, input.featureRng);
  scoreCandidates(s, user, scratch);
  let placed = blend(s, scratch, user);
  truthOf(s, user, scratch, 0);

  const slate = spec.blender.slateSize;
  const feedLimit = slate * MAX_PAGES;
  let failureRate = spec.imageCdn.failureRate + spec.feedClient.imageFailureRate;
  for (const bug of spec.feedClient.renderBugs) if (bug.appVersion === users.appVersion[user]) failureRate += bug.failureRate;
  const { platformLoss, positionMode } = spec.eventLogger;
  const lossRate =
    spec.eventLogger.clientLossRate + (platformLoss && platformLoss.platform === users.platform[user] ? platformLoss.rate : 0);
  const clickOffset = spec.behaviour.clickLogitOffset + userClickOffset(users.platform[user], users.region[user], tenure);
  const renderMedian = spec.feedClient.renderMedianMs[users.platform[user]];
  const core = users.settledTenure[user] === TENURE_CORE && tenure === TENURE_CORE;
  const imp = logs?.impressions;
  engaged.length = 0;
  let depth = 0;
  for (let start = 0; ; start += slate) {
    // A feed that runs out of candidates is padded with popular pins rather than ending.
    const want = Math.min(feedLimit, start + slate);
    if (placed < want) placed = backfill(s, user, input, scratch, placed, want);
    if (start >= placed) break;
    depth++;
    let pageClicks = 0;
    const end = Math.min(placed, start + slate);
    for (let pos = start; pos < end; pos++) {
      const c = scratch.order[pos];
      const item = scratch.candidates[c];
      const aff = scratch.affinity[c];
      const quality = items.quality[item];
      // Fixed draws per slot: failure, click, save, hide, logging loss, rating, feature sample.
      const uFail = rng();
      const uClick = rng();
      const uSave = rng();
      const uHide = rng();
      const uLog = rng();
      const uRate = rng();
      const uFeature = rng();
      const uPosition = rng();
      const zRate = normal();
      const zRender = normal();
      const examine = examineProbability(pos, surface);
      const failed = uFail < failureRate;
      const click = !failed && uClick < examine * clickProbability(aff, quality, clickOffset);
      const save = click && uSave < saveProbability(aff, quality);
      const hide = !click && !failed && uHide < examine * hideProbability(aff, quality);
      const logged = click && uLog >= lossRate;
      // The event logger's record of where the pin was shown (wrong when it is broken).
      const loggedPosition = loggedPositionOf(positionMode, pos, logged, uPosition, placed);
      if (click) {
        pageClicks++;
        engaged.push(item);
      }
      // Engagement counters are built from the logs, as in production (added at night).
      counts.impressions[item]++;
      if (logged) counts.clicks[item]++;
      if (save) counts.saves[item]++;
      const sampled = uFeature < FEATURE_SAMPLE;
      if (sampled) training.push(scratch.trainingFeatures, c * FEATURES, loggedPosition, logged ? 1 : 0, arm, scratch.match[c]);
      if (!imp || !logs) continue;
      const r = imp.addRow();
      const col = imp.columns;
      col.day[r] = s.day;
      col.user[r] = user;
      col.item[r] = item;
      col.request[r] = request;
      col.source[r] = scratch.candidateSource[c];
      col.position[r] = loggedPosition;
      col.surface[r] = surface;
      col.tenure[r] = tenure;
      col.score[r] = scratch.scores[c];
      col.pctr[r] = sigmoid(scratch.scores[c] + ranker.positionWeight * Math.log1p(pos));
      col.click[r] = click ? 1 : 0;
      col.clickLogged[r] = logged ? 1 : 0;
      col.save[r] = save ? 1 : 0;
      col.hide[r] = hide ? 1 : 0;
      col.rating[r] = uRate < RATING_SAMPLE ? raterScore(aff, quality, zRate) : -1;
      col.imageFailed[r] = failed ? 1 : 0;
      col.renderMs[r] = Math.min(65535, Math.round(renderMedian * Math.exp(0.45 * zRender)));
      col.predQuality[r] = s.encoder.predQuality[item];
      if (sampled) logFeatures(logs, s, input, scratch, c, loggedPosition, logged);
    }
    if (!(rng() < continueProbability(pageClicks, core))) break;
  }
  for (const item of engaged) appendEngagement(s.history, user, item);
  if (!logs) return;
  logRequest(logs, s, input, scratch, depth);
}

/**
 * The event logger's record of a slot's position: right, or as a broken logger writes it —
 * every impression at slot 1, a random slot, or (`click`) each clicked impression at the slot
 * its click event carries (the close-up's own slot 1), the rest where they were shown.
 */
function loggedPositionOf(mode: PositionMode, pos: number, clicked: boolean, u: number, placed: number): number {
  switch (mode) {
    case 'correct':
      return pos;
    case 'constant':
      return 0;
    case 'shuffled':
      return Math.floor(u * placed);
    case 'click':
      return clicked ? 0 : pos;
  }
}

/** True affinity and NDCG gain of candidates from `from` on (hidden ground truth). */
function truthOf(s: ServingDay, user: number, scratch: RequestScratch, from: number): void {
  const { users, items } = s;
  const uo = user * DIM;
  for (let c = from; c < scratch.count; c++) {
    const aff = dot(users.latent, uo, items.latent, scratch.candidates[c] * DIM);
    const grade = Math.max(0, Math.min(3, relevanceGrade(aff, items.quality[scratch.candidates[c]])));
    scratch.affinity[c] = aff;
    scratch.gain[c] = Math.exp(grade * Math.LN2) - 1;
  }
}

/** Draws at most this many popular pins per backfilled slot. */
const BACKFILL_TRIES = 3;

/**
 * Backfill: when the ranked candidates run out before `want` slots, the feed is padded with
 * pins drawn from the global trending list (popular, so mostly mainstream), scored by the
 * ranker and through the same quality gate. Cold-start feeds, with few candidates, are the ones
 * that reach it — and more so when the gate has emptied their candidate lists.
 */
function backfill(s: ServingDay, user: number, input: SessionInput, scratch: RequestScratch, placed: number, want: number): number {
  const list = s.trending;
  if (list.length === 0) return placed;
  const rng = input.retrievalRng;
  const gate = s.spec.blender.qualityGate;
  const from = scratch.count;
  for (let t = 0; t < (want - placed) * BACKFILL_TRIES && scratch.count - from < want - placed; t++) {
    const item = list[Math.floor(rng() * list.length)];
    if (gate && s.encoder.predQuality[item]) continue;
    scratch.add(item, SOURCE_TRENDING);
  }
  if (scratch.count === from) return placed;
  computeFeatures(s, user, scratch, input.featureRng, from);
  scoreCandidates(s, user, scratch, from);
  truthOf(s, user, scratch, from);
  for (let c = from; c < scratch.count; c++) scratch.order[placed++] = c;
  return placed;
}

/**
 * The score per candidate: the ranker's, plus its engagement tower when the version has one; in
 * an experiment, the user's arm model's instead (no tower) — for the treatment arm with its
 * visual-match term, computed here (only treatment traffic has it).
 */
function scoreCandidates(s: ServingDay, user: number, scratch: RequestScratch, from = 0): void {
  const model = s.arms ? s.arms[s.experimentArm[user]] : null;
  const tower = !model && s.ranker.tower && towerUser(s.ranker.tower, s.history, user, towerVec) ? s.ranker.tower : null;
  const treated = model !== null && s.experimentArm[user] === TREATMENT;
  for (let c = from; c < scratch.count; c++) {
    scratch.match[c] = treated ? visualMatch(s.users, user, s.encoder.visual, scratch.candidates[c]) : NaN;
    let score = model
      ? armLogit(model, scratch.features, c * FEATURES, scratch.match[c])
      : rankerLogit(s.ranker, scratch.features, c * FEATURES);
    if (tower) score += towerLogit(tower, towerVec, scratch.candidates[c]);
    scratch.scores[c] = score;
  }
}

function logFeatures(
  logs: LogBuilders,
  s: ServingDay,
  input: SessionInput,
  scratch: RequestScratch,
  c: number,
  pos: number,
  logged: boolean,
): void {
  const t = logs.features;
  const model = s.arms ? s.arms[s.experimentArm[input.user]].ranker : s.ranker;
  const extra = scratch.scores[c] - rankerLogit(model, scratch.features, c * FEATURES);
  for (let f = 0; f < FEATURE_NAMES.length; f++) {
    const r = t.addRow();
    const col = t.columns;
    col.day[r] = s.day;
    col.user[r] = input.user;
    col.tenure[r] = input.tenure;
    col.item[r] = scratch.candidates[c];
    col.source[r] = scratch.candidateSource[c];
    col.position[r] = pos;
    col.surface[r] = input.surface;
    col.feature[r] = f;
    const v = scratch.features[c * FEATURES + f];
    col.value[r] = v;
    col.trainingValue[r] = scratch.trainingFeatures[c * FEATURES + f];
    col.isNull[r] = Number.isNaN(v) ? 1 : 0;
    col.clickLogged[r] = logged ? 1 : 0;
    col.extra[r] = extra;
  }
}

const DISCOUNT = Float64Array.from({ length: 64 }, (_, p) => 1 / Math.log2(p + 2));
const idealGains = new TopK(64);
const rankedByScore = new TopK(64);

function logRequest(
  logs: LogBuilders,
  s: ServingDay,
  input: SessionInput,
  scratch: RequestScratch,
  depth: number,
): void {
  // NDCG@10 of the ranker: its top 10 of the candidates it was given (by score) against the best
  // 10 of the same candidates (by true gain). It measures how well the candidates that arrived
  // were ordered — not how many good ones arrived (recall), nor the blender's rules after it.
  const k = Math.min(scratch.count, s.spec.blender.slateSize);
  rankedByScore.reset(k);
  idealGains.reset(k);
  for (let c = 0; c < scratch.count; c++) {
    rankedByScore.push(c, scratch.scores[c]);
    idealGains.push(c, scratch.gain[c]);
  }
  rankedByScore.sortDescending();
  idealGains.sortDescending();
  let dcg = 0;
  let idcg = 0;
  for (let p = 0; p < k; p++) {
    dcg += scratch.gain[rankedByScore.ids[p]] * DISCOUNT[p];
    idcg += idealGains.scores[p] * DISCOUNT[p];
  }

  const req = logs.requests;
  const r = req.addRow();
  req.columns.day[r] = s.day;
  req.columns.user[r] = input.user;
  req.columns.tenure[r] = input.tenure;
  req.columns.surface[r] = input.surface;
  req.columns.depth[r] = depth;
  req.columns.indexAgeHours[r] = input.indexAgeHours;
  req.columns.ndcg[r] = idcg > 0 ? dcg / idcg : 1;

  const rs = logs.requestSources;
  for (let src = 0; src < SOURCES.length; src++) {
    const row = rs.addRow();
    rs.columns.day[row] = s.day;
    rs.columns.user[row] = input.user;
    rs.columns.tenure[row] = input.tenure;
    rs.columns.request[row] = input.request;
    rs.columns.source[row] = src;
    rs.columns.candidates[row] = scratch.sourceCount[src];
    rs.columns.latencyMs[row] = scratch.sourceLatency[src];
    rs.columns.timeout[row] = scratch.sourceTimeout[src];
  }
}
