// The debrief: the score and its parts, the truth beside the diagnosis, every move with its
// judgement and reason, the expert path, what was missed, and the scenario's own debrief text.
// Exports the transcript (JSON) and the debrief (Markdown).
import { useEffect } from 'react';
import { attend } from './attention.ts';
import type { Action } from '../../scenario/actions.ts';
import type { Transcript } from '../../scenario/transcript.ts';
import type { Grade } from '../../engine/grade.ts';
import { efficiencyLine } from '../../engine/debrief.ts';
import { downloadText } from '../attempt/download.ts';
import { Markdown } from '../components/Markdown.tsx';
import { ProgressBar } from '../components/ProgressBar.tsx';
import { ACTION_LABELS, atClock, describeAction } from './describeAction.ts';
import { describeFilter } from './explorerQuery.ts';
import type { GradeState } from './useGrade.ts';
import { RecordExample } from '../studio/RecordExample.tsx';

const PARTS = ['correctness', 'directness', 'evidence', 'efficiency'] as const;
const CLASS_MARK: Record<string, string> = { revealing: '▲', confirming: '✓', uninformative: '·', premature: '!', misled: '✗' };

interface DebriefPanelProps {
  state: GradeState;
  transcript: Transcript;
  fileStem: string;
  onRetry: () => void;
  /** Step through: re-open what one of the learner's moves showed. */
  onReplay: (action: Action) => void;
  /** Played from the studio: the draft the attempt can be recorded in as an example. */
  draftId?: string | null;
}

export function DebriefPanel({ state, transcript, fileStem, onRetry, onReplay, draftId }: DebriefPanelProps) {
  // The debrief appears at the top of the centre column: bring it into view, its heading focused
  // (after a submit the dialog and its button are gone; after a reload nothing else is).
  useEffect(() => {
    attend('debrief-title');
  }, []);
  return (
    <section className="panel debrief" aria-labelledby="debrief-title" data-testid="debrief">
      <header className="explorer-header debrief-header">
        <h2 id="debrief-title" className="panel-title" tabIndex={-1}>Debrief</h2>
        <div className="debrief-exports">
          <button type="button" className="button button-secondary button-small" data-testid="download-transcript"
            onClick={() => downloadText(`${fileStem}-transcript.json`, JSON.stringify(transcript, null, 2) + '\n')}>
            Transcript (JSON)
          </button>
          {state.status === 'graded' && (
            <button type="button" className="button button-secondary button-small" data-testid="download-debrief"
              onClick={() => downloadText(`${fileStem}-debrief.md`, state.graded.markdown + '\n', 'text/markdown')}>
              Debrief (Markdown)
            </button>
          )}
        </div>
      </header>
      <div className="debrief-body">
        {(state.status === 'grading' || state.status === 'idle') && (
          <div className="debrief-progress">
            <ProgressBar fraction={state.status === 'grading' ? state.fraction : 0} label="Grading: simulating the world without the fault to compare against" />
          </div>
        )}
        {state.status === 'failed' && (
          <div className="failure-inline" role="alert">
            <p className="failure-message">The attempt could not be graded: {state.message}</p>
            <button type="button" className="button button-small" onClick={onRetry}>Retry</button>
          </div>
        )}
        {state.status === 'graded' && draftId && <RecordExample draftId={draftId} transcript={transcript} score={state.graded.grade.score} />}
        {state.status === 'graded' && <GradeView grade={state.graded.grade} transcript={transcript} onReplay={onReplay} />}
      </div>
    </section>
  );
}

function GradeView({ grade: g, transcript, onReplay }: { grade: Grade; transcript: Transcript; onReplay: (action: Action) => void }) {
  const submit = transcript.actions.find((a): a is Extract<Action, { type: 'submit' }> => a.type === 'submit');
  const d = submit?.diagnosis;
  const t = g.truth;
  const claimRow = (k: 'stage' | 'component' | 'cause' | 'segment', yours: string, truth: string) => {
    const c = g.claims[k];
    const verdict = c.right >= 1 ? (c.backed ? 'right' : 'right, unbacked') : c.right > 0 ? `${Math.round(c.right * 100)}% overlap` : 'wrong';
    return (
      <tr key={k}>
        <th scope="row">{k}</th>
        <td className="mono">{yours}</td>
        <td className="mono">{truth}</td>
        <td><span className={`verdict verdict-${c.right >= 1 && c.backed ? 'ok' : c.right > 0 ? 'partial' : 'wrong'}`}>{verdict}</span></td>
      </tr>
    );
  };
  return (
    <div className="grade">
      <div className="grade-score">
        <div className="score-number" data-testid="score">{g.score}</div>
        <div className="score-caption">of 100</div>
      </div>
      <div className="grade-parts" data-testid="score-breakdown">
        {PARTS.map((p) => (
          <div key={p} className="grade-part" data-part={p}>
            <span className="grade-part-label">{p} <span className="muted">×{g.weights[p]}</span></span>
            <span className="inline-bar wide"><span className="inline-bar-fill score-fill" style={{ width: `${g.breakdown[p]}%` }} /></span>
            <span className="num" data-testid="part-value">{g.breakdown[p]}</span>
          </div>
        ))}
        {g.efficiency ? <p className="muted grade-arithmetic" data-testid="efficiency-arithmetic">{efficiencyLine(g)}</p> : null}
      </div>
      <div className="grade-section">
        <h3 className="subhead">Your diagnosis against the truth</h3>
        <table className="data-table wrap claims" data-testid="claims">
          <thead><tr><th scope="col"><span className="visually-hidden">part</span></th><th scope="col">yours</th><th scope="col">truth</th><th scope="col"><span className="visually-hidden">verdict</span></th></tr></thead>
          <tbody>
            {claimRow('stage', d?.stage ?? '—', t.stage ?? '—')}
            {claimRow('component', d?.component ?? '—', t.component ?? '—')}
            {claimRow('cause', d?.cause ?? '—', t.cause)}
            {claimRow('segment', describeFilter(d?.segment) || 'everyone', describeFilter(t.segment) || 'everyone')}
            {(t.others.length > 0 || (d?.also?.length ?? 0) > 0) && (
              <tr data-testid="claim-also">
                <th scope="row">also acting</th>
                <td>{d?.also?.map((f) => `${f.cause} in ${f.component}`).join('; ') || '—'}</td>
                <td>{t.others.map((f) => `${f.cause} in ${f.component} (day ${f.onsetDay})`).join('; ') || '—'}</td>
                <td>{(g.missedFaults ?? []).length ? `${Math.round((g.credit ?? 1) * 100)}% credit` : '✓'}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <div className="grade-columns">
        <div className="grade-section">
          <h3 className="subhead">Your moves <span className="subhead-note">click a view to re-open it below</span></h3>
          <ol className="judged" data-testid="judged-moves">
            {g.actions.map((a) => (
              <li key={a.index} className="judged-move" data-classification={a.classification}>
                <div className="judged-head">
                  <span className="trail-at mono">{atClock(a.at)}</span>
                  <span className={`classification classification-${a.classification}`}>{CLASS_MARK[a.classification]} {a.classification}</span>
                  {a.reveals.length > 0 && <span className="reveals">→ {a.reveals.join(', ')}</span>}
                </div>
                <div className="judged-what">
                  {['query', 'inspect', 'contrast'].includes(a.type) ? (
                    <button type="button" className="link-button" title="Re-open this view below" onClick={() => onReplay(transcript.actions[a.index])}>
                      {ACTION_LABELS[a.type]}: {describeAction(transcript.actions[a.index])}
                    </button>
                  ) : (
                    <>{ACTION_LABELS[a.type]}: {describeAction(transcript.actions[a.index])}</>
                  )}
                </div>
                <div className="judged-reason">{a.reason}</div>
              </li>
            ))}
          </ol>
        </div>
        <div className="grade-section">
          <h3 className="subhead">The expert path</h3>
          <ol className="judged" data-testid="expert-path">
            {g.expertPath.map((s) => (
              <li key={s.index} className="judged-move">
                <div className="judged-what">{ACTION_LABELS[s.action.type]}: {describeAction(s.action)}</div>
                {s.reveals.length > 0 && <div className="reveals">→ {s.reveals.join(', ')}</div>}
                <div className="judged-reason">{s.reason}</div>
              </li>
            ))}
          </ol>
          {(g.missedFaults ?? []).length > 0 && (
            <>
              <h3 className="subhead">Faults you did not name</h3>
              <ul className="missed" data-testid="missed-faults">
                {g.missedFaults.map((f) => <li key={`${f.cause}|${f.component}`}><strong>{f.cause} in {f.component}</strong> (from day {f.onsetDay}): {f.expert ?? 'no single move shows it at this seed'}</li>)}
              </ul>
            </>
          )}
          {g.missed.length > 0 && (
            <>
              <h3 className="subhead">What you missed</h3>
              <ul className="missed">
                {g.missed.map((m) => <li key={m.rung}><strong>{m.rung}</strong>: {m.expert ?? 'no single move shows it at this seed'}</li>)}
              </ul>
            </>
          )}
        </div>
      </div>
      {g.debrief && (
        <div className="grade-section">
          <h3 className="subhead">What happened</h3>
          <Markdown text={g.debrief} />
        </div>
      )}
    </div>
  );
}
