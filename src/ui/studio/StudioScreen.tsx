// The authoring studio: a scenario draft in a code editor with the loader's errors live beside
// it, saved in this browser as the author types, downloadable as the YAML file `faultline
// validate` reads. (Reached from the library: "New scenario", or "Edit" on a card.)
import { useEffect, useMemo, useRef, useState } from 'react';
import { AppBar } from '../components/AppBar.tsx';
import { navigate } from '../route.ts';
import { downloadText } from '../attempt/download.ts';
import { loadScenario } from '../../scenario/load.ts';
import { formatError, type ScenarioError } from '../../scenario/errors.ts';
import { scenarioJsonSchema } from '../../scenario/jsonSchema.ts';
import { readDraft, saveDraft, type Draft } from './drafts.ts';
import { ScenarioEditor } from './ScenarioEditor.tsx';
import type { SchemaNode } from './schemaAssist.ts';

const SAVE_DELAY_MS = 400;

/** The draft's file name: its id when it reads, else the draft's own. */
function fileNameOf(draft: Draft, id: string | null): string {
  return `${id ?? draft.id}.yaml`;
}

const idOf = (text: string) => /^id:\s*([a-z0-9-]+)\s*(#.*)?$/m.exec(text)?.[1] ?? null;

export function StudioScreen({ draftId }: { draftId: string }) {
  const [draft, setDraft] = useState<Draft | null | 'missing'>(null);
  const [text, setText] = useState('');
  const [saved, setSaved] = useState<'saved' | 'saving' | 'failed'>('saved');
  const schema = useMemo(() => scenarioJsonSchema() as SchemaNode, []);

  useEffect(() => {
    let live = true;
    readDraft(draftId).then(
      (d) => {
        if (!live) return;
        setDraft(d ?? 'missing');
        if (d) setText(d.text);
      },
      () => live && setDraft('missing'),
    );
    return () => {
      live = false;
    };
  }, [draftId]);

  // Saved a moment after the last keystroke; the text on screen is never lost to a failed save.
  const pending = useRef<number | null>(null);
  useEffect(() => {
    if (!draft || draft === 'missing' || text === draft.text) return;
    setSaved('saving');
    if (pending.current !== null) window.clearTimeout(pending.current);
    pending.current = window.setTimeout(() => {
      const next = { ...draft, text, updated: Date.now() };
      saveDraft(next).then(
        () => {
          setDraft(next);
          setSaved('saved');
        },
        () => setSaved('failed'),
      );
    }, SAVE_DELAY_MS);
    return () => {
      if (pending.current !== null) window.clearTimeout(pending.current);
    };
  }, [text, draft]);

  const fileName = draft && draft !== 'missing' ? fileNameOf(draft, idOf(text)) : 'draft.yaml';
  // One load per text: the problems panel and the editor's marks ask for the same one.
  const validate = useMemo(() => {
    let last: { text: string; errors: ScenarioError[] } | null = null;
    return (t: string): ScenarioError[] => {
      if (last?.text !== t) {
        const r = loadScenario(t, fileName);
        last = { text: t, errors: r.ok ? [] : r.errors };
      }
      return last.errors;
    };
  }, [fileName]);
  const errors = useMemo(() => validate(text), [validate, text]);

  if (draft === null) return <div className="app"><AppBar /><main className="content"><p role="status">Opening the draft…</p></main></div>;
  if (draft === 'missing') {
    return (
      <div className="app">
        <AppBar />
        <main className="content">
          <h1>No such draft</h1>
          <p>This browser keeps no draft called <span className="mono">{draftId}</span> (drafts live in the browser they were written in).</p>
          <button type="button" className="button" onClick={() => navigate('')}>Back to the library</button>
        </main>
      </div>
    );
  }
  const status = { saved: 'Saved in this browser', saving: 'Saving…', failed: 'Could not save in this browser — download the file to keep it' }[saved];
  return (
    <div className="app">
      <AppBar />
      <main className="content studio">
        <div className="page-heading studio-heading">
          <div>
            <h1 tabIndex={-1}>Studio</h1>
            <p className="mono">{fileName}{draft.from ? <span className="muted"> · from {draft.from}</span> : null}</p>
          </div>
          <div className="studio-actions">
            <span className={`studio-status${saved === 'failed' ? ' is-error' : ''}`} role="status" data-testid="studio-status">{status}</span>
            <button type="button" className="button button-secondary" onClick={() => downloadText(fileName, text, 'application/yaml')} data-testid="studio-download">
              Download YAML
            </button>
            <button type="button" className="button button-quiet" onClick={() => navigate('')}>Library</button>
          </div>
        </div>
        <div className="studio-columns">
          <ScenarioEditor key={draft.id} initial={draft.text} schema={schema} validate={validate} onChange={setText} label={`Scenario file ${fileName}`} />
          <aside className="studio-side" aria-label="Checks">
            <section className="panel" aria-labelledby="studio-problems">
              <div className="panel-header">
                <div className="panel-heading">
                  <h2 id="studio-problems">{errors.length ? `${errors.length} ${errors.length === 1 ? 'problem' : 'problems'}` : 'Valid'}</h2>
                </div>
              </div>
              {errors.length ? (
                <ul className="studio-problems" data-testid="studio-problems">
                  {errors.map((e) => (
                    <li key={formatError(e)} className="mono">{formatError(e)}</li>
                  ))}
                </ul>
              ) : (
                <p data-testid="studio-valid">The file loads: <span className="mono">faultline validate {fileName}</span> passes.</p>
              )}
            </section>
          </aside>
        </div>
      </main>
    </div>
  );
}
