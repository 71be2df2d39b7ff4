// "Open scenario or transcript…": a file picker, and the whole page accepts a dropped file — a scenario (.yaml) or a transcript (.json).
// A broken file shows its line-numbered errors; a valid one joins the library.
import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import type { OpenOutcome } from './openedEntries.ts';
import { ScenarioErrors } from './ScenarioErrors.tsx';
import { MAX_FILE_BYTES, tooLargeMessage } from '../../scenario/limits.ts';
import type { WorldSizes } from '../../sim/config.ts';

/** The library page as a drop zone: `heading`, then the open-file row and its outcome, then `children`. */
export function OpenScenarioFile({ heading, children, sizes = {} }: { heading: ReactNode; children: ReactNode; sizes?: Partial<WorldSizes> }) {
  const input = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<OpenOutcome | null>(null);
  const [transcriptErrors, setTranscriptErrors] = useState<string[]>([]);
  const [dragging, setDragging] = useState(false);

  async function accept(file: File | undefined) {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      // Refused before reading it into memory; the loader would say the same.
      if (/\.json$/i.test(file.name)) {
        setOutcome(null);
        setTranscriptErrors([`${file.name}: ${tooLargeMessage(file.size, 'transcripts')}`]);
        return;
      }
      const message = tooLargeMessage(file.size);
      setOutcome({ ok: false, fileName: file.name, text: '', errors: [{ file: file.name, line: 1, col: 1, path: '', message }] });
      return;
    }
    const text = await file.text();
    // The readers (YAML, schema, the attempt's rules) load with the first file opened.
    const { openScenarioFile, openTranscript } = await import('./openFile.ts');
    if (/\.json$/i.test(file.name)) {
      setOutcome(null);
      setTranscriptErrors(openTranscript(file.name, text, sizes));
      return;
    }
    setTranscriptErrors([]);
    setOutcome(openScenarioFile(file.name, text));
  }

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void accept(event.dataTransfer.files[0]);
  };

  return (
    <div
      className={dragging ? 'drop-zone is-dragging' : 'drop-zone'}
      data-testid="drop-zone"
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <main className="content library">
      {heading}
      <div className="open-file">
        <button type="button" className="button button-secondary" onClick={() => input.current?.click()} data-testid="open-file">
          Open scenario or transcript…
        </button>
        <span className="open-file-note">
          or drop a scenario <span className="mono">.yaml</span> or a transcript <span className="mono">.json</span> anywhere on this page
        </span>
        <input
          ref={input}
          type="file"
          accept=".yaml,.yml,.json,application/yaml,text/yaml,application/json"
          hidden
          data-testid="file-input"
          onChange={(e) => {
            void accept(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </div>
      <div aria-live="polite">
        {transcriptErrors.length > 0 && (
          <section className="scenario-errors" role="alert" data-testid="transcript-errors">
            <header className="scenario-errors-header">
              <h3>The transcript does not open</h3>
              <button type="button" className="button button-quiet" onClick={() => setTranscriptErrors([])}>Dismiss</button>
            </header>
            <ul className="scenario-error-list">
              {transcriptErrors.map((e) => <li key={e} className="scenario-error mono scenario-error-text">{e}</li>)}
            </ul>
          </section>
        )}
        {outcome && !outcome.ok && (
          <ScenarioErrors fileName={outcome.fileName} text={outcome.text} errors={outcome.errors} onDismiss={() => setOutcome(null)} />
        )}
        {outcome?.ok && (
          <p className="open-file-done" data-testid="open-file-done">
            {outcome.replaced ? 'Replaced' : 'Added'} <span className="mono">{outcome.id}</span> in your scenarios below.
          </p>
        )}
      </div>
      {children}
      </main>
      {dragging && <div className="drop-overlay" aria-hidden="true">Drop the scenario file to open it</div>}
    </div>
  );
}
