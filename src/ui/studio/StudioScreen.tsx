// The authoring studio: a scenario draft in a code editor with the loader's errors live beside
// it, saved in this browser as the author types; beside it, once the draft loads, its world's
// checks (useDraftStudy: solvability, footprint, claims). Play it opens the draft in the
// workspace; its debrief can record the attempt as an example. Downloadable as the YAML file
// `faultline validate` reads, or a zip with its example transcripts.
// (Reached from the library: "New scenario", or "Edit" on a card.)
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { AppBar } from '../components/AppBar.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { navigate } from '../route.ts';
import { downloadText } from '../attempt/download.ts';
import { loadScenario, type LoadResult } from '../../scenario/load.ts';
import { openScenarioFile } from '../library/openedEntries.ts';
import { discardAttempt } from '../attempt/autosave.ts';
import { workspaceSearch } from '../route.ts';
import { StudyPanels } from './StudyPanels.tsx';
import { useDraftStudy } from './useDraftStudy.ts';
import { seedsKey, useClaimSeeds } from './useClaimSeeds.ts';
import { downloadZip } from './downloadZip.ts';
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
  // Leaving the studio (Play it, the library, closing the tab) saves what is pending at once.
  const pending = useRef<number | null>(null);
  const unsaved = useRef<Draft | null>(null);
  const save = useCallback((next: Draft) => {
    unsaved.current = null;
    return saveDraft(next).then(
      () => {
        setDraft((d) => (d && d !== 'missing' && d.updated > next.updated ? d : next));
        setSaved('saved');
      },
      (error: unknown) => {
        setSaved('failed');
        throw error;
      },
    );
  }, []);
  useEffect(() => {
    if (!draft || draft === 'missing' || text === draft.text) return;
    setSaved('saving');
    unsaved.current = { ...draft, text, updated: Date.now() };
    if (pending.current !== null) window.clearTimeout(pending.current);
    pending.current = window.setTimeout(() => void save(unsaved.current!).catch(() => {}), SAVE_DELAY_MS);
    return () => {
      if (pending.current !== null) window.clearTimeout(pending.current);
    };
  }, [text, draft, save]);
  useEffect(() => {
    const flush = () => {
      if (unsaved.current) void save({ ...unsaved.current }).catch(() => {});
    };
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [save]);

  const fileName = draft && draft !== 'missing' ? fileNameOf(draft, idOf(text)) : 'draft.yaml';
  // One load per text: the problems panel, the editor's marks and the checks ask for the same one.
  const load = useMemo(() => {
    let last: { text: string; result: LoadResult } | null = null;
    return (t: string): LoadResult => {
      if (last?.text !== t) last = { text: t, result: loadScenario(t, fileName) };
      return last.result;
    };
  }, [fileName]);
  const validate = useMemo(() => (t: string): ScenarioError[] => {
    const r = load(t);
    return r.ok ? [] : r.errors;
  }, [load]);
  const loaded = useMemo(() => load(text), [load, text]);
  const errors = loaded.ok ? [] : loaded.errors;
  const scenario = loaded.ok ? loaded.scenario : null;
  const study = useDraftStudy(scenario);
  const claimSeeds = useClaimSeeds();
  const seedsKeyNow = useMemo(() => (scenario ? seedsKey(scenario) : null), [scenario]);
  const seeds = { state: claimSeeds.state, key: seedsKeyNow, run: () => scenario && claimSeeds.run(scenario), stop: claimSeeds.stop };
  const [playProblem, setPlayProblem] = useState<string | null>(null);

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
  const files = draft.files ?? {};
  const fileCount = Object.keys(files).length;
  const play = async () => {
    if (!scenario) return;
    const outcome = openScenarioFile(fileName, text);
    if (!outcome.ok) {
      setPlayProblem(outcome.errors.map(formatError).join('\n'));
      return;
    }
    setPlayProblem(null);
    // The attempt may be recorded into the draft: the draft as on screen must be the one kept.
    if (pending.current !== null) window.clearTimeout(pending.current);
    try {
      await save({ ...draft, text, updated: Date.now() });
    } catch {
      return; // the status says it could not be saved; the author stays with the text
    }
    // Each play of a draft is a new attempt: one left from an earlier version would not fit it.
    const key = { scenario: scenario.id, seed: scenario.world.seed, mode: 'practice', sizes: {} } as const;
    discardAttempt(key);
    navigate(workspaceSearch(key.scenario, key.seed, key.mode, key.sizes, { draft: draft.id }));
  };
  const status = { saved: 'Saved in this browser', saving: 'Saving…', failed: 'Could not save in this browser — download the file to keep it' }[saved];
  return (
    <div className="app">
      <AppBar />
      <main className="content studio">
        <PageHeading
          title="Studio"
          subtitle={<p className="mono">{fileName}{draft.from ? <span className="muted"> · from {draft.from}</span> : null}</p>}
          actions={
            <>
              <span className={`studio-status${saved === 'failed' ? ' is-error' : ''}`} role="status" data-testid="studio-status">{status}</span>
              <button type="button" className="button" onClick={() => void play()} disabled={!scenario} data-testid="studio-play"
                title={scenario ? 'Start a practice attempt on this draft' : 'The draft must load before it can be played'}>
                Play it
              </button>
              {fileCount ? (
                <button type="button" className="button button-secondary" onClick={() => downloadZip(fileName.replace(/\.yaml$/, '.zip'), { [fileName]: text, ...files })} data-testid="studio-download-zip"
                  title={`${fileName} and its ${fileCount} example transcript${fileCount === 1 ? '' : 's'}`}>
                  Download zip
                </button>
              ) : null}
              <button type="button" className="button button-secondary" onClick={() => downloadText(fileName, text, 'application/yaml')} data-testid="studio-download">
                Download YAML
              </button>
              <button type="button" className="button button-quiet" onClick={() => navigate('')}>Library</button>
            </>
          }
        />
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
              {playProblem && <p className="failure-message" role="alert" data-testid="studio-play-problem">It cannot be played: {playProblem}</p>}
              {fileCount ? (
                <p className="muted" data-testid="studio-files">
                  Kept with the draft: {Object.keys(files).map((f) => <span key={f} className="mono studio-file">{f}</span>)} (in the zip beside {fileName})
                </p>
              ) : null}
            </section>
            <StudyPanels state={study} loads={Boolean(scenario)} seeds={seeds} />
          </aside>
        </div>
      </main>
    </div>
  );
}
