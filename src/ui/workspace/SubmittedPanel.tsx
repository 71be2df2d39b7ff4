// After the diagnosis is submitted: what was claimed, the transcript to download (the CLI grades
// it: `faultline grade <scenario> <file>`), and where to go next. The debrief, with the score and
// the expert path, is the engine's to give.
import type { Action } from '../../scenario/actions.ts';
import type { Transcript } from '../../scenario/transcript.ts';
import { downloadText } from '../attempt/download.ts';
import { navigate, workspaceSearch, type Mode } from '../route.ts';
import { newSeed } from '../library/newSeed.ts';
import type { WorldSizes } from '../../sim/config.ts';
import { atClock } from './describeAction.ts';
import { describeFilter } from './explorerQuery.ts';

interface SubmittedPanelProps {
  submit: Extract<Action, { type: 'submit' }>;
  transcript: Transcript;
  scenarioId: string;
  seed: number;
  mode: Mode;
  sizes: Partial<WorldSizes>;
  onRetrySameSeed: () => void;
}

export function SubmittedPanel({ submit, transcript, scenarioId, seed, mode, sizes, onRetrySameSeed }: SubmittedPanelProps) {
  const d = submit.diagnosis;
  const fileName = `${scenarioId}-${seed}-transcript.json`;
  return (
    <section className="side-panel submitted" aria-labelledby="submitted-title" data-testid="submitted">
      <h2 id="submitted-title" className="side-title">Submitted at {atClock(submit.at)}</h2>
      <dl className="diagnosis-summary">
        <div><dt>Stage</dt><dd>{d.stage ?? '—'}</dd></div>
        <div><dt>Component</dt><dd className="mono">{d.component ?? '—'}</dd></div>
        <div><dt>Cause</dt><dd className="mono">{d.cause}</dd></div>
        <div><dt>Segment</dt><dd>{describeFilter(d.segment) || 'everyone'}</dd></div>
        {d.remediation && <div><dt>Remediation</dt><dd>{d.remediation}</dd></div>}
      </dl>
      <p className="side-empty">
        Grade it with <code>faultline grade {scenarioId} {fileName}</code>; the in-app debrief comes with the engine.
      </p>
      <div className="submitted-actions">
        <button type="button" className="button button-small" data-testid="download-transcript" onClick={() => downloadText(fileName, JSON.stringify(transcript, null, 2) + '\n')}>
          Download transcript
        </button>
        <button type="button" className="button button-secondary button-small" onClick={onRetrySameSeed}>Retry, same seed</button>
        <button type="button" className="button button-secondary button-small" onClick={() => navigate(workspaceSearch(scenarioId, newSeed(), mode, sizes))}>
          Retry, new seed
        </button>
      </div>
    </section>
  );
}
