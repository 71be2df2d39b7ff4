// The headline chart's controls: which metric, split by what.
import { METRIC_DEFS } from '../../sim/query/metrics.ts';
import { HEADLINE_GROUPS, HEADLINE_METRICS, useHeadline, type HeadlineGroup, type HeadlineMetric } from '../store.ts';

export function ChartControls({ disabled }: { disabled: boolean }) {
  const { metric, groupBy, setMetric, setGroupBy } = useHeadline();
  return (
    <div className="controls">
      <label className="control">
        <span className="control-label">Metric</span>
        <select
          data-testid="metric-select"
          value={metric}
          disabled={disabled}
          onChange={(e) => setMetric(e.target.value as HeadlineMetric)}
        >
          {HEADLINE_METRICS.map((id) => (
            <option key={id} value={id}>{METRIC_DEFS[id].label}</option>
          ))}
        </select>
      </label>
      <label className="control">
        <span className="control-label">Group by</span>
        <select
          data-testid="group-select"
          value={groupBy}
          disabled={disabled}
          onChange={(e) => setGroupBy(e.target.value as HeadlineGroup)}
        >
          {HEADLINE_GROUPS.map((g) => (
            <option key={g.id} value={g.id}>{g.label}</option>
          ))}
        </select>
      </label>
    </div>
  );
}
