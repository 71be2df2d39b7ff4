// The action trail: every recorded move with its time. A query, an inspection or a contrast
// re-opens its view when clicked (a replay: it is not recorded again).
import { useEffect, useRef } from 'react';
import type { Action } from '../../scenario/actions.ts';
import { ACTION_LABELS, atClock, describeAction } from './describeAction.ts';

const REPLAY_TITLES: Partial<Record<Action['type'], string>> = {
  query: 'Re-open this view',
  inspect: 'Re-open this inspector',
  contrast: 'Re-open this contrast',
};

export function ActionTrail({ actions, onReplay }: {
  actions: readonly Action[];
  /** Re-opens what a query, inspection or contrast showed. */
  onReplay: (action: Action) => void;
}) {
  const list = useRef<HTMLOListElement>(null);
  // The newest move stays in sight: its column scrolls to it (only a column that scrolls on its
  // own — on a phone the page does, and a move must not drag the page down to the trail).
  useEffect(() => {
    const last = list.current?.lastElementChild;
    const column = list.current?.closest('.ws-column');
    if (!last || !column || getComputedStyle(column).overflowY !== 'auto') return;
    const bottom = last.getBoundingClientRect().bottom - column.getBoundingClientRect().bottom;
    if (bottom > 0) column.scrollTop += bottom + 8;
  }, [actions.length]);
  return (
    <section className="side-panel trail-panel" aria-labelledby="trail-title">
      <h2 id="trail-title" className="side-title">
        Action trail <span className="side-count">{actions.length}</span>
      </h2>
      {actions.length === 0 ? (
        <p className="side-empty">Your moves appear here: every view you open, the changelog, your notes.</p>
      ) : (
        <ol ref={list} className="trail" data-testid="trail">
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
                {REPLAY_TITLES[a.type] ? (
                  <button type="button" className="trail-button" title={REPLAY_TITLES[a.type]} onClick={() => onReplay(a)}>
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
