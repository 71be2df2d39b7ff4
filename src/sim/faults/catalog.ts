// The fault and distractor kinds of the vocabulary: for each, the component it lives in, what it
// does in words, and its parameters (zod, with defaults — every kind works with none given).
import { z } from 'zod';
import { AESTHETICS, APP_VERSION_IDS, PLATFORMS, QUALITY_LABELS, REGIONS } from '../world/taxonomy.ts';
import { FEATURE_NAMES } from '../pipeline/ranker.ts';
import { COMPONENTS, COMPONENT_STAGE, SOURCES, type ComponentId, type DistractorKind, type FaultKind, type Stage } from '../vocabulary.ts';
import { choiceOf, oneOf } from './choice.ts';

const aestheticIds = AESTHETICS.map((a) => a.id) as [string, ...string[]];
/** The niche aesthetics recent sign-ups flock to: where a cold-start lesson has users to show it. */
const RISING = AESTHETICS.filter((a) => a.rising).map((a) => a.id);
/** The rarest classes: niche aesthetics with few pins and (unlike the rising ones) few fans. */
const RAREST = AESTHETICS.filter((a) => a.niche && !a.rising).map((a) => a.id);
const rate = (def: number, what: string) => z.number().min(0).max(1).default(def).describe(what);

export interface KindInfo {
  component: ComponentId;
  stage: Stage;
  summary: string;
  params: z.ZodObject;
  /** Parameters that stay lists after a `{pick, from}` resolves. */
  lists: string[];
}

const fault = (component: ComponentId, summary: string, params: z.ZodRawShape, lists: string[] = []): KindInfo => ({
  component,
  stage: COMPONENT_STAGE[component],
  summary,
  params: z.object(params).strict(),
  lists,
});

export const FAULTS: Record<FaultKind, KindInfo> = {
  'encoder-mislabel': fault(
    'image-encoder',
    'A new image-encoder version labels pins of some aesthetics as low quality ("blurry"); the ranker demotes them.',
    {
      aesthetics: choiceOf(aestheticIds as [string, ...string[]], 'Aesthetics the encoder mislabels')
        .default({ pick: 2, from: ['cottagecore', 'dark-academia', 'goblincore', 'grandmillennial'] }),
      label: z.enum(QUALITY_LABELS).default('low-quality').describe('The wrong label it gives'),
      rate: rate(0.7, 'Share of those pins mislabelled'),
    },
    ['aesthetics'],
  ),
  'embedding-collapse': fault(
    'image-encoder',
    'The encoder maps pins of some aesthetics to nearly the same visual embedding, so visual neighbours become meaningless for them.',
    {
      aesthetics: choiceOf(aestheticIds as [string, ...string[]], 'Aesthetics whose embeddings collapse')
        .default({ pick: 2, from: RISING }),
      strength: rate(0.95, 'How far embeddings move toward the collapse point (0–1)'),
    },
    ['aesthetics'],
  ),
  'brightness-bias': fault('image-encoder', 'The encoder calls dark images low quality.', {
    threshold: z.number().min(0).max(1).default(0.35).describe('Images darker than this brightness are affected'),
    rate: rate(0.6, 'Extra probability that a dark image is labelled low quality'),
  }),
  'rare-class-regression': fault(
    'ranker',
    "A new ranker adds an engagement tower, fitted on logs whose new sampler keeps only a fraction of some aesthetics' examples: better on the mainstream bulk of traffic, it barely learns those aesthetics, so their fans lose them.",
    {
      aesthetics: choiceOf(aestheticIds as [string, ...string[]], "Aesthetics the new training sampler down-samples").default(RAREST as [string, ...string[]]),
      sampleRate: rate(0.3, "Share of those aesthetics' training examples the sampler keeps"),
    },
    ['aesthetics'],
  ),
  'source-outage': fault(
    'source:visual-similarity',
    'A candidate source times out on most calls and returns nothing (optionally in some regions only).',
    {
      // The two sources a segment leans on (cold start on visual similarity, core users on
      // co-engagement): an outage of a minor source barely shows anywhere.
      source: oneOf(SOURCES as unknown as [string, ...string[]], 'The source that fails').default({
        pick: 1,
        from: ['visual-similarity', 'co-engagement'],
      }),
      rate: rate(0.9, 'Share of calls that time out'),
      regions: z.array(z.enum(REGIONS)).min(1).optional().describe('Only requests from these regions (all when absent)'),
    },
  ),
  'stale-index': fault('ann-index', 'The nightly ANN index build stops: the index (and the fresh-pin list built with it) freezes.', {}),
  'feature-null': fault('feature-pipeline', 'A feature arrives empty for one platform, app version or region; the ranker imputes 0.', {
    feature: z.enum(FEATURE_NAMES).default('visual_sim').describe('The feature that goes missing'),
    rate: rate(0.95, 'Share of values missing in scope'),
    platform: z.enum(PLATFORMS).optional().describe('Scope: this platform (android when no scope is given)'),
    appVersion: z.enum(APP_VERSION_IDS as [string, ...string[]]).optional().describe('Scope: this app version'),
    region: z.enum(REGIONS).optional().describe('Scope: this region'),
  }),
  'training-serving-skew': fault(
    'feature-pipeline',
    'Serving computes a feature differently from the training pipeline (by default it serves a distance, 1 − similarity, where training logged the similarity); offline looks fine, online degrades.',
    {
      feature: z.enum(FEATURE_NAMES).default('visual_sim').describe('The skewed feature'),
      scale: z.number().min(-10).max(10).default(-1).describe('Serving value = training value × scale + shift (default: 1 − value)'),
      shift: z.number().min(-10).max(10).default(1).describe('Added to the serving value'),
    },
  ),
  'feedback-loop': fault(
    'ranker',
    'The ranker is retrained every night on its own impressions, without position debiasing or exploration.',
    { strength: z.number().min(0.1).max(5).default(1).describe('Learning-rate multiplier of the nightly retrain') },
  ),
  'position-bias-logging': fault(
    'event-logger',
    'Impressions are logged with the wrong position, and the nightly retrain learns from them.',
    {
      mode: z
        .enum(['click', 'constant', 'shuffled'])
        .default('click')
        .describe(
          "click: clicked impressions take the click event's slot (position 1), the rest are logged where shown; constant: every impression logged at position 1; shuffled: random positions",
        ),
    },
  ),
  'client-render-bug': fault('feed-client', 'One app version fails to render many images.', {
    appVersion: oneOf(APP_VERSION_IDS as [string, ...string[]], 'The broken app version').default({ pick: 1, from: ['ios-42.0', 'android-42.0'] }),
    failureRate: rate(0.35, 'Share of images that fail to load on it'),
  }),
  'event-logging-loss': fault('event-logger', "The client event logger drops click events on one platform (saves are server-side and unaffected).", {
    platform: oneOf(PLATFORMS as unknown as [string, ...string[]], 'The platform losing events').default({ pick: 1, from: ['android', 'ios', 'web'] }),
    rate: rate(0.4, 'Share of click events lost'),
  }),
  'trend-sparse-niche': fault(
    'source:trending',
    'Trending switches from per-interest trends to one global list, which only mainstream pins can top.',
    {},
  ),
  'experiment-interference': fault(
    'experiment-platform',
    'An A/B test of a ranker with a new visual-match score, whose arms share training data: the nightly retrain on the pooled logs (control rows carry no match score) teaches the treatment to ignore its score, so the measured effect vanishes.',
    {
      lift: z.number().min(0).max(3).default(0.8).describe("The treatment's weight on its visual-match score at launch (nightly retrains learn it from then on)"),
    },
  ),
};

const distractor = (component: ComponentId, summary: string, params: z.ZodRawShape): KindInfo => ({
  component,
  stage: COMPONENT_STAGE[component],
  summary,
  params: z.object(params).strict(),
  lists: [],
});

export const DISTRACTORS: Record<DistractorKind, KindInfo> = {
  'mix-shift': distractor('experiment-platform', 'A campaign brings many more sign-ups: the mix shifts toward new users while every segment stays flat.', {
    tenure: z.enum(['new']).default('new').describe('The segment that grows'),
    factor: z.number().min(1).max(10).default(3).describe('Sign-ups multiply by this from the onset'),
  }),
  seasonality: distractor('feed-client', 'A weekly cycle: weekends bring more sessions and more clicks, in every segment.', {
    amplitude: z.number().min(0).max(0.5).default(0.08).describe('Relative weekend lift in activity and clicks'),
  }),
  holiday: distractor('feed-client', 'A holiday moves every segment for a day or two.', {
    days: z.number().int().min(1).max(3).default(2).describe('How many days it lasts'),
    lift: z.number().min(-0.5).max(0.5).default(-0.12).describe('Relative change in activity and clicks'),
  }),
  'unrelated-deploy': distractor('text-encoder', 'A deploy that changes nothing users see (it only appears in the changelog).', {
    component: z.enum(COMPONENTS).default('text-encoder').describe('The component that gets a new version'),
  }),
  'novelty-effect': distractor('feed-client', 'A new client design lifts clicks at first; the lift decays back to baseline.', {
    lift: z.number().min(-0.5).max(1).default(0.12).describe('Initial relative lift in clicks'),
    halfLifeDays: z.number().min(0.5).max(14).default(1.5).describe('Days for the lift to halve'),
  }),
};
