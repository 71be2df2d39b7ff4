// One metric per day, a line per group, under its legend (each line's total and SE over the
// window): the chart of the workspace's explorer and of the world overview alike.
import type { QueryResult } from '../../sim/query/query.ts';
import type { Unit } from '../../sim/query/metrics.ts';
import type { Series } from '../chartSeries.ts';
import { Legend, legendEntries } from './Legend.tsx';
import { LineChart, type ChartAnnotation } from './LineChart.tsx';

/** The y axis names the metric's unit. */
const UNIT_LABELS: Record<Unit, string> = {
  percent: '%',
  score: 'score, 0–1',
  count: 'count',
  ms: 'ms',
  hours: 'hours',
  ratio: 'ratio',
};

/** A score is said to run 0–1 only when its values do (a stability index is a score without a ceiling). */
function unitLabel(result: QueryResult): string {
  if (result.metric.unit !== 'score') return UNIT_LABELS[result.metric.unit];
  return result.cells.every((c) => c.value === null || (c.value >= 0 && c.value <= 1)) ? UNIT_LABELS.score : 'score';
}

interface DailyChartProps {
  /** The per-day answer (`byDay`) and its lines. */
  result: QueryResult;
  series: Series[];
  /** The same query over the whole window, for the legend's totals (null while it loads). */
  totals: QueryResult | null;
  /** What the lines are split by, as the legend names it. */
  groupLabel: string | null;
  height: number;
  annotations?: ChartAnnotation[];
  /** Highlights or mutes a line (when there are more lines than colours). */
  onToggle?: (key: string) => void;
}

export function DailyChart({ result, series, totals, groupLabel, height, annotations, onToggle }: DailyChartProps) {
  const days = result.window.join('–');
  return (
    <>
      <Legend groupBy={groupLabel} days={days} entries={legendEntries(series, totals)} onToggle={onToggle} />
      <LineChart
        series={series}
        unit={result.metric.unit}
        days={result.window}
        height={height}
        xLabel="Day"
        yLabel={`${result.metric.label} (${unitLabel(result)})`}
        title={`${result.metric.label} per day, days ${days}`}
        annotations={annotations}
      />
    </>
  );
}
