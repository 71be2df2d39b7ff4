import { parse, parseFilters, parseWindow, WORLD_OPTIONS, worldFlags } from '../args.ts';
import { UsageError } from '../errors.ts';
import { generateWorld } from '../world.ts';
import { textTable } from '../textTable.ts';
import { runQuery, type QueryResult } from '../../sim/query/query.ts';
import { checkQueryIds } from '../../sim/query/spec.ts';
import { formatError, formatValue } from '../../sim/query/format.ts';

export const queryHelp = `faultline query --metric M [--group-by D] [--filter dim=v1,v2]… [--window A:B] [--by-day]
                [--seed N] [--json]
  Prints the table a chart would show: value, n and standard error per cell.`;

export function queryCommand(argv: string[]): void {
  const { values } = parse(argv, {
    ...WORLD_OPTIONS,
    metric: { type: 'string', short: 'm' },
    'group-by': { type: 'string', short: 'g' },
    filter: { type: 'string', short: 'f', multiple: true },
    window: { type: 'string', short: 'w' },
    'by-day': { type: 'boolean' },
    json: { type: 'boolean' },
  });
  if (!values.metric) throw new UsageError('--metric is required (e.g. --metric relevance)');
  const spec = {
    metric: values.metric,
    groupBy: values['group-by'] ?? null,
    filter: parseFilters(values.filter),
    window: parseWindow(values.window),
    byDay: values['by-day'] ?? false,
  };
  checkQueryIds(spec);
  const world = generateWorld(worldFlags(values), values.quiet);
  const result = runQuery(world, spec);
  if (values.json) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  console.log(renderQuery(result, world.config.seed));
}

export function renderQuery(result: QueryResult, seed: number): string {
  const { metric, groupBy, filter, window, byDay } = result;
  const filters = Object.entries(filter).map(([d, v]) => `${d}=${v.join(',')}`);
  const title = [
    `${metric.id}${groupBy ? ` by ${groupBy}` : ''}${byDay ? ' per day' : ''}`,
    `days ${window[0]}–${window[1]}`,
    filters.length ? `filter ${filters.join(' ')}` : null,
    `seed ${seed}`,
  ].filter(Boolean);
  const header = [...(groupBy ? [groupBy] : []), ...(byDay ? ['day'] : []), 'value', 'n', 'se'];
  const rows = result.cells.map((c) => [
    ...(groupBy ? [c.group ?? ''] : []),
    ...(byDay ? [String(c.day)] : []),
    formatValue(c.value, metric.unit),
    String(Math.round(c.n)),
    formatError(c.se, metric.unit),
  ]);
  const right = [...(groupBy ? [false] : []), ...(byDay ? [true] : []), true, true, true];
  return `${title.join(' · ')}\n${metric.description}\n\n${textTable(header, rows, right)}`;
}
