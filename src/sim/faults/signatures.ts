// The Signatures: what each fault and distractor kind must leave in the data, as checks a
// machine runs. This is the one source of the guide's Signatures table (src/scenario/guideTables.ts
// renders it) and of the tests that hold every kind to it at several seeds and every variant
// value (signatureCheck.ts evaluates a check on a world and its twin). A check names a metric,
// a slice, which cells and which way they must go — never a number tuned to one seed.
import type { Dimension, DistractorKind, FaultKind, MetricId } from '../vocabulary.ts';
import { AESTHETICS } from '../world/taxonomy.ts';

/**
 * Values of a dimension: a fixed list, or a fault parameter's resolved value(s) (`of`), its
 * complement among the dimension's values (`not`), or looked up through a table (`via`).
 */
export type Values =
  | readonly string[]
  | { of: string; not?: boolean; via?: Readonly<Record<string, readonly string[]>>; say?: string };

export type Expectation =
  /** Moves that way by at least `effect` (relative) with |z| ≥ the world's bar. */
  | 'falls'
  | 'rises'
  /** Within the noise: not significant, or smaller than `effect` (relative). */
  | 'flat'
  /** Either flat or moving the other way. */
  | 'not-falls'
  | 'not-rises';

/**
 * Readings of the ranker's PR-curve inspector on the logged feature sample, scored by the model
 * that served: offline (training-pipeline features), online (served features), and as trained
 * (its position term at the logged position).
 */
export const INSPECTOR_READINGS = ['offline_auc', 'online_auc', 'logged_auc'] as const;
export type InspectorReading = (typeof INSPECTOR_READINGS)[number];

export interface Check {
  metric: MetricId | InspectorReading;
  groupBy?: Dimension;
  /** Cells of `groupBy` that must meet the expectation (every one of them); all when absent. */
  cells?: Values;
  filter?: Partial<Record<Dimension, Values>>;
  expect: Expectation;
  /** Relative size: the least a move must be, or the most a flat cell may move (default 1%). */
  effect?: number;
  /** Check each day from the onset (or from `from`) on its own, not the window as a whole. */
  byDay?: boolean;
  /** Days after the onset the check starts (e.g. 1: from the first retrain on). */
  from?: number;
  /** Only the last `last` days of the world (a slow effect, "by the end of the week"). */
  last?: number;
  /** Only this many days from the start of the check (a short-lived change). */
  span?: number;
  /** Only when a parameter has one of these values (e.g. the position logger's mode). */
  when?: Record<string, readonly string[]>;
  /** A move must not exceed this (relative): the fault bends the metric, it does not break it. */
  atMost?: number;
  /** The chosen cells must also move the most of all the slice's cells (in the expected way). */
  most?: boolean;
  /** For the guide: what it means, when the metric and slice alone do not say it. */
  say?: string;
}

export interface Signature {
  /** One sentence for the guide: why the footprint looks like this (the mechanism). */
  why: string;
  checks: Check[];
  /** Built-in scenarios that teach it (for the guide). */
  builtIns?: string[];
  /** Parameter sets that must each hold besides the defaults (modes that change the footprint). */
  variants?: Record<string, unknown>[];
}

/** The six most popular aesthetics, and the six rarest (niche and not rising). */
const MAINSTREAM_HEAD = AESTHETICS.slice(0, 6).map((a) => a.id);
const RAREST = AESTHETICS.filter((a) => a.niche && !a.rising).map((a) => a.id);
const DARK_TASTES = ['gothic', 'dark-academia', 'cyberpunk'];
const LIGHT_TASTES = ['minimalist', 'scandinavian', 'coastal'];
const aesthetics: Values = { of: 'aesthetics', say: 'the target aesthetics' };
const otherAesthetics: Values = { of: 'aesthetics', not: true, say: 'the other aesthetics' };
/**
 * Who leans on each source: cold start on visual similarity, core users on co-engagement. The
 * minor sources (text, trending, fresh) have no segment that depends on them: their outage's
 * check of who suffers does not apply.
 */
export const SOURCE_DEPENDANTS: Record<string, readonly string[]> = {
  'visual-similarity': ['new'],
  'co-engagement': ['core'],
};

export const FAULT_SIGNATURES: Record<FaultKind, Signature> = {
  'encoder-mislabel': {
    why: 'The blender keeps pins labelled low quality out of feeds; new users with those tastes have little else to be shown.',
    builtIns: ['cold-start-niche-aesthetics'],
    checks: [
      { metric: 'label_share', groupBy: 'aesthetic', cells: aesthetics, expect: 'rises', effect: 0.5, say: 'low-quality share' },
      { metric: 'label_share', groupBy: 'aesthetic', cells: otherAesthetics, expect: 'flat', say: 'low-quality share' },
      { metric: 'coverage', groupBy: 'aesthetic', cells: aesthetics, expect: 'falls' },
      { metric: 'relevance', filter: { tenure: ['new'], user_interest: aesthetics }, expect: 'falls', effect: 0.04 },
      { metric: 'ctr', filter: { tenure: ['new'], user_interest: aesthetics }, expect: 'falls', effect: 0.05 },
      { metric: 'save_rate', filter: { user_interest: aesthetics }, expect: 'falls', effect: 0.05 },
      { metric: 'recall_at_k', groupBy: 'source', expect: 'flat', effect: 0.1, say: 'retrieval untouched (histories shift a little)' },
      { metric: 'relevance', filter: { user_interest: otherAesthetics }, expect: 'flat' },
    ],
  },
  'embedding-collapse': {
    why: "Visual neighbours of a collapsed pin are arbitrary pins of the same aesthetics; new users' feeds lean on visual neighbours of their onboarding picks.",
    checks: [
      { metric: 'embedding_drift', groupBy: 'aesthetic', cells: aesthetics, expect: 'rises', effect: 0.5 },
      { metric: 'recall_at_k', filter: { source: ['visual-similarity'], user_interest: aesthetics }, expect: 'falls', effect: 0.1 },
      { metric: 'relevance', filter: { tenure: ['new'], user_interest: aesthetics }, expect: 'falls', effect: 0.03 },
      { metric: 'relevance', groupBy: 'tenure', cells: ['new'], filter: { user_interest: aesthetics }, expect: 'falls', most: true, say: 'new users hit hardest' },
      { metric: 'label_share', expect: 'flat', say: 'low-quality share' },
      // Trending and fresh keep the pins nearest the user's visual taste: only the sources that
      // never read a visual embedding stay flat.
      { metric: 'recall_at_k', groupBy: 'source', cells: ['co-engagement', 'text-embedding'], filter: { user_interest: aesthetics }, expect: 'flat' },
      { metric: 'relevance', filter: { user_interest: otherAesthetics }, expect: 'flat' },
    ],
  },
  'brightness-bias': {
    why: 'Dark pins are labelled low quality and kept out of feeds; fans of dark aesthetics lose them, bright tastes do not notice.',
    builtIns: ['dark-tastes-going-beige'],
    checks: [
      { metric: 'label_share', groupBy: 'brightness', cells: ['dark'], expect: 'rises', effect: 0.5, say: 'low-quality share' },
      { metric: 'label_share', groupBy: 'brightness', cells: ['medium', 'bright'], expect: 'flat', effect: 0.02, say: 'low-quality share' },
      { metric: 'coverage', groupBy: 'brightness', cells: ['dark'], expect: 'falls' },
      { metric: 'relevance', filter: { user_interest: DARK_TASTES }, expect: 'falls', effect: 0.03 },
      { metric: 'relevance', filter: { user_interest: LIGHT_TASTES }, expect: 'flat' },
      { metric: 'auc', expect: 'not-falls' },
    ],
  },
  'rare-class-regression': {
    why: 'The new ranker is fitted to the bulk of traffic: better for most users, so the aggregate rises while the starved aesthetics\' fans lose their pins — which is why nobody noticed.',
    builtIns: ['niche-feeds-two-regressions'],
    checks: [
      { metric: 'ndcg_at_k', expect: 'rises', effect: 0.002, atMost: 0.06, say: 'overall: looks like an upgrade' },
      { metric: 'relevance', expect: 'not-falls' },
      { metric: 'auc', expect: 'not-falls' },
      { metric: 'offline_auc', expect: 'not-falls', effect: 0.04, say: "the ranker's inspector, v13 scored with its tower: no alarm offline" },
      { metric: 'ndcg_at_k', filter: { user_interest: aesthetics }, expect: 'falls', effect: 0.05 },
      // A ranker reorders what arrives: the starved fans' candidates are still their own pins, in
      // a worse order — they miss the upgrade everyone else gets, rather than losing their feed.
      { metric: 'relevance', filter: { user_interest: aesthetics }, expect: 'not-rises', say: 'no share of the upgrade' },
      { metric: 'relevance', filter: { user_interest: otherAesthetics }, expect: 'rises', effect: 0.003, say: 'everyone else served better' },
      { metric: 'ctr', filter: { user_interest: otherAesthetics }, expect: 'rises', effect: 0.02 },
      { metric: 'coverage', byDay: true, expect: 'falls' },
    ],
  },
  'source-outage': {
    why: "A source that times out returns nothing: who leans on it gets fewer, worse candidates; the ranker orders what does arrive as well as ever.",
    builtIns: ['europe-relevance-slide'],
    checks: [
      { metric: 'candidate_count', filter: { source: { of: 'source', say: 'the source' } }, expect: 'falls', effect: 0.5 },
      { metric: 'source_timeout_rate', filter: { source: { of: 'source', say: 'the source' } }, expect: 'rises' },
      { metric: 'candidate_count', groupBy: 'source', cells: { of: 'source', not: true, say: 'other sources' }, expect: 'flat', effect: 0.02 },
      {
        metric: 'relevance',
        filter: { tenure: { of: 'source', via: SOURCE_DEPENDANTS, say: "the source's dependants" } },
        expect: 'falls',
        effect: 0.03,
      },
      { metric: 'ndcg_at_k', groupBy: 'tenure', expect: 'flat', effect: 0.03, say: 'ranking quality of what arrives, within a few percent' },
    ],
  },
  'stale-index': {
    why: 'The nightly build stopped: pins created since are in no index and no fresh list.',
    builtIns: ['fresh-pins-stopped-reaching-feeds'],
    checks: [
      { metric: 'index_age', expect: 'rises', effect: 0.5 },
      { metric: 'recall_at_k', filter: { freshness: ['new'] }, expect: 'falls', effect: 0.3 },
      { metric: 'ctr', filter: { freshness: ['older'] }, expect: 'flat', effect: 0.02 },
    ],
  },
  'feature-null': {
    why: 'The ranker imputes 0 for the missing feature, in one scope only.',
    builtIns: ['android-engagement-slump'],
    checks: [
      { metric: 'feature_null_rate', groupBy: 'platform', cells: { of: 'platform', say: 'the scope' }, expect: 'rises', when: { scope: ['platform'] } },
      { metric: 'feature_psi', groupBy: 'platform', cells: { of: 'platform', say: 'the scope' }, expect: 'rises', when: { scope: ['platform'] } },
      { metric: 'ndcg_at_k', filter: { platform: { of: 'platform', say: 'the scope' } }, expect: 'falls', when: { scope: ['platform'] } },
      { metric: 'ctr', filter: { platform: { of: 'platform', say: 'the scope' } }, expect: 'falls', when: { scope: ['platform'] } },
      { metric: 'ctr', filter: { platform: { of: 'platform', not: true, say: 'other scopes' } }, expect: 'flat', when: { scope: ['platform'] } },
      { metric: 'recall_at_k', expect: 'flat' },
      { metric: 'image_load_failure_rate', expect: 'flat', effect: 0.05 },
      { metric: 'client_server_event_ratio', expect: 'flat' },
    ],
  },
  'training-serving-skew': {
    why: 'Serving feeds the ranker a feature in another unit than it learnt (by default a distance for a similarity): it prefers the pins least like the user, everywhere at once.',
    builtIns: ['offline-up-online-down'],
    checks: [
      { metric: 'relevance', groupBy: 'tenure', expect: 'falls', effect: 0.02 },
      { metric: 'ctr', expect: 'falls', effect: 0.02 },
      { metric: 'ndcg_at_k', expect: 'falls', effect: 0.02 },
      { metric: 'calibration_error', expect: 'rises' },
      { metric: 'feature_psi', filter: { feature: { of: 'feature', say: 'the skewed feature' } }, expect: 'rises' },
      { metric: 'offline_auc', expect: 'flat', effect: 0.005, say: "the ranker's inspector: offline looks fine" },
      { metric: 'recall_at_k', expect: 'flat' },
    ],
  },
  'feedback-loop': {
    why: 'Retrained on its own impressions without debiasing, the ranker learns that what it showed is what people want: the feed narrows day by day.',
    checks: [
      { metric: 'diversity', last: 2, expect: 'falls', effect: 0.1 },
      { metric: 'coverage', last: 2, expect: 'not-rises', say: 'and the catalogue it shows does not grow' },
      // A loop exploits what already gets clicked: short-term CTR holds or edges up, which is
      // why nobody is alarmed while the feed narrows.
      { metric: 'ctr', expect: 'not-falls', atMost: 0.05, say: 'short-term clicks: flat or slightly up, no alarm' },
    ],
  },
  'position-bias-logging': {
    why: "In `click` mode every click is logged at slot 1, so the nightly retrain learns that position explains clicks and trusts its features less: online relevance slides day by day while its logged AUC looks better than ever. In `constant` and `shuffled` modes positions carry no signal at all: the retrain stops correcting for them, which barely changes the ranking — the footprint is in the logs alone.",
    variants: [{ mode: 'constant' }, { mode: 'shuffled' }],
    checks: [
      { metric: 'ctr', groupBy: 'position', cells: ['1'], expect: 'rises', when: { mode: ['click'] }, say: 'every logged click at slot 1' },
      { metric: 'ctr', groupBy: 'position', cells: ['2', '3', '4', '5'], expect: 'falls', when: { mode: ['click'] }, say: 'no clicks anywhere else' },
      { metric: 'ctr', groupBy: 'position', cells: ['1'], expect: 'falls', when: { mode: ['constant', 'shuffled'] }, say: 'every impression at slot 1, or a flat curve' },
      { metric: 'relevance', from: 1, expect: 'falls', effect: 0.01, when: { mode: ['click'] } },
      { metric: 'relevance', byDay: true, from: 1, expect: 'not-rises', atMost: 0.15, when: { mode: ['click'] }, say: 'slides, never collapses' },
      { metric: 'logged_auc', from: 1, expect: 'rises', when: { mode: ['click'] }, say: "the ranker's inspector: AUC as trained looks better than ever" },
      { metric: 'relevance', from: 1, expect: 'flat', when: { mode: ['constant', 'shuffled'] } },
      { metric: 'candidate_count', expect: 'flat', effect: 0.02 },
    ],
  },
  'client-render-bug': {
    why: 'One app version fails to render images: fewer clicks and saves there, nothing upstream.',
    builtIns: ['mobile-saves-after-release'],
    checks: [
      { metric: 'image_load_failure_rate', groupBy: 'app_version', cells: { of: 'appVersion', say: 'the version' }, expect: 'rises', effect: 1 },
      { metric: 'ctr', filter: { app_version: { of: 'appVersion', say: 'the version' } }, expect: 'falls', effect: 0.1 },
      { metric: 'save_rate', filter: { app_version: { of: 'appVersion', say: 'the version' } }, expect: 'falls', effect: 0.1 },
      { metric: 'ctr', filter: { app_version: { of: 'appVersion', not: true, say: 'other versions' } }, expect: 'flat' },
      { metric: 'relevance', filter: { app_version: { of: 'appVersion', say: 'the version' } }, expect: 'flat', effect: 0.02, say: 'rated relevance' },
    ],
  },
  'event-logging-loss': {
    why: 'Clicks are lost between client and server on one platform: logged CTR falls, nothing users do changes.',
    builtIns: ['overnight-ctr-cliff'],
    checks: [
      { metric: 'ctr', filter: { platform: { of: 'platform', say: 'the platform' } }, expect: 'falls', effect: 0.1 },
      { metric: 'client_server_event_ratio', filter: { platform: { of: 'platform', say: 'the platform' } }, expect: 'falls', effect: 0.1 },
      { metric: 'save_rate', filter: { platform: { of: 'platform', say: 'the platform' } }, expect: 'flat', effect: 0.02 },
      { metric: 'relevance', expect: 'flat', effect: 0.02 },
      { metric: 'ctr', filter: { platform: { of: 'platform', not: true, say: 'other platforms' } }, expect: 'flat' },
    ],
  },
  'trend-sparse-niche': {
    why: 'One global list ranks pins by how hot they are across the whole audience: the broad tastes (the mainstream head, whatever is rising) keep their trends, the long tail loses them — quietly, since trending is a minor source.',
    builtIns: ['niche-feeds-two-regressions'],
    checks: [
      { metric: 'recall_at_k', filter: { source: ['trending'], user_interest: RAREST }, expect: 'falls', effect: 0.5, say: 'the rarest tastes lose their trends' },
      { metric: 'source_share', groupBy: 'source', cells: ['trending'], filter: { user_interest: RAREST }, expect: 'falls', effect: 0.05 },
      { metric: 'recall_at_k', filter: { source: ['trending'], user_interest: MAINSTREAM_HEAD }, expect: 'not-falls', effect: 0.1 },
      { metric: 'relevance', filter: { user_interest: MAINSTREAM_HEAD }, expect: 'flat' },
      { metric: 'candidate_count', groupBy: 'source', cells: ['co-engagement', 'visual-similarity', 'text-embedding', 'fresh'], expect: 'flat', effect: 0.02 },
    ],
  },
  'experiment-interference': {
    why: "The arms' nightly retrains read pooled logs: the treatment unlearns its visual-match score and its measured lift washes out.",
    variants: [{ lift: 3 }],
    checks: [
      { metric: 'relevance', filter: { experiment_arm: ['treatment'] }, from: 1, expect: 'falls', effect: 0.005, atMost: 0.1, say: 'the treatment loses its lift' },
      { metric: 'relevance', filter: { experiment_arm: ['treatment'] }, byDay: true, from: 1, expect: 'not-rises', atMost: 0.1, say: 'washes out, never collapses' },
      { metric: 'relevance', filter: { experiment_arm: ['control'] }, expect: 'flat', effect: 0.01 },
    ],
  },
};

/**
 * Distractors are checked against the same world without them (not the twin, which keeps them):
 * what the false lead makes a careless learner see.
 */
export const DISTRACTOR_SIGNATURES: Record<DistractorKind, Signature> = {
  'mix-shift': {
    why: 'More new users, who differ from the rest: the aggregate moves while every tenure is flat (Simpson\'s paradox).',
    builtIns: ['campaign-week-session-depth', 'cold-start-niche-aesthetics'],
    checks: [
      { metric: 'relevance', expect: 'falls', effect: 0.005, say: 'the aggregate' },
      { metric: 'ctr', groupBy: 'tenure', expect: 'flat', effect: 0.01 },
      { metric: 'relevance', groupBy: 'tenure', expect: 'flat', effect: 0.01 },
    ],
  },
  seasonality: {
    why: 'The same weekly cycle before and after the onset, in every segment.',
    builtIns: ['mobile-saves-after-release'],
    checks: [{ metric: 'relevance', expect: 'flat', effect: 0.01 }],
  },
  holiday: {
    why: 'It ends after a day or two, and it does not change rated relevance.',
    builtIns: ['europe-relevance-slide'],
    checks: [
      { metric: 'ctr', span: 1, expect: 'falls', say: 'on its first day' },
      { metric: 'relevance', expect: 'flat', effect: 0.01 },
    ],
  },
  'unrelated-deploy': {
    why: 'Nothing in the data moves with it.',
    builtIns: ['campaign-week-session-depth', 'fresh-pins-stopped-reaching-feeds', 'overnight-ctr-cliff', 'android-engagement-slump', 'offline-up-online-down'],
    checks: [
      { metric: 'ctr', expect: 'flat', effect: 0 },
      { metric: 'relevance', expect: 'flat', effect: 0 },
    ],
  },
  'novelty-effect': {
    why: 'It decays smoothly and touches every segment and experiment arm alike.',
    builtIns: ['dark-tastes-going-beige'],
    checks: [
      { metric: 'ctr', span: 2, expect: 'rises', effect: 0.03, say: 'at the onset' },
      { metric: 'ctr', groupBy: 'tenure', span: 2, expect: 'not-falls', say: 'in every segment' },
      { metric: 'ctr', last: 2, expect: 'flat', effect: 0.01, say: 'decayed a week later' },
      { metric: 'relevance', expect: 'flat', effect: 0.01 },
    ],
  },
};
