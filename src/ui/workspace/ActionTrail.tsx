// The action trail: every recorded move with its time. A query or an inspection re-opens its
// view when clicked (a replay: it is not recorded again).
import type { Action } from '../../scenario/actions.ts';
import type { MetricId } from '../../sim/vocabulary.ts';
import { ACTION_LABELS, atClock, describeAction } from './describeAction.ts';
import type { ExplorerSelection } from './explorerStore.ts';
import type { InspectSpec } from '../../sim/inspect/request.ts';
import type { ContrastSpec } from '../../engine/contrast.ts';

/** The explorer selection a recorded query shows. */
export function selectionOf(a: Extract<Action, { type: 'query' }>): ExplorerSelection {
  return {
    metric: a.metric as MetricId,
    groupBy: a.groupBy ?? null,
    filter: Object.fromEntries(Object.entries(a.filter ?? {}).map(([d, vs]) => [d, (vs ?? []).map(String)])),
    window: a.window ? [a.window[0], a.window[1]] : null,
  };
}

export function ActionTrail({ actions, onReplay, onReplayInspect, onReplayContrast }: {
  actions: readonly Action[];
  onReplay: (selection: ExplorerSelection) => void;
  onReplayInspect: (spec: InspectSpec) => void;
  onReplayContrast: (spec: ContrastSpec) => void;
}) {
  return (
    <section className="side-panel trail-panel" aria-labelledby="trail-title">
      <h2 id="trail-title" className="side-title">
        Action trail <span className="side-count">{actions.length}</span>
      </h2>
      {actions.length === 0 ? (
        <p className="side-empty">Your moves appear here: every view you open, the changelog, your notes.</p>
      ) : (
        <ol className="trail" data-testid="trail">
          {actions.map((a, i) => {
            const body = (
              <>
                <span className="trail-at mono">{atClock(a.at)}</span>
                <span className={`trail-type trail-type-${a.type}`}>{ACTION_LABELS[a.type]}</span>
                <span className="trail-text">{describeAction(a)}</span>
              </>
            );
            return (
              <li key={i} className="trail-entry" data-testid="trail-entry" data-type={a.type}>
                {a.type === 'query' ? (
                  <button
                    type="button"
                    className="trail-button"
                    title="Re-open this view"
                    onClick={() => onReplay(selectionOf(a))}
                  >
                    {body}
                  </button>
                ) : a.type === 'inspect' || a.type === 'contrast' ? (
                  <button
                    type="button"
                    className="trail-button"
                    title={a.type === 'inspect' ? 'Re-open this inspector' : 'Re-open this contrast'}
                    onClick={() => {
                      const { at: _at, type: _type, ...spec } = a;
                      if (a.type === 'inspect') onReplayInspect(spec as InspectSpec);
                      else onReplayContrast(spec as ContrastSpec);
                    }}
                  >
                    {body}
                  </button>
                ) : (
                  <div className="trail-static">{body}</div>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
