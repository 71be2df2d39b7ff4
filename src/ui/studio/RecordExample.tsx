// Shown in the debrief of an attempt played from the studio: records the attempt as one of the
// draft's examples (its transcript and a score range around its score), then leads back to the
// draft. Names for the usual paths are offered: `faultline test` also checks their order.
import { useId, useState } from 'react';
import type { Transcript } from '../../scenario/transcript.ts';
import { navigate } from '../route.ts';
import { recordExample, scoreRange } from './recordExample.ts';

/** Example names `faultline test` orders: expert > wandering > premature, expert > wrong cause, lucky guess < 40. */
const USUAL_NAMES = ['the expert path', 'a wandering path', 'a premature deep dive', 'a wrong cause', 'a lucky guess'];

type Saving = { status: 'idle' } | { status: 'saving' } | { status: 'saved'; path: string } | { status: 'failed'; message: string };

export function RecordExample({ draftId, transcript, score }: { draftId: string; transcript: Transcript; score: number }) {
  const [name, setName] = useState(`an attempt scoring ${score}`);
  const [saving, setSaving] = useState<Saving>({ status: 'idle' });
  const id = useId();
  const { min, max } = scoreRange(score);
  const record = () => {
    setSaving({ status: 'saving' });
    recordExample(draftId, name.trim() || `an attempt scoring ${score}`, transcript, score).then(
      (path) => setSaving({ status: 'saved', path }),
      (error: unknown) => setSaving({ status: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
  };
  return (
    <div className="grade-section record-example" data-testid="record-example">
      <h3 className="subhead">Record as an example of the draft</h3>
      <p className="muted">
        Adds this transcript to the draft’s <span className="mono">examples:</span> expecting {min}–{max}, so{' '}
        <span className="mono">faultline test</span> fails the day it scores otherwise.
      </p>
      {saving.status === 'saved' ? (
        <p role="status" data-testid="recorded">
          Recorded as <span className="mono">{saving.path}</span>.{' '}
          <button type="button" className="button button-small" onClick={() => navigate(`?studio=${encodeURIComponent(draftId)}`)} data-testid="back-to-studio">
            Back to the studio
          </button>
        </p>
      ) : (
        <form className="record-example-form" onSubmit={(e) => { e.preventDefault(); record(); }}>
          <label htmlFor={`${id}-name`}>Name</label>
          <input id={`${id}-name`} className="text-input" list={`${id}-names`} value={name} maxLength={120} onChange={(e) => setName(e.target.value)} data-testid="example-name" />
          <datalist id={`${id}-names`}>{USUAL_NAMES.map((n) => <option key={n} value={n} />)}</datalist>
          <button type="submit" className="button button-small" disabled={saving.status === 'saving'} data-testid="record-example-button">Record as example</button>
        </form>
      )}
      {saving.status === 'failed' && <p className="failure-message" role="alert">Could not record it: {saving.message}</p>}
    </div>
  );
}
