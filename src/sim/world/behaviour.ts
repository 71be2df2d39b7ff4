// How users respond to what they are shown: from their *true* affinity with the item, the
// item's true quality, where it sits in the feed and whether it rendered. Raters score a
// sample of impressions from the same truth, which is the `relevance` metric.
import { sigmoid } from '../random.ts';

const EXAMINE = [0.55, 0.8].map((decay) =>
  Float64Array.from({ length: 256 }, (_, position) => Math.pow(1 + position, -decay)),
);

/** Probability the user even looks at a slot: falls with position, steeper on related pins. */
export function examineProbability(position: number, surface: number): number {
  return EXAMINE[surface][position];
}

/** The quality at which a pin's quality neither raises nor lowers a click, save, hide or grade. */
export const QUALITY_PIVOT = 0.65;

/**
 * How readily a user clicks, as a logit offset: a stable trait of where and how they use the
 * product, not of what they are shown. By platform (ios, android, web): the apps' full-screen
 * feed invites taps more than a browser tab, which is often a landing page from search. By region
 * (na, eu, latam, apac): the markets the product was built for engage most, apac least. By tenure
 * (new, casual, core): habits form — core users are the engaged ones, new users still browse.
 */
export const PLATFORM_CLICK_OFFSET = [0.08, -0.03, -0.28];
export const REGION_CLICK_OFFSET = [0.06, -0.05, 0.1, -0.16];
export const TENURE_CLICK_OFFSET = [-0.16, 0, 0.24];

export function userClickOffset(platform: number, region: number, tenure: number): number {
  return PLATFORM_CLICK_OFFSET[platform] + REGION_CLICK_OFFSET[region] + TENURE_CLICK_OFFSET[tenure];
}

/** Click probability once examined. */
export function clickProbability(affinity: number, quality: number, logitOffset = 0): number {
  return sigmoid(-4.34 + 3.4 * affinity + 2.2 * (quality - QUALITY_PIVOT) + logitOffset);
}

/** Save probability once clicked: a save is a stronger signal than a click, and rarer (about one in four). */
export function saveProbability(affinity: number, quality: number): number {
  return sigmoid(-3.5 + 2.6 * affinity + 1.5 * (quality - QUALITY_PIVOT));
}

/** Hides come from examined, unwanted items; low quality makes them likelier. */
export function hideProbability(affinity: number, quality: number): number {
  return sigmoid(-4.6 - 2.4 * affinity + 3 * (QUALITY_PIVOT - quality));
}

/** True relevance grade 0–3 that a careful rater would give on average. */
export function relevanceGrade(affinity: number, quality: number): number {
  return 0.3 + 3.2 * affinity + 0.8 * (quality - QUALITY_PIVOT);
}

/** A rater's score: the grade plus rater noise, rounded and clamped to 0–3. */
export function raterScore(affinity: number, quality: number, noise: number): number {
  const r = Math.round(relevanceGrade(affinity, quality) + 0.55 * noise);
  return r < 0 ? 0 : r > 3 ? 3 : r;
}

/** Share of impressions sampled for human rating. */
export const RATING_SAMPLE = 0.15;

/** Probability of scrolling on to the next slate, given clicks on this one. */
export function continueProbability(clicks: number, core: boolean): number {
  return Math.min(0.9, 0.56 + (core ? 0.08 : 0) + 0.14 * Math.min(clicks, 2));
}
