// Which line is which, with each series' total over the window, and what the band means.
import type { QueryResult } from '../../sim/query/query.ts';
import { formatError, formatValue } from '../../sim/query/format.ts';
import type { Series } from '../chartSeries.ts';

export interface LegendEntry {
  series: Series;
  /** The series' value over the whole window, already formatted. */
  total: string;
  error: string;
}

/** Each line with its total over the window (from the same query without `byDay`) and that total's SE. */
export function legendEntries(series: Series[], totals: QueryResult | null): LegendEntry[] {
  return series.map((line) => {
    const total = totals?.cells.find((c) => (c.group ?? 'all') === line.key);
    return {
      series: line,
      total: total ? formatValue(total.value, totals!.metric.unit) : '',
      error: total?.se != null ? `${formatError(total.se, totals!.metric.unit)} SE` : '',
    };
  });
}

interface LegendProps {
  entries: LegendEntry[];
  /** What the series are split by, e.g. "tenure"; absent for a single series. */
  groupBy: string | null;
  days: string;
}

export function Legend({ entries, groupBy, days }: LegendProps) {
  return (
    <ul className="legend" data-testid="legend" aria-label="Legend">
      {groupBy && <li className="legend-item legend-group">{groupBy.replace(/_/g, ' ')}</li>}
      {entries.map(({ series, total, error }) => (
        <li key={series.key} className="legend-item">
          <span className="legend-swatch" style={{ background: series.color }} aria-hidden="true" />
          <span className="legend-label">{series.label}</span>
          <span className="legend-value">{total}</span>
          <span className="legend-error">{error}</span>
        </li>
      ))}
      <li className="legend-item legend-note">
        <span className="legend-band" aria-hidden="true" />
        Totals over days {days} · band: 95% interval (±1.96 SE)
      </li>
    </ul>
  );
}
