// The contrast view (practice mode): the explorer's selection — its window and filter — against
// a baseline (the other days, else everything), every dimension ranked by how much of the
// metric's change a few of its groups account for, each group with its own change. Running one
// is a move.
import type { ContrastDimension, ContrastGroup, ContrastSpec } from '../../engine/contrast.ts';
import { formatSigned, formatValue } from '../../sim/query/format.ts';
import { METRIC_DEFS, type Unit } from '../../sim/query/metrics.ts';
import type { MetricId } from '../../sim/vocabulary.ts';
import { useWorldAnswer } from '../useWorldAnswer.ts';
import type { WorldClient } from '../worldClient.ts';
import { describeFilter, type ExplorerQuery } from './explorerQuery.ts';
import { dimensionLabel } from './labels.ts';

const SHOWN_DIMENSIONS = 6;
const SHOWN_GROUPS = 3;

/** ', <the filter>' after a window, or nothing when there is no filter. */
const andFilter = (filter: Partial<Record<string, readonly (string | number)[]>>) => (Object.keys(filter).length ? `, ${describeFilter(filter)}` : '');

/** The contrast a view of the explorer asks for. */
export function contrastSpecOf(q: ExplorerQuery): ContrastSpec {
  return { metric: q.metric, selection: { window: q.window, ...(Object.keys(q.filter).length ? { filter: q.filter } : {}) } };
}

interface ContrastPanelProps {
  client: WorldClient | null;
  query: ExplorerQuery;
  days: number;
  /** The contrast to show (set when the learner runs one, or replays it). */
  shown: ContrastSpec | null;
  onRun: (spec: ContrastSpec) => void;
  disabled: boolean;
}

export function ContrastPanel({ client, query, days, shown, onRun, disabled }: ContrastPanelProps) {
  const answer = useWorldAnswer(client, 'contrast', shown);
  const whole = query.window[0] === 1 && query.window[1] === days && Object.keys(query.filter).length === 0;
  // Only the contrast asked for is shown: none while it is computed, none beside its error.
  const { error } = answer;
  const result = answer.loading || error ? null : answer.result;
  const unit = result ? METRIC_DEFS[result.metric as MetricId].unit : 'score';
  return (
    <section className="panel contrast" aria-labelledby="contrast-title" data-testid="contrast">
      <header className="explorer-header debrief-header">
        <div>
          <h2 id="contrast-title" className="panel-title" tabIndex={-1}>Contrast</h2>
          <p className="panel-description">
            The explorer’s selection ({METRIC_DEFS[query.metric].label}, days {query.window.join('–')}
            {andFilter(query.filter)}) against its baseline — the other days, same filter (or, over every day, everything): where does the change sit?
          </p>
        </div>
        <button type="button" className="button button-small" data-testid="run-contrast" disabled={disabled || whole} onClick={() => onRun(contrastSpecOf(query))}
          title={whole ? 'Narrow the window or add a filter first: the selection is everything' : undefined}>
          Contrast
        </button>
      </header>
      <div className="inspector-body">
        {!shown && <p className="side-empty">Narrow the explorer to the days after a change (or to a segment), then contrast it against the rest.</p>}
        {error && <p className="query-error" role="alert">{error}</p>}
        {result && (
          <div data-testid="contrast-result">
            <p className="inspector-note">
              Selection days {result.selection.window.join('–')}{andFilter(result.selection.filter)}:{' '}
              <strong>{formatValue(result.overall.selection, unit)}</strong> · baseline days {result.baseline.window.join('–')}
              {andFilter(result.baseline.filter)}: <strong>{formatValue(result.overall.baseline, unit)}</strong>
              {Math.abs(result.overall.z) < 2 && <> — <strong>no change beyond the noise</strong> (z {formatSigned(result.overall.z)}): nothing for a dimension to explain</>}
            </p>
            <p className="inspector-note" data-testid="contrast-explained">
              <strong>Explains</strong>: how much of the change the listed groups account for beyond their share of the rows — or, for a
              shifted mix, how much the groups’ changed shares account for. 0% means the change is spread evenly over the dimension.
            </p>
            <table className="data-table" data-testid="contrast-dimensions">
              <thead>
                <tr>
                  <th scope="col">dimension</th>
                  <th scope="col" className="num">explains</th>
                  <th scope="col">where the change sits (each group’s own change, selection vs baseline)</th>
                </tr>
              </thead>
              <tbody>
                {result.dimensions.slice(0, SHOWN_DIMENSIONS).map((d) => (
                  <tr key={d.dimension} data-dimension={d.dimension}>
                    <th scope="row">{dimensionLabel(d.dimension)}</th>
                    <td className="num">{Math.round(d.score * 100)}%</td>
                    <td className="wrap-cell">
                      <Where dimension={d} unit={unit} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
}

const percent = (x: number) => `${Math.round(x * 100)}%`;
const relative = (g: ContrastGroup) =>
  g.change !== null && g.baseline ? `${g.change >= 0 ? '+' : '−'}${Math.abs((100 * g.change) / g.baseline).toFixed(1)}%` : '';

/** The groups a dimension puts the change in, or its shifted mix, or that it is spread evenly. */
function Where({ dimension: d, unit }: { dimension: ContrastDimension; unit: Unit }) {
  if (d.score === 0) return <span className="muted">spread evenly: no group stands out</span>;
  if (d.how === 'mix') {
    const moved = [...d.groups].sort((a, b) => Math.abs(b.selectionShare - b.baselineShare) - Math.abs(a.selectionShare - a.baselineShare)).slice(0, SHOWN_GROUPS);
    return (
      <>
        <span className="contrast-how">the mix moved:</span>
        {moved.map((g) => (
          <span key={g.group} className="contrast-group" data-group={g.group}>
            <strong>{g.group}</strong> {percent(g.baselineShare)} → {percent(g.selectionShare)} of rows
          </span>
        ))}
      </>
    );
  }
  return (
    <>
      {d.groups.filter((g) => d.where.includes(g.group)).slice(0, SHOWN_GROUPS).map((g) => (
        <span key={g.group} className="contrast-group" data-group={g.group}>
          <strong>{g.group}</strong> {formatValue(g.baseline, unit)} → {formatValue(g.selection, unit)} ({relative(g)}, z {formatSigned(g.z)}){' '}
          <span className="muted">· {percent(g.selectionShare)} of rows, {percent(g.accounts)} of the change</span>
        </span>
      ))}
      {d.where.length > SHOWN_GROUPS && <span className="muted">and {d.where.length - SHOWN_GROUPS} more</span>}
    </>
  );
}
