// After the diagnosis is submitted: what was claimed, and where to go next (the debrief is in
// the centre column).
import type { Action } from '../../scenario/actions.ts';
import { navigate, workspaceSearch, type Mode } from '../route.ts';
import { newSeed } from '../library/newSeed.ts';
import type { WorldSizes } from '../../sim/config.ts';
import { atClock } from './describeAction.ts';
import { describeFilter } from './explorerQuery.ts';

interface SubmittedPanelProps {
  submit: Extract<Action, { type: 'submit' }>;
  scenarioId: string;
  mode: Mode;
  sizes: Partial<WorldSizes>;
  onRetrySameSeed: () => void;
}

export function SubmittedPanel({ submit, scenarioId, mode, sizes, onRetrySameSeed }: SubmittedPanelProps) {
  const d = submit.diagnosis;
  return (
    <section className="side-panel submitted" aria-labelledby="submitted-title" data-testid="submitted">
      <h2 id="submitted-title" className="side-title">Submitted at {atClock(submit.at)}</h2>
      <dl className="diagnosis-summary">
        <div><dt>Stage</dt><dd>{d.stage ?? '—'}</dd></div>
        <div><dt>Component</dt><dd className="mono">{d.component ?? '—'}</dd></div>
        <div><dt>Cause</dt><dd className="mono">{d.cause}</dd></div>
        <div><dt>Segment</dt><dd>{describeFilter(d.segment) || 'everyone'}</dd></div>
        {d.also?.length ? <div><dt>Also acting</dt><dd className="mono">{d.also.map((f) => `${f.cause} in ${f.component}`).join('; ')}</dd></div> : null}
        {d.remediation && <div><dt>Remediation</dt><dd>{d.remediation}</dd></div>}
      </dl>
      <div className="submitted-actions">
        <button type="button" className="button button-secondary button-small" onClick={onRetrySameSeed}>Retry, same seed</button>
        <button type="button" className="button button-secondary button-small" onClick={() => navigate(workspaceSearch(scenarioId, newSeed(), mode, sizes))}>
          Retry, new seed
        </button>
      </div>
    </section>
  );
}
