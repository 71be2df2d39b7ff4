// Hints (practice mode only, when the scenario has them and allows them): revealed one at a
// time, gentlest first; each one taken is a move, and costs efficiency when graded.
import type { Action } from '../../scenario/actions.ts';
import { Markdown } from '../components/Markdown.tsx';

export function HintsPanel({ hints, actions, onHint, disabled }: {
  hints: readonly string[];
  actions: readonly Action[];
  onHint: () => void;
  disabled: boolean;
}) {
  const taken = Math.min(hints.length, actions.filter((a) => a.type === 'hint').length);
  return (
    <section className="side-panel" aria-labelledby="hints-title">
      <h2 id="hints-title" className="side-title">
        Hints <span className="side-count">{taken}/{hints.length}</span>
      </h2>
      {taken > 0 && (
        <ol className="hints" data-testid="hints">
          {hints.slice(0, taken).map((h, i) => (
            <li key={i}>
              <Markdown text={h} />
            </li>
          ))}
        </ol>
      )}
      {taken < hints.length && (
        <button type="button" className="button button-secondary button-block" onClick={onHint} disabled={disabled} data-testid="take-hint">
          {taken === 0 ? 'Take a hint' : 'Take another hint'} <span className="button-note">(costs efficiency)</span>
        </button>
      )}
    </section>
  );
}
