// "Open scenario file…": a file picker, and the whole drop zone accepts a dragged .yaml file.
// A broken file shows its line-numbered errors; a valid one joins the library.
import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import { useOpenedScenarios, type OpenOutcome } from './openedScenarios.ts';
import { ScenarioErrors } from './ScenarioErrors.tsx';
import { MAX_FILE_BYTES, tooLargeMessage } from '../../scenario/limits.ts';

/** The library page as a drop zone: `heading`, then the open-file row and its outcome, then `children`. */
export function OpenScenarioFile({ heading, children }: { heading: ReactNode; children: ReactNode }) {
  const open = useOpenedScenarios((s) => s.open);
  const input = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<OpenOutcome | null>(null);
  const [dragging, setDragging] = useState(false);

  async function accept(file: File | undefined) {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      // Refused before reading it into memory; the loader would say the same.
      const message = tooLargeMessage(file.size);
      setOutcome({ ok: false, fileName: file.name, text: '', errors: [{ file: file.name, line: 1, col: 1, path: '', message }] });
      return;
    }
    setOutcome(open(file.name, await file.text()));
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
          Open scenario file…
        </button>
        <span className="open-file-note">or drop a <span className="mono">.yaml</span> file anywhere on this page</span>
        <input
          ref={input}
          type="file"
          accept=".yaml,.yml,application/yaml,text/yaml"
          hidden
          data-testid="file-input"
          onChange={(e) => {
            void accept(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </div>
      <div aria-live="polite">
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
