// The headline panel: a metric per day over the whole window, optionally one line per group.
// The body keeps one fixed height through generating, loading, failure and the chart itself.
import { useMemo, useState } from 'react';
import { METRIC_DEFS } from '../../sim/query/metrics.ts';
import { highlight, seriesOf, toggled } from '../chartSeries.ts';
import { useHeadline } from '../store.ts';
import type { WorldState } from '../useWorld.ts';
import { useWorldAnswer } from '../useWorldAnswer.ts';
import { ChartControls } from './ChartControls.tsx';
import { DailyChart } from './DailyChart.tsx';
import { ProgressBar } from './ProgressBar.tsx';
import { WorldFailure } from './WorldFailure.tsx';

const CHART_HEIGHT = 400;

interface HeadlineChartProps {
  world: WorldState;
  onRetry: () => void;
}

export function HeadlineChart({ world, onRetry }: HeadlineChartProps) {
  const { metric, groupBy } = useHeadline();
  const client = world.status === 'ready' ? world.client : null;
  const spec = { metric, groupBy: groupBy || null };
  const daily = useWorldAnswer(client, 'query', { ...spec, byDay: true });
  const totals = useWorldAnswer(client, 'query', spec);

  const result = daily.result;
  const slice = result ? `${result.metric.id}|${result.groupBy ?? ''}` : '';
  const [picked, setPicked] = useState<{ slice: string; keys: string[] } | null>(null);
  const series = useMemo(() => (result ? highlight(seriesOf(result), picked?.slice === slice ? picked.keys : null) : []), [result, picked, slice]);
  const shown = result?.metric ?? METRIC_DEFS[metric];
  const loading = client !== null && (daily.loading || totals.loading);

  return (
    <section className="panel" aria-labelledby="headline-title">
      <header className="panel-header">
        <div className="panel-heading">
          <h2 id="headline-title" data-testid="chart-title">
            {shown.label} <span className="title-qualifier">per day</span>
          </h2>
          <p className="panel-description">{shown.description}</p>
        </div>
        <ChartControls disabled={client === null} />
      </header>
      <div className="panel-body" aria-busy={world.status === 'generating' || loading}>
        {world.status === 'generating' && <ProgressBar fraction={world.fraction} label={world.label} />}
        {world.status === 'failed' && <WorldFailure message={world.message} onRetry={onRetry} />}
        {client && daily.error && <p className="query-error" role="alert">{daily.error}</p>}
        {client && result && !daily.error && (
          <div className={loading ? 'chart-frame is-loading' : 'chart-frame'}>
            <DailyChart
              result={result}
              series={series}
              totals={totals.result}
              groupLabel={result.groupBy}
              height={CHART_HEIGHT}
              onToggle={(key) => setPicked({ slice, keys: toggled(series, key) })}
            />
          </div>
        )}
      </div>
    </section>
  );
}
