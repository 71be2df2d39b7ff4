import type { ParseArgsConfig } from 'node:util';
import { changeFlags, parse, parseFilters, parseWindow, WORLD_OPTIONS, worldFlags } from '../args.ts';
import { UsageError } from '../errors.ts';
import { loadPair, loadWorld } from '../world.ts';
import { scenarioWorld } from '../scenarioArg.ts';
import { footprint, SIGNIFICANT_Z, type Footprint } from '../../sim/footprint.ts';
import type { World } from '../../sim/world/world.ts';
import { textTable } from '../textTable.ts';
import { runQuery, type QueryResult } from '../../sim/query/query.ts';
import { checkQueryIds } from '../../sim/query/spec.ts';
import { formatChange, formatError, formatValue } from '../../sim/query/format.ts';

export const queryHelp = `faultline query [SCENARIO] --metric M [--group-by D] [--filter dim=v1,v2]… [--window A:B] [--by-day]
                [--fault KIND[@DAY][:JSON]]… [--distractor KIND[@DAY][:JSON]]… [--twin]
                [--seed N] [--json]
  Prints the table a chart would show: value, n and standard error per cell. --fault and
  --distractor inject changes (onset mid-window unless @DAY; parameters as JSON, all optional);
  --twin adds the fault-free twin beside each cell: the fault's true footprint. SCENARIO is a
  scenario file or a built-in id; --seed overrides its seed.`;

/** The flags `faultline query` takes (its --help lists them all). */
export const queryOptions = {
    ...WORLD_OPTIONS,
    metric: { type: 'string', short: 'm' },
    'group-by': { type: 'string', short: 'g' },
    filter: { type: 'string', short: 'f', multiple: true },
    window: { type: 'string', short: 'w' },
    'by-day': { type: 'boolean' },
    twin: { type: 'boolean' },
    json: { type: 'boolean' },
  } as const satisfies ParseArgsConfig['options'];

export async function queryCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parse(argv, queryOptions);
  if (!values.metric) throw new UsageError('--metric is required (e.g. --metric relevance)');
  const spec = {
    metric: values.metric,
    groupBy: values['group-by'] ?? null,
    filter: parseFilters(values.filter),
    window: parseWindow(values.window),
    byDay: values['by-day'] ?? false,
  };
  checkQueryIds(spec);
  if (positionals.length > 1) throw new UsageError(`one scenario at a time, got ${positionals.join(', ')}`);
  const { config, faults, distractors } = scenarioWorld(positionals[0], { config: worldFlags(values), ...changeFlags(values) });
  const changes = { faults, distractors };
  if (values.twin) {
    const pair = await loadPair(config, values, changes);
    const result = footprint(pair, spec);
    console.log(values.json ? JSON.stringify(result, null, 2) : renderFootprint(result, pair.factual));
    return;
  }
  const world = await loadWorld(config, values, changes);
  const result = runQuery(world, spec);
  if (values.json) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  console.log(renderQuery(result, world.config.seed, describeChanges(world)));
}

function titleOf(result: Pick<QueryResult, 'metric' | 'groupBy' | 'filter' | 'window' | 'byDay'>, seed: number): string[] {
  const { metric, groupBy, filter, window, byDay } = result;
  const filters = Object.entries(filter).map(([d, v]) => `${d}=${v.join(',')}`);
  return [
    `${metric.id}${groupBy ? ` by ${groupBy}` : ''}${byDay ? ' per day' : ''}`,
    `days ${window[0]}–${window[1]}`,
    filters.length ? `filter ${filters.join(' ')}` : null,
    `seed ${seed}`,
  ].filter((x): x is string => x !== null);
}

/** One line per injected change, so a table says what world it came from. */
function describeChanges(world: World): string {
  const line = (label: string, c: World['faults'][number]) =>
    `${label} ${c.kind} on ${c.component} from day ${c.onsetDay}${c.rampDays ? ` (ramp ${c.rampDays} d)` : ''} ${JSON.stringify(c.params)}`;
  return [...world.faults.map((f) => line("fault", f)), ...world.distractors.map((d) => line("distractor", d as unknown as World["faults"][number]))].join('\n');
}

export function renderQuery(result: QueryResult, seed: number, changes = ''): string {
  const { metric, groupBy, byDay } = result;
  const title = titleOf(result, seed);
  const header = [...(groupBy ? [groupBy] : []), ...(byDay ? ['day'] : []), 'value', 'n', 'se'];
  const rows = result.cells.map((c) => [
    ...(groupBy ? [c.group ?? ''] : []),
    ...(byDay ? [String(c.day)] : []),
    formatValue(c.value, metric.unit),
    String(Math.round(c.n)),
    formatError(c.se, metric.unit),
  ]);
  const right = [...(groupBy ? [false] : []), ...(byDay ? [true] : []), true, true, true];
  return `${title.join(' · ')}\n${metric.description}\n${changes ? changes + '\n' : ''}\n${textTable(header, rows, right)}`;
}

export function renderFootprint(result: Footprint, world: World): string {
  const { metric, groupBy, byDay } = result;
  const title = titleOf(result, world.config.seed);
  const header = [...(groupBy ? [groupBy] : []), ...(byDay ? ['day'] : []), 'factual', 'twin', 'change', 'z', ''];
  const rows = result.cells.map((c) => [
    ...(groupBy ? [c.group ?? ''] : []),
    ...(byDay ? [String(c.day)] : []),
    formatValue(c.factual, metric.unit),
    formatValue(c.twin, metric.unit),
    formatChange(c.relative),
    c.z === null ? '' : c.z.toFixed(1),
    c.significant ? '*' : '',
  ]);
  const right = [...(groupBy ? [false] : []), ...(byDay ? [true] : []), true, true, true, true, false];
  return [
    `${title.join(' · ')} · factual vs fault-free twin`,
    metric.description,
    describeChanges(world),
    '',
    textTable(header, rows, right),
    '',
    `* |z| ≥ ${SIGNIFICANT_Z}: the difference is larger than the data's noise`,
  ].join('\n');
}
