// A briefing is a claim: every number a built-in's interviewer states is declared here with the
// query that measures it, checked against the world at the file's seed (the numbers as written)
// and, within a stated tolerance, at every value the file's variants can pick.
import { runQuery } from '../../src/sim/query/query.ts';
import type { World } from '../../src/sim/world/world.ts';

type Window = [number, number];

export interface Claim {
  label: string;
  metric: string;
  filter?: Record<string, string[]>;
  before: Window;
  after: Window;
  /** The two values as the briefing writes them, at the file's seed (e.g. ['5.89%', '5.57%']). */
  written?: [string, string];
  /** The change the briefing states ("down about 5%": −0.05) and how far any variant may stray from it. */
  change: number;
  tolerance: number;
}

export interface BriefingClaims {
  id: string;
  claims: Claim[];
}

/** A value as briefings write it: rates as percentages with two decimals, scores with three. */
export function written(metric: string, value: number): string {
  if (['ctr', 'save_rate', 'hide_rate'].includes(metric)) return `${(value * 100).toFixed(2)}%`;
  if (metric === 'session_depth') return value.toFixed(2);
  return value.toFixed(3);
}

export function measure(world: World, claim: Claim): { before: number; after: number; change: number } {
  const at = (window: Window) => runQuery(world, { metric: claim.metric, filter: claim.filter, window }).cells[0].value!;
  const before = at(claim.before);
  const after = at(claim.after);
  return { before, after, change: after / before - 1 };
}

const W = (a: number, b: number): Window => [a, b];

const NICHE = ['cottagecore', 'dark-academia', 'goblincore', 'grandmillennial', 'vaporwave', 'y2k', 'art-deco', 'maximalist', 'gothic', 'cyberpunk'];
const MAINSTREAM = ['minimalist', 'scandinavian', 'modern-farmhouse', 'boho', 'mid-century', 'coastal', 'japandi', 'industrial', 'traditional', 'glam'];

export const BRIEFING_CLAIMS: BriefingClaims[] = [
  { id: 'android-engagement-slump', claims: [
    { label: 'Android CTR down about 5%', metric: 'ctr', filter: { platform: ['android'] }, before: W(1, 6), after: W(7, 12), written: ['5.88%', '5.59%'], change: -0.05, tolerance: 0.015 },
    { label: 'Android save rate down about 7%', metric: 'save_rate', filter: { platform: ['android'] }, before: W(1, 6), after: W(7, 12), written: ['1.49%', '1.39%'], change: -0.07, tolerance: 0.02 },
    { label: 'iOS flat or slightly up', metric: 'ctr', filter: { platform: ['ios'] }, before: W(1, 6), after: W(7, 12), change: 0.015, tolerance: 0.025 },
    { label: 'web flat or slightly up', metric: 'ctr', filter: { platform: ['web'] }, before: W(1, 6), after: W(7, 12), change: 0.015, tolerance: 0.025 },
  ] },
  { id: 'campaign-week-session-depth', claims: [
    { label: 'session depth down about 4%', metric: 'session_depth', before: W(1, 7), after: W(8, 14), written: ['2.89', '2.78'], change: -0.04, tolerance: 0.01 },
    { label: 'relevance down about 4%', metric: 'relevance', before: W(1, 7), after: W(8, 14), written: ['0.847', '0.815'], change: -0.04, tolerance: 0.01 },
  ] },
  { id: 'cold-start-niche-aesthetics', claims: [
    { label: "new users' relevance down about 13%", metric: 'relevance', filter: { tenure: ['new'] }, before: W(1, 7), after: W(8, 14), change: -0.13, tolerance: 0.025 },
    { label: 'core users within a point or two', metric: 'relevance', filter: { tenure: ['core'] }, before: W(1, 7), after: W(8, 14), change: -0.01, tolerance: 0.01 },
    { label: 'casual users within a point or two', metric: 'relevance', filter: { tenure: ['casual'] }, before: W(1, 7), after: W(8, 14), change: -0.02, tolerance: 0.012 },
  ] },
  { id: 'dark-tastes-going-beige', claims: [
    { label: 'dark tastes down about 11%', metric: 'relevance', filter: { user_interest: ['gothic', 'dark-academia', 'cyberpunk'] }, before: W(1, 5), after: W(6, 12), written: ['0.810', '0.723'], change: -0.11, tolerance: 0.015 },
    { label: 'overall relevance within about 2%', metric: 'relevance', before: W(1, 5), after: W(6, 12), written: ['0.845', '0.832'], change: -0.015, tolerance: 0.01 },
    { label: "the ranker's AUC up a little", metric: 'auc', before: W(1, 5), after: W(6, 12), written: ['0.727', '0.735'], change: 0.012, tolerance: 0.01 },
    { label: 'click-through jumped on day 6', metric: 'ctr', before: W(1, 5), after: W(6, 6), change: 0.09, tolerance: 0.05 },
  ] },
  { id: 'europe-relevance-slide', claims: [
    { label: 'Europe down about 7%', metric: 'relevance', filter: { region: ['eu'] }, before: W(1, 5), after: W(6, 12), written: ['0.856', '0.797'], change: -0.07, tolerance: 0.015 },
    { label: 'other regions within half a percent', metric: 'relevance', filter: { region: ['na', 'latam', 'apac'] }, before: W(1, 5), after: W(6, 12), change: -0.004, tolerance: 0.006 },
    { label: 'European CTR dipped hard on days 7–8', metric: 'ctr', filter: { region: ['eu'] }, before: W(1, 5), after: W(7, 8), change: -0.14, tolerance: 0.05 },
    { label: '… and has mostly come back', metric: 'ctr', filter: { region: ['eu'] }, before: W(1, 5), after: W(9, 12), change: -0.03, tolerance: 0.03 },
  ] },
  { id: 'fresh-pins-stopped-reaching-feeds', claims: [
    { label: 'recent pins down about 32%', metric: 'ctr', filter: { freshness: ['recent'] }, before: W(1, 6), after: W(7, 12), written: ['5.64%', '3.85%'], change: -0.32, tolerance: 0.04 },
    { label: 'overall flat', metric: 'ctr', before: W(1, 6), after: W(7, 12), written: ['5.83%', '5.81%'], change: 0, tolerance: 0.01 },
  ] },
  { id: 'mobile-saves-after-release', claims: [
    { label: '42.0 builds: save rate down about 20%', metric: 'save_rate', filter: { app_version: ['ios-42.0', 'android-42.0'] }, before: W(1, 7), after: W(8, 14), written: ['1.43%', '1.15%'], change: -0.2, tolerance: 0.03 },
    { label: '… and click-through by about as much', metric: 'ctr', filter: { app_version: ['ios-42.0', 'android-42.0'] }, before: W(1, 7), after: W(8, 14), written: ['5.80%', '4.58%'], change: -0.21, tolerance: 0.03 },
  ] },
  { id: 'niche-feeds-two-regressions', claims: [
    { label: 'niche NDCG down about 5% since day 9', metric: 'ndcg_at_k', filter: { user_interest: NICHE }, before: W(1, 8), after: W(9, 14), written: ['0.929', '0.878'], change: -0.055, tolerance: 0.01 },
    { label: 'mainstream NDCG up about 2%', metric: 'ndcg_at_k', filter: { user_interest: MAINSTREAM }, before: W(1, 8), after: W(9, 14), change: 0.02, tolerance: 0.01 },
    { label: 'niche relevance slipped about 1%', metric: 'relevance', filter: { user_interest: NICHE }, before: W(1, 4), after: W(9, 14), written: ['0.798', '0.792'], change: -0.01, tolerance: 0.01 },
    { label: 'mainstream flat', metric: 'relevance', filter: { user_interest: MAINSTREAM }, before: W(1, 4), after: W(9, 14), written: ['0.874', '0.878'], change: 0, tolerance: 0.01 },
  ] },
  { id: 'offline-up-online-down', claims: [
    { label: 'relevance down about 5%', metric: 'relevance', before: W(1, 7), after: W(8, 14), written: ['0.848', '0.804'], change: -0.05, tolerance: 0.01 },
    { label: 'click-through down about 9%', metric: 'ctr', before: W(1, 7), after: W(8, 14), written: ['5.72%', '5.19%'], change: -0.09, tolerance: 0.015 },
  ] },
  { id: 'overnight-ctr-cliff', claims: [
    { label: 'CTR down about 15% since day 7', metric: 'ctr', before: W(1, 6), after: W(7, 12), written: ['5.64%', '4.85%'], change: -0.15, tolerance: 0.045 },
  ] },
];
