// Users: segments of the vocabulary plus a true taste. Drawn from the `users` stream only, so
// changing the catalogue never changes who the users are.
import {
  AESTHETICS,
  AESTHETIC_POPULARITY,
  APP_VERSIONS,
  APP_VERSION_IDS,
  PLATFORMS,
  PLATFORM_WEIGHTS,
  REGION_WEIGHTS,
} from './taxonomy.ts';
import type { Centres } from './centres.ts';
import type { WorldConfig } from '../config.ts';
import { DIM, normalizeRow } from '../vectors.ts';
import { cumulativeOf, drawCumulative, normalFrom, stream } from '../random.ts';

export const TENURE_NEW = 0;
export const TENURE_CASUAL = 1;
export const TENURE_CORE = 2;
/** A user is `new` for this many days after signing up. */
export const NEW_USER_DAYS = 7;
/** Aesthetics kept per user as their taste (primary first). */
export const TASTE_WIDTH = 3;

export interface Users {
  count: number;
  /** Day of sign-up; stable users signed up long before the window. */
  signupDay: Int16Array;
  /** What the user settles into once no longer new (casual or core). */
  settledTenure: Uint8Array;
  platform: Uint8Array;
  appVersion: Uint8Array;
  region: Uint8Array;
  /** Primary aesthetic of the user's taste: the `user_interest` dimension. */
  interest: Uint8Array;
  /** Top aesthetics of the taste, TASTE_WIDTH per user, and their weights. */
  taste: Uint8Array;
  tasteWeight: Float32Array;
  /** Probability of opening the app on a given day once settled (see `activityOn`). */
  activity: Float32Array;
  /** The same in the first week after signing up, when people try the app out. */
  firstWeekActivity: Float32Array;
  latent: Float32Array;
}

/**
 * Interest is flatter than item supply: niche tastes are commoner than niche content — and
 * more so among recent sign-ups, whose cohort skews toward the newer niche aesthetics.
 */
const INTEREST_FLATTENING = 0.75;
const NEW_COHORT_FLATTENING = 0.3;
/** How much likelier a recent sign-up is to hold a rising aesthetic among their tastes. */
const RISING_BOOST = 40;
const FIRST_WEEK_ACTIVITY = 0.42;
/** Weight of a recent sign-up's primary aesthetic (plus up to 0.15): they came for one thing. */
const NEW_PRIMARY = 0.85;

export function tenureOn(users: Users, user: number, day: number): number {
  return day - users.signupDay[user] < NEW_USER_DAYS ? TENURE_NEW : users.settledTenure[user];
}

/** Probability the user opens the app on `day`: high in the first week, then their settled rate. */
export function activityOn(users: Users, user: number, day: number): number {
  return day - users.signupDay[user] < NEW_USER_DAYS ? users.firstWeekActivity[user] : users.activity[user];
}

/** A sign-up campaign (the mix-shift distractor): sign-ups multiply by `factor` from the onset. */
export interface Campaign {
  onsetDay: number;
  factor: number;
}

export function generateUsers(config: WorldConfig, centres: Centres, campaign: Campaign | null = null): Users {
  const { seed, days, mix } = config;
  const baseRng = stream(seed, 'users');
  const baseNormal = normalFrom(baseRng);
  // Campaign sign-ups come after everyone else, from their own stream: the rest are unchanged.
  const campaignRng = stream(seed, 'users/campaign');
  const campaignNormal = normalFrom(campaignRng);
  const interestCum = cumulativeOf(AESTHETIC_POPULARITY.map((p) => Math.pow(p, INTEREST_FLATTENING)));
  const newCohortCum = cumulativeOf(
    AESTHETIC_POPULARITY.map((p, a) => Math.pow(p, NEW_COHORT_FLATTENING) * (AESTHETICS[a].rising ? RISING_BOOST : 1)),
  );
  const platformCum = cumulativeOf(PLATFORM_WEIGHTS);
  const regionCum = cumulativeOf(REGION_WEIGHTS);
  const versionCums = PLATFORMS.map((p) => cumulativeOf(APP_VERSIONS[p].map((v) => v.weight)));
  // New users arrive over the window (and the week before it) on top of the stable population.
  const arrivalDays = days + NEW_USER_DAYS - 1;
  const stable = Math.round(config.users / (1 + mix.newPerDay * arrivalDays));
  const coreShare = mix.core / (mix.core + mix.casual);
  const campaignDays = campaign ? days - campaign.onsetDay + 1 : 0;
  const extra = campaign ? Math.round(stable * mix.newPerDay * (campaign.factor - 1) * campaignDays) : 0;
  const count = config.users + extra;

  const users: Users = {
    count,
    signupDay: new Int16Array(count),
    settledTenure: new Uint8Array(count),
    platform: new Uint8Array(count),
    appVersion: new Uint8Array(count),
    region: new Uint8Array(count),
    interest: new Uint8Array(count),
    taste: new Uint8Array(count * TASTE_WIDTH),
    tasteWeight: new Float32Array(count * TASTE_WIDTH),
    activity: new Float32Array(count),
    firstWeekActivity: new Float32Array(count),
    latent: new Float32Array(count * DIM),
  };
  for (let u = 0; u < count; u++) {
    const fromCampaign = u >= config.users;
    const rng = fromCampaign ? campaignRng : baseRng;
    const normal = fromCampaign ? campaignNormal : baseNormal;
    const isNew = u >= stable;
    const core = !isNew && rng() < coreShare;
    users.signupDay[u] = fromCampaign
      ? campaign!.onsetDay + Math.floor(rng() * campaignDays)
      : isNew
        ? 2 - NEW_USER_DAYS + Math.floor(rng() * arrivalDays)
        : -30 - Math.floor(rng() * 700);
    users.settledTenure[u] = core ? TENURE_CORE : 1;
    const platform = drawCumulative(rng, platformCum);
    users.platform[u] = platform;
    const version = APP_VERSIONS[PLATFORMS[platform]][drawCumulative(rng, versionCums[platform])];
    users.appVersion[u] = APP_VERSION_IDS.indexOf(version.id);
    users.region[u] = drawCumulative(rng, regionCum);
    // The first week is a burst of trying the app out; then people settle to casual or core use.
    const jitter = 0.7 + 0.6 * rng();
    users.activity[u] = Math.min(0.98, (core ? 0.48 : 0.14) * jitter);
    users.firstWeekActivity[u] = Math.min(0.98, FIRST_WEEK_ACTIVITY * jitter);

    // Taste: a primary aesthetic and two others, weights decreasing.
    // Recent sign-ups came for one thing; tastes broaden with tenure.
    const weights = [(isNew ? NEW_PRIMARY : 0.62) + 0.15 * rng(), 0, 0];
    weights[1] = (1 - weights[0]) * (0.6 + 0.2 * rng());
    weights[2] = 1 - weights[0] - weights[1];
    const o = u * TASTE_WIDTH;
    for (let t = 0; t < TASTE_WIDTH; t++) {
      const cum = isNew ? newCohortCum : interestCum;
      let a = drawCumulative(rng, cum);
      for (let tries = 0; tries < 8 && usedBefore(users.taste, o, t, a); tries++) {
        a = drawCumulative(rng, cum);
      }
      while (usedBefore(users.taste, o, t, a)) a = (a + 1) % AESTHETICS.length;
      users.taste[o + t] = a;
      users.tasteWeight[o + t] = weights[t];
    }
    users.interest[u] = users.taste[o];
    const lo = u * DIM;
    for (let k = 0; k < DIM; k++) {
      let v = 0.15 * normal();
      for (let t = 0; t < TASTE_WIDTH; t++) {
        v += weights[t] * centres.aesthetic[users.taste[o + t] * DIM + k];
      }
      users.latent[lo + k] = v;
    }
    normalizeRow(users.latent, u);
  }
  return users;
}

function usedBefore(taste: Uint8Array, offset: number, t: number, a: number): boolean {
  for (let s = 0; s < t; s++) if (taste[offset + s] === a) return true;
  return false;
}
