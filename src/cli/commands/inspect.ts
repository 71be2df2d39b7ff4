// `faultline inspect VIEW [SCENARIO] --component C …`: any inspector view as the tables the app
// draws — the confusion matrix and its per-aesthetic rates, a PR curve, an embedding map's
// label shares, a calibration curve, a feature's distribution, stage health — for the factual
// world, and with --twin for the fault-free twin beside it.
import type { ParseArgsConfig } from 'node:util';
import { changeFlags, parse, parseFilters, parseWindow, WORLD_OPTIONS, worldFlags } from '../args.ts';
import { UsageError } from '../errors.ts';
import { loadPair, loadWorld } from '../world.ts';
import { scenarioWorld } from '../scenarioArg.ts';
import { textTable } from '../textTable.ts';
import { inspect, type InspectorResult } from '../../sim/inspect/inspect.ts';
import { VIEW_COMPONENTS } from '../../sim/inspect/request.ts';
import { formatChange, formatValue } from '../../sim/query/format.ts';
import { METRIC_DEFS } from '../../sim/query/metrics.ts';
import { INSPECTOR_VIEWS, type InspectorView } from '../../sim/vocabulary.ts';
import type { World } from '../../sim/world/world.ts';

export const inspectHelp = `faultline inspect <VIEW> [SCENARIO] [--component C] [--window A:B] [--filter dim=v1,v2]…
                  [--feature F] [--twin] [--seed N] [--json]
  Prints an inspector view as the tables the app draws. VIEW: ${INSPECTOR_VIEWS.join(', ')}.
  --component picks what it looks at (each view's first is the default); --twin prints the
  fault-free twin's view after the world's, so the fault's footprint reads as the difference.`;

/** The flags `faultline inspect` takes (its --help lists them all). */
export const inspectOptions = {
  ...WORLD_OPTIONS,
  component: { type: 'string', short: 'c' },
  window: { type: 'string', short: 'w' },
  filter: { type: 'string', short: 'f', multiple: true },
  feature: { type: 'string' },
  twin: { type: 'boolean' },
  json: { type: 'boolean' },
} as const satisfies ParseArgsConfig['options'];

export async function inspectCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parse(argv, inspectOptions);
  const [view, scenario, ...extra] = positionals;
  if (!view) throw new UsageError(`name a view: ${INSPECTOR_VIEWS.join(', ')}`);
  if (!(INSPECTOR_VIEWS as readonly string[]).includes(view)) throw new UsageError(`unknown view "${view}". Views: ${INSPECTOR_VIEWS.join(', ')}`);
  if (extra.length) throw new UsageError(`one scenario at a time, got ${[scenario, ...extra].join(', ')}`);
  const components = VIEW_COMPONENTS[view as InspectorView];
  if (values.component && !components.includes(values.component as never)) {
    throw new UsageError(`${view} looks at ${components.join(', ')}; got --component ${values.component}`);
  }
  const spec = {
    view,
    component: values.component ?? (view === 'stage_health' ? undefined : components[0]),
    window: parseWindow(values.window),
    filter: parseFilters(values.filter),
    feature: values.feature,
  };
  const { config, faults, distractors } = scenarioWorld(scenario, { config: worldFlags(values), ...changeFlags(values) });
  const changes = { faults, distractors };
  const worlds: [string, World][] = values.twin
    ? await loadPair(config, values, changes).then((p) => [['the world', p.factual], ['the fault-free twin', p.twin]] as [string, World][])
    : [['the world', await loadWorld(config, values, changes)]];
  const results = worlds.map(([label, world]) => [label, inspect(world, spec)] as const);
  if (values.json) {
    console.log(JSON.stringify(values.twin ? Object.fromEntries(results.map(([l, r]) => [l === 'the world' ? 'factual' : 'twin', r])) : results[0][1], null, 2));
    return;
  }
  console.log(results.map(([label, r]) => `${title(r, worlds[0][1].config.seed)}${values.twin ? ` — ${label}` : ''}\n\n${render(r)}`).join('\n\n'));
}

const pct = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : `${(x * 100).toFixed(1)}%`);
const num = (x: number | null | undefined, digits = 3) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(digits));

function title(r: InspectorResult, seed: number): string {
  const days = 'window' in r ? `days ${r.window[0]}–${r.window[1]}` : `day ${r.day}`;
  return `${r.view}${r.component ? ` of ${r.component}` : ''} · ${days} · seed ${seed}`;
}

/** The tables of one view, as the app's inspector draws it. */
export function render(r: InspectorResult): string {
  switch (r.view) {
    case 'confusion_matrix':
      return [
        'Quality label — true × predicted (labelled item-days)',
        textTable(['true \\ predicted', ...r.labels], r.quality.map((row, i) => [r.labels[i], ...row.map(String)]), [false, ...r.labels.map(() => true)]),
        '',
        'Per aesthetic',
        textTable(
          ['aesthetic', 'n', 'called low-quality', 'truly low-quality', 'fine called low', 'aesthetic accuracy'],
          r.perClass.map((c) => [c.aesthetic, String(c.n), pct(c.predictedLowShare), pct(c.trueLowShare), pct(c.falseLowRate), pct(c.aestheticAccuracy)]),
          [false, true, true, true, true, true],
        ),
      ].join('\n');
    case 'pr_curve': {
      const step = Math.max(1, Math.floor(r.points.length / 12));
      const lines = [
        `positive: ${r.positive} (${r.positives} of ${r.total}) · average precision ${num(r.averagePrecision)}`,
        textTable(['threshold', 'precision', 'recall'], r.points.filter((_, i) => i % step === 0).map((p) => [num(p.threshold), num(p.precision), num(p.recall)]), [true, true, true]),
      ];
      if (r.offline) {
        const o = r.offline;
        lines.push('', `ranker AUC: offline (training features) ${num(o.offlineAuc)} · online (served features) ${num(o.onlineAuc)} · as trained (logged positions) ${num(o.loggedAuc)} · ${o.clicks} clicks of ${o.impressions} impressions`);
      }
      return lines.join('\n');
    }
    case 'embedding_map': {
      // The map itself is a scatter; its table is how each aesthetic's pins sit and are labelled.
      const by = new Map<string, { n: number; x: number; y: number; low: number }>();
      for (const p of r.points) {
        const a = by.get(p.aesthetic) ?? { n: 0, x: 0, y: 0, low: 0 };
        a.n++;
        a.x += p.x;
        a.y += p.y;
        if (p.predictedQuality !== 'ok') a.low++;
        by.set(p.aesthetic, a);
      }
      return [
        `${r.points.length} pins on two axes explaining ${pct(r.explained)} of the embeddings' variance`,
        textTable(
          ['aesthetic', 'pins', 'centre x', 'centre y', 'labelled low'],
          [...by].map(([a, s]) => [a, String(s.n), num(s.x / s.n, 2), num(s.y / s.n, 2), pct(s.low / s.n)]),
          [false, true, true, true, true],
        ),
      ].join('\n');
    }
    case 'calibration_curve':
      return textTable(['predicted', 'observed', '± SE', 'n'], r.bins.map((b) => [pct(b.predicted), pct(b.observed), pct(b.se), String(b.n)]), [true, true, true, true]);
    case 'feature_distribution':
      return [
        `${r.feature}: days ${r.window[0]}–${r.window[1]} against days ${r.referenceWindow[0]}–${r.referenceWindow[1]} · null share ${pct(r.nullShare.current)} (was ${pct(r.nullShare.reference)}) · n ${r.n.current} (was ${r.n.reference})`,
        textTable(
          ['from', 'to', 'reference', 'current', 'as trained'],
          r.bins.map((b) => [num(b.x0), num(b.x1), pct(b.reference), pct(b.current), pct(b.training)]),
          [true, true, true, true, true],
        ),
      ].join('\n');
    case 'stage_health':
      return [
        `days ${r.window[0]}–${r.window[1]} against days ${r.baselineWindow[0]}–${r.baselineWindow[1]}`,
        textTable(
          ['stage', 'metric', 'baseline', 'current', 'change', 'z', 'status'],
          r.stages.flatMap((s) =>
            s.entries.map((e) => [s.stage, e.metric, formatValue(e.baseline, METRIC_DEFS[e.metric].unit), formatValue(e.current, METRIC_DEFS[e.metric].unit), formatChange(e.change), e.z === null ? '—' : e.z.toFixed(1), e.status]),
          ),
          [false, false, true, true, true, true, false],
        ),
      ].join('\n');
  }
}
