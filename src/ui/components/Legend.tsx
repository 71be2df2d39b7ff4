// Which line is which, with each series' total over the window and its 95% interval (as the
// bars and bands show it). With more groups than colours, the muted ones are listed after the
// highlighted, and any line can be highlighted or muted from here.
import type { QueryResult } from '../../sim/query/query.ts';
import { formatError, formatValue } from '../../sim/query/format.ts';
import { MAX_HIGHLIGHTED, type Series } from '../chartSeries.ts';

const Z = 1.96;

export interface LegendEntry {
  series: Series;
  /** The series' value over the whole window, already formatted. */
  total: string;
  /** Its 95% interval's half-width (±1.96 SE), formatted. */
  error: string;
}

/** Each line with its total over the window (from the same query without `byDay`) and that total's 95% interval. */
export function legendEntries(series: Series[], totals: QueryResult | null): LegendEntry[] {
  return series.map((line) => {
    const total = totals?.cells.find((c) => (c.group ?? 'all') === line.key);
    return {
      series: line,
      total: total ? formatValue(total.value, totals!.metric.unit) : '',
      error: total?.se != null ? formatError(Z * total.se, totals!.metric.unit) : '',
    };
  });
}

interface LegendProps {
  entries: LegendEntry[];
  /** What the series are split by, e.g. "tenure"; absent for a single series. */
  groupBy: string | null;
  days: string;
  /** Highlights or mutes a line (offered when some lines are muted). */
  onToggle?: (key: string) => void;
}

export function Legend({ entries, groupBy, days, onToggle }: LegendProps) {
  const shown = entries.filter((e) => !e.series.muted);
  const muted = entries.filter((e) => e.series.muted);
  const toggles = Boolean(onToggle) && muted.length > 0;
  return (
    <div className="legend-block">
      <ul className="legend" data-testid="legend" aria-label="Legend">
        {groupBy && <li className="legend-item legend-group">{groupBy.replace(/_/g, ' ')}</li>}
        {shown.map(({ series, total, error }) => (
          <li key={series.key} className="legend-item" data-testid="legend-item" data-legend-key={series.key}>
            <span className="legend-swatch" style={{ background: series.color }} aria-hidden="true" />
            <span className="legend-label">{series.label}</span>
            <span className="legend-value">{total}</span>
            <span className="legend-error">{error}</span>
            {toggles && (
              <button type="button" className="legend-toggle" onClick={() => onToggle!(series.key)} aria-label={`Mute ${series.label}`} title="Mute this line">
                ×
              </button>
            )}
          </li>
        ))}
        <li className="legend-item legend-note">
          <span className="legend-band" aria-hidden="true" />
          Totals over days {days} · ± and band: 95% interval
        </li>
      </ul>
      {toggles && (
        <div className="legend-muted" data-testid="legend-muted">
          <span className="legend-muted-label">
            Muted ({muted.length}): in colour are the lines that moved most over the window (up to {MAX_HIGHLIGHTED}, with the largest groups when few moved). Pick any to highlight:
          </span>
          {muted.map(({ series, total }) => (
            <button
              key={series.key}
              type="button"
              className="legend-chip"
              aria-pressed="false"
              onClick={() => {
                onToggle!(series.key);
                // The chip goes: focus moves to the line's entry among those in colour.
                requestAnimationFrame(() => globalThis.document.querySelector<HTMLElement>(`[data-legend-key="${CSS.escape(series.key)}"] .legend-toggle`)?.focus());
              }}
              title={total ? `${series.label}: ${total} over days ${days}` : series.label}
            >
              {series.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
