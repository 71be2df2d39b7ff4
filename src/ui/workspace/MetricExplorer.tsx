// The metric explorer: controls, the per-day series (changelog entries tagged on the time axis;
// the fault's onset is not marked) and breakdown bars with 95% intervals. Every view the
// learner sets up is recorded as a move once it has been on screen for a moment.
import { useEffect, useMemo, useState } from 'react';
import { METRIC_DEFS } from '../../sim/query/metrics.ts';
import type { AttemptSession } from '../attempt/session.ts';
import { highlight, MUTED_COLOR, seriesOf, toggled } from '../chartSeries.ts';
import { BreakdownBars } from '../components/BreakdownBars.tsx';
import { DailyChart } from '../components/DailyChart.tsx';
import { ProgressBar } from '../components/ProgressBar.tsx';
import { WorldFailure } from '../components/WorldFailure.tsx';
import { useViewportHeight } from '../components/useViewportHeight.ts';
import type { WorldState } from '../useWorld.ts';
import { useWorldAnswer } from '../useWorldAnswer.ts';
import type { ChangelogEntry } from './changelog.ts';
import { ExplorerControls } from './ExplorerControls.tsx';
import { describeFilter, explorerQuery, queryMove, querySpec, sameQuery, selectionOf, type ExplorerQuery } from './explorerQuery.ts';
import { useExplorerQuery } from './useExplorerQuery.ts';
import { useExplorer } from './explorerStore.ts';
import { dimensionLabel } from './labels.ts';
import { attend } from './attention.ts';

/** A view counts as looked at once it has been on screen this long. */
const RECORD_AFTER_MS = 400;
/** The chart takes what the viewport leaves it: 270 px at 800 px high, up to 440 px. */
const chartHeightFor = (viewport: number) => Math.round(Math.max(240, Math.min(440, viewport - 530)));

interface MetricExplorerProps {
  world: WorldState;
  onRetry: () => void;
  session: AttemptSession;
  /** The changelog's entries, once the learner has opened it (then they are tagged on the chart). */
  changelog: ChangelogEntry[] | null;
  defaultDays: number;
}

export function MetricExplorer({ world, onRetry, session, changelog: opened, defaultDays }: MetricExplorerProps) {
  const changelog = opened ?? [];
  const chartHeight = chartHeightFor(useViewportHeight());
  const filterSelected = useExplorer((s) => s.filter);
  const origin = useExplorer((s) => s.origin);
  const client = world.status === 'ready' ? world.client : null;
  const { query, dimensions, days } = useExplorerQuery(world, defaultDays);
  const queryKey = JSON.stringify(query);

  useEffect(() => {
    if (origin !== 'learner' || !client) return;
    const timer = window.setTimeout(() => {
      const q = JSON.parse(queryKey) as ExplorerQuery;
      const last = [...session.actions].reverse().find((a) => a.type === 'query');
      // The view the last recorded query showed: a view is recorded once, however often it is set up again.
      if (last?.type !== 'query' || !sameQuery(explorerQuery(selectionOf(last), dimensions, days), q)) session.record(queryMove(q));
    }, RECORD_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [queryKey, origin, client, session, dimensions, days]);

  const daily = useWorldAnswer(client, 'query', querySpec(query, true));
  const totals = useWorldAnswer(client, 'query', querySpec(query, false));
  const def = METRIC_DEFS[query.metric];
  const result = daily.result;
  // The lines in colour: the person's picks for this slice, else those that moved most.
  const slice = result ? `${result.metric.id}|${result.groupBy ?? ''}|${JSON.stringify(result.filter)}|${result.window.join(':')}` : '';
  const [picked, setPicked] = useState<{ slice: string; keys: string[] } | null>(null);
  const series = useMemo(
    () => (result ? highlight(seriesOf(result, 'All'), picked?.slice === slice ? picked.keys : null) : []),
    [result, picked, slice],
  );
  const colorOf = (group: string) => series.find((s) => s.key === group)?.color ?? MUTED_COLOR;
  /** The changelog entries within the chart's window, keyed below it. */
  const inWindow = result ? changelog.filter((e) => e.day >= result.window[0] && e.day <= result.window[1]) : [];
  const loading = client !== null && (daily.loading || totals.loading);
  const error = daily.error ?? totals.error;
  const scope = [query.groupBy && `by ${dimensionLabel(query.groupBy).toLowerCase()}`, describeFilter(query.filter), `days ${query.window.join('–')}`]
    .filter(Boolean)
    .join(' · ');
  const pick = (group: string) => {
    if (!query.groupBy || query.groupBy === 'day') return;
    useExplorer.getState().set({ filter: { ...filterSelected, [query.groupBy]: [group] }, groupBy: null });
    attend('explorer-title'); // the bar is gone: the new view has the focus
  };

  return (
    <section className="panel explorer" aria-labelledby="explorer-title">
      <header className="explorer-header">
        <div className="panel-heading">
          <h2 id="explorer-title" data-testid="chart-title" tabIndex={-1}>
            {def.label} <span className="title-qualifier">{scope}</span>
          </h2>
          <p className="panel-description">{def.description}</p>
        </div>
      </header>
      <ExplorerControls query={query} dimensions={dimensions} days={days} disabled={client === null} />
      <div className="explorer-body" aria-busy={world.status === 'generating' || loading}>
        {world.status === 'generating' && (
          <div className="explorer-placeholder">
            <ProgressBar fraction={world.fraction} label={world.label} />
          </div>
        )}
        {world.status === 'failed' && (
          <div className="explorer-placeholder">
            <WorldFailure message={world.message} onRetry={onRetry} />
          </div>
        )}
        {client && error && <p className="query-error" role="alert">{error}</p>}
        {client && result && !error && (
          <div
            className={loading ? 'chart-frame is-loading' : 'chart-frame'}
            data-testid="explorer-frame"
            data-slice={slice}
          >
            <h3 className="subhead">Per day</h3>
            <DailyChart
              result={result}
              series={series}
              totals={totals.result}
              groupLabel={result.groupBy ? dimensionLabel(result.groupBy) : null}
              height={chartHeight}
              annotations={changelog.map((e) => ({ day: e.day, tag: e.tag, label: e.text }))}
              onToggle={(key) => setPicked({ slice, keys: toggled(series, key) })}
            />
            {!opened && <p className="annotation-hint">Open the changelog to tag its entries on the time axis.</p>}
            {inWindow.length > 0 && (
              <ul className="annotation-key" aria-label="Changelog entries on the chart">
                {inWindow.map((e) => (
                  <li key={e.tag}>
                    <span className="changelog-tag">{e.tag}</span> Day {e.day}: {e.text}
                  </li>
                ))}
              </ul>
            )}
            {totals.result && (
              <>
                <h3 className="subhead">
                  {totals.result.groupBy ? `By ${dimensionLabel(totals.result.groupBy).toLowerCase()}` : 'Total'}, days {totals.result.window.join('–')}
                  <span className="subhead-note">bars: value · whiskers: 95% interval (±1.96 SE){query.groupBy && query.groupBy !== 'day' ? ' · click a bar to filter to it' : ''}</span>
                </h3>
                <BreakdownBars result={totals.result} allLabel="All" colorOf={colorOf} onPick={pick} />
              </>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
