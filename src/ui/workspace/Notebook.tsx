// The notebook: hypotheses in the learner's words. Each note is a move on the trail.
import { useState } from 'react';
import type { Action } from '../../scenario/actions.ts';
import { TEXT_LIMITS } from '../../scenario/limits.ts';
import { atClock } from './describeAction.ts';

export function Notebook({ actions, onNote, disabled }: { actions: readonly Action[]; onNote: (text: string) => void; disabled: boolean }) {
  const [draft, setDraft] = useState('');
  const notes = actions.filter((a): a is Extract<Action, { type: 'note' }> => a.type === 'note');
  const add = () => {
    const text = draft.trim();
    if (!text) return;
    onNote(text);
    setDraft('');
  };
  return (
    <section className="side-panel" aria-labelledby="notebook-title">
      <h2 id="notebook-title" className="side-title">Notebook</h2>
      <textarea
        className="note-input"
        data-testid="note-input"
        placeholder="A hypothesis, e.g. “only new users with niche interests are hit”"
        value={draft}
        maxLength={TEXT_LIMITS.markdown}
        rows={3}
        disabled={disabled}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            add();
          }
        }}
      />
      <div className="note-actions">
        <span className="muted">Ctrl+Enter</span>
        <button type="button" className="button button-small" onClick={add} disabled={disabled || !draft.trim()} data-testid="add-note">
          Add note
        </button>
      </div>
      {notes.length > 0 && (
        <ol className="notes" data-testid="notes">
          {notes.map((n, i) => (
            <li key={i} className="note">
              <span className="trail-at mono">{atClock(n.at)}</span>
              <p>{n.text}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
