// `faultline replay <scenario> <transcript.json>`: the attempt again, move by move — what each
// move showed (its table) and how it was judged.
import type { ParseArgsConfig } from 'node:util';
import { parse, WORLD_OPTIONS } from '../args.ts';
import { UsageError } from '../errors.ts';
import { openScenarioCase, readTranscript } from './grade.ts';
import { renderQuery } from './query.ts';
import { textTable } from '../textTable.ts';
import { grade } from '../../engine/grade.ts';
import { lookAt, type Look } from '../../engine/case.ts';
import { debriefText } from '../../engine/debrief.ts';
import { describeAction } from '../../engine/words.ts';
import { showsSomething } from '../../engine/view.ts';
import { runQuery, type QueryResult } from '../../sim/query/query.ts';
import { formatChange, formatSigned, formatValue } from '../../sim/query/format.ts';
import { METRIC_DEFS, type Unit } from '../../sim/query/metrics.ts';
import type { MetricId } from '../../sim/vocabulary.ts';
import type { World } from '../../sim/world/world.ts';

export const replayHelp = `faultline replay <SCENARIO> <TRANSCRIPT.json> [--seed N]
  Steps through a recorded attempt: for each move, the table it showed and how it was judged,
  then the debrief.`;

/** The flags `faultline replay` takes (its --help lists them all). */
export const replayOptions = { ...WORLD_OPTIONS } as const satisfies ParseArgsConfig['options'];

export async function replayCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parse(argv, replayOptions);
  if (positionals.length !== 2) throw new UsageError('usage: faultline replay <scenario> <transcript.json>');
  const transcript = readTranscript(positionals[1]);
  const { c } = await openScenarioCase(positionals[0], values, transcript, values.quiet);
  const g = grade(c, transcript);
  const world = c.pair.factual;
  transcript.actions.forEach((action, i) => {
    const j = g.actions[i];
    console.log(`\n── move ${i + 1} at ${action.at} s: ${describeAction(action)}`);
    if (showsSomething(action)) console.log(shown(lookAt(c, action), world));
    console.log(`   judged ${j.classification}${j.reveals.length ? ` → ${j.reveals.join(', ')}` : ''}: ${j.reason}`);
  });
  console.log('\n' + debriefText(g, undefined, transcript.actions));
}

function shown(look: Look, world: World): string {
  const v = look.view;
  const seed = world.config.seed;
  switch (v.kind) {
    case 'query':
      return indent(renderQuery(v.result, seed) + (v.halves ? `\n\nbefore/after: days ${v.halves.before.window.join('–')} vs ${v.halves.after.window.join('–')}\n` + halvesTable(v.halves.before, v.halves.after) : ''));
    case 'contrast': {
      const fmt = valueIn(METRIC_DEFS[v.result.metric as MetricId].unit);
      // As the app ranks them: how much of the change a few groups account for (or a shifted mix).
      const where = (d: (typeof v.result.dimensions)[number]) =>
        d.score === 0
          ? 'spread evenly'
          : d.how === 'mix'
            ? `the mix moved (rows shifted ${(d.distributionShift * 100).toFixed(1)}%)`
            : d.groups.filter((g) => d.where.includes(g.group)).slice(0, 3).map((g) => `${g.group} ${fmt(g.baseline)} → ${fmt(g.selection)} (z ${formatSigned(g.z)})`).join('; ');
      return indent(textTable(
        ['dimension', 'explains', 'where the change sits'],
        v.result.dimensions.slice(0, 6).map((d) => [d.dimension, `${Math.round(d.score * 100)}%`, where(d)]),
        [false, true, false],
      ));
    }
    case 'changelog':
      return indent([...v.deploys.map((d) => `day ${d.day}: ${d.component} ${d.from} → ${d.to}`), ...v.timeline.map((t) => `day ${t.day}: ${t.text}`)].join('\n') || '(empty)');
    case 'inspect':
      if (v.result.view === 'stage_health') {
        return indent(textTable(['stage', 'metric', 'baseline', 'current', 'change', 'status'], v.result.stages.flatMap((s) => s.entries.map((e) => [s.stage, e.metric, formatValue(e.baseline, METRIC_DEFS[e.metric].unit), formatValue(e.current, METRIC_DEFS[e.metric].unit), formatChange(e.change), e.status])), [false, false, true, true, true, false]));
      }
      // Other views are drawn; their numbers are the summarising queries the engine reads them by.
      return look.readings.map((r) => indent(renderQuery(runQuery(world, { ...r.spec, byDay: false }), seed))).join('\n');
    case 'error':
      return `   could not be shown: ${v.message}`;
    case 'none':
      return '';
  }
}

function halvesTable(before: QueryResult, after: QueryResult): string {
  const fmt = valueIn(after.metric.unit);
  return textTable(
    [before.groupBy ?? '', 'before', 'after', 'change'],
    after.cells.map((a) => {
      const b = before.cells.find((x) => x.group === a.group);
      const change = formatChange(b?.value && a.value !== null ? a.value / b.value - 1 : null);
      return [a.group ?? 'all', fmt(b?.value), fmt(a.value), change];
    }),
    [false, true, true, true],
  );
}

/** A value in its metric's unit, as the query table beside it prints values. */
const valueIn = (unit: Unit) => (x: number | null | undefined) => formatValue(x ?? null, unit);
const indent = (s: string) => s.split('\n').map((l) => '   ' + l).join('\n');
