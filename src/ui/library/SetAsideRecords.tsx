// Saved data the app could not use (an attempt, the scores, the opened files), kept aside as it
// was: the person can download each record — to mend it, or to send it with a bug report — or
// delete it once they have what they need.
import { useState } from 'react';
import { downloadText } from '../attempt/download.ts';
import { forgetRecord, setAsideRecords } from './storage.ts';

export function SetAsideRecords() {
  const [records, setRecords] = useState(setAsideRecords);
  if (records.length === 0) return null;
  const fileName = (key: string) => `${key.replace(/[^\w.-]+/g, '_')}.json`;
  return (
    <section className="notice set-aside" aria-labelledby="set-aside-title" data-testid="set-aside">
      <h2 id="set-aside-title" className="set-aside-title" tabIndex={-1}>Saved data set aside</h2>
      <p>
        The app could not use {records.length === 1 ? 'this record' : 'these records'} of this browser’s saved data (written by another
        version, or edited by hand). Nothing was deleted: download a record to keep it, then delete it here.
      </p>
      <ul className="set-aside-list">
        {records.map((r) => (
          <li key={r.key}>
            <span className="mono set-aside-key">{r.key}</span> <span className="muted">({r.text.length.toLocaleString('en')} characters)</span>
            <button type="button" className="button button-secondary button-small" onClick={() => downloadText(fileName(r.key), r.text)} data-testid="set-aside-download">
              Download
            </button>
            <button
              type="button"
              className="button button-quiet button-small"
              onClick={() => {
                forgetRecord(r.key);
                setRecords(setAsideRecords());
                // The button is gone: the list's heading (or, with none left, the page's) takes the focus.
                requestAnimationFrame(() => (document.getElementById('set-aside-title') ?? document.querySelector<HTMLElement>('h1'))?.focus());
              }}
              aria-label={`Delete ${r.key}`}
            >
              Delete
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
