// What the studio shows beside the editor once the draft's world is ready: the fault's footprint
// (factual vs twin), whether the scenario can be solved at the file's seed and how, and each
// claim of the briefing against the world. While the checks run, the last results stay on
// screen, marked as out of date, under the progress bar.
import type { ReactNode } from 'react';
import type { Footprint, Study } from '../../engine/study.ts';
import { formatSigned } from '../../sim/query/format.ts';
import { SERIES_COLORS, type Series } from '../chartSeries.ts';
import { LineChart, type ChartAnnotation } from '../components/LineChart.tsx';
import { ProgressBar } from '../components/ProgressBar.tsx';
import type { StudyState } from './useDraftStudy.ts';
import { STUDIO_SEEDS, type SeedsState } from './useClaimSeeds.ts';

/** The check at other seeds: its state, what the draft's results would be keyed by now, and how to start or stop it. */
export interface SeedsControl {
  state: SeedsState;
  /** The current draft's key (null while it does not load). */
  key: string | null;
  run: () => void;
  stop: () => void;
}

const pct = (x: number) => `${x < 0 ? '−' : '+'}${Math.abs(x * 100).toFixed(1)}%`;

function Panel({ id, title, note, children }: { id: string; title: ReactNode; note?: ReactNode; children: ReactNode }) {
  return (
    <section className="panel studio-panel" aria-labelledby={id} data-testid={id}>
      <div className="panel-header">
        <div className="panel-heading">
          <h2 id={id}>{title}</h2>
          {note && <p className="panel-note">{note}</p>}
        </div>
      </div>
      <div className="studio-panel-body">{children}</div>
    </section>
  );
}

function footprintSeries(f: Footprint): Series[] {
  return f.lines.map((l) => ({
    key: `${l.group}-${l.world}`,
    label: `${l.group === 'segment' ? f.segment : `the rest (${f.rest})`}${l.world === 'twin' ? ', without the fault' : ''}`,
    color: SERIES_COLORS[l.group === 'segment' ? 0 : 1],
    muted: false,
    dashed: l.world === 'twin',
    points: l.points,
  }));
}

function FootprintPanel({ f }: { f: Footprint }) {
  const entries: ChartAnnotation[] = [
    ...f.timeline.map((t, i) => ({ day: t.day, label: t.text, tag: String(i + 1) })),
    ...(f.onsetDay !== null ? [{ day: f.onsetDay, label: 'the fault’s onset', tag: 'F' }] : []),
  ];
  // One marker per day (entries on the same day would hide each other): its tags and labels joined.
  const days = [...new Set(entries.map((e) => e.day))].sort((a, b) => a - b);
  const annotations = days.map((day) => {
    const on = entries.filter((e) => e.day === day);
    return { day, tag: on.map((e) => e.tag).join(''), label: on.map((e) => e.label).join('; ') };
  });
  return (
    <Panel
      id="studio-footprint"
      title="Footprint"
      note={f.broken ? <>{f.label} per day: solid lines the world, dashed its fault-free twin</> : <>{f.label} per day. Nothing broke: no fault to remove, so no twin to draw — the symptom as the learner sees it</>}
    >
      <LineChart
        series={footprintSeries(f)}
        unit={f.unit}
        days={[1, f.days]}
        height={220}
        xLabel="Day"
        yLabel={f.label}
        title={`${f.label} per day for ${f.segment}${f.rest ? ' and the rest' : ''}${f.broken ? ', with and without the fault' : ''}`}
        annotations={annotations}
      />
      <ul className="studio-legend">
        <li><span className="legend-swatch" style={{ background: SERIES_COLORS[0] }} aria-hidden="true" /> {f.segment} {f.broken && <span className="muted">(the segment that suffers)</span>}</li>
        {f.rest && <li><span className="legend-swatch" style={{ background: SERIES_COLORS[1] }} aria-hidden="true" /> the rest: {f.rest}</li>}
        {entries.map((a) => (
          <li key={`${a.tag}-${a.day}`}><span className="studio-tag">{a.tag}</span> day {a.day}: {a.label}</li>
        ))}
      </ul>
    </Panel>
  );
}

function SolvabilityPanel({ study }: { study: Study }) {
  const { solvability: report } = study;
  return (
    <Panel
      id="studio-solvability"
      title={<>{report.ok ? '✓ Solvable' : '✗ Not solvable'} at seed {study.seed}</>}
      note="As faultline solve reports it: each step of the ladder, the move that shows it, its effect and z"
    >
      <p data-testid="studio-truth"><strong>Truth:</strong> {study.truthLine}</p>
      <ul className="studio-checks">
        {report.steps.map((s) => (
          <li key={s.rung} className={s.ok ? 'is-ok' : 'is-bad'} data-testid="studio-step">
            <span className="studio-mark" aria-label={s.ok ? 'passes' : 'fails'}>{s.ok ? '✓' : '✗'}</span>
            <span className="studio-rung">{s.rung}</span> {s.move ?? '—'}
            {s.z !== null && (
              <span className="muted"> ({s.effect !== null ? `effect ${pct(s.effect)}${s.against != null ? ` against ${pct(s.against)} for the rest` : ''}, ` : ''}z {formatSigned(s.z)})</span>
            )}
            {s.problem && <p className="studio-problem">{s.problem}</p>}
            {s.advice?.length ? (
              <div className="studio-advice">
                What would help:
                <ul>{s.advice.map((a) => <li key={a}>{a}</li>)}</ul>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      <h3 className="studio-subheading">Expert path</h3>
      <ol className="studio-expert" data-testid="studio-expert">
        {study.expert.map((e, i) => (
          <li key={i}>
            {e.move}
            {e.reveals.length ? <span className="muted"> — reveals {e.reveals.join(', ')}</span> : null}
          </li>
        ))}
      </ol>
    </Panel>
  );
}

function SeedsResults({ study, seeds }: { study: Study; seeds: SeedsControl }) {
  const { state } = seeds;
  const done = state.status === 'idle' ? [] : state.done;
  const stale = state.status !== 'idle' && state.key !== seeds.key;
  return (
    <div className="studio-seeds" data-testid="studio-seeds" data-state={state.status}>
      <div className="studio-seeds-actions">
        {state.status === 'running' ? (
          <button type="button" className="button button-small button-secondary" onClick={seeds.stop} data-testid="studio-seeds-stop">Stop</button>
        ) : (
          <button type="button" className="button button-small button-secondary" onClick={seeds.run} disabled={!seeds.key || !study.claims.length} data-testid="studio-seeds-run">
            {done.length && !stale ? 'Check the other seeds again' : 'Check at other seeds'}
          </button>
        )}
        <span className="muted">a learner may get another seed (another variant): the claims should hold there too</span>
      </div>
      {state.status === 'running' && <ProgressBar fraction={state.fraction} label={state.label} />}
      {state.status === 'failed' && <p className="failure-message" role="alert">The check stopped: {state.message}</p>}
      {state.status === 'done' && state.stopped && <p className="studio-stale" role="status">Stopped after {done.length} of {STUDIO_SEEDS} seeds.</p>}
      {stale && done.length > 0 && <p className="studio-stale">The draft changed since: these are for it as it was.</p>}
      {done.length > 0 && (
        <ul className={`studio-checks${stale ? ' is-stale' : ''}`} data-testid="studio-seed-results">
          {study.claims.map((c, i) => {
            const at = done.map((d) => ({ seed: d.seed, check: d.checks[i] })).filter((d) => d.check && d.check.claim.says === c.claim.says);
            const failing = at.filter((d) => !d.check.ok);
            return (
              <li key={i} className={failing.length ? 'is-bad' : 'is-ok'} data-testid="studio-seed-claim">
                <span className="studio-mark" aria-label={failing.length ? 'fails somewhere' : 'holds'}>{failing.length ? '✗' : '✓'}</span>
                {c.claim.says}: holds at {at.length - failing.length} of {at.length} seed{at.length === 1 ? '' : 's'} ({at.map((d) => d.seed).join(', ')})
                {failing.map((d) => (
                  <p key={d.seed} className="studio-problem">seed {d.seed}: {d.check.problems.join('; ')}</p>
                ))}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

function ClaimsPanel({ study, seeds }: { study: Study; seeds: SeedsControl }) {
  const failed = study.claims.filter((c) => !c.ok).length;
  return (
    <Panel
      id="studio-claims"
      title={study.claims.length ? `Claims: ${study.claims.length - failed} of ${study.claims.length} hold` : 'Claims'}
      note={`At seed ${study.seed}, the file's (faultline test checks the same; --seeds N checks seeds 1 … N)`}
    >
      {study.claims.length ? (
        <ul className="studio-checks">
          {study.claims.map((c, i) => (
            <li key={i} className={c.ok ? 'is-ok' : 'is-bad'} data-testid="studio-claim">
              <span className="studio-mark" aria-label={c.ok ? 'holds' : 'fails'}>{c.ok ? '✓' : '✗'}</span>
              {c.claim.says}:{' '}
              {c.written ? `${c.written[0]} → ${c.written[1]} (${c.change !== null ? pct(c.change) : '—'}, z ${c.z === null ? '—' : formatSigned(c.z)})` : 'no number'}
              <span className="muted"> · stated {pct(c.claim.change)} ± {(c.claim.within * 100).toFixed(1).replace(/\.0$/, '')}%</span>
              {!c.ok && <p className="studio-problem">{c.problems.join('; ')}</p>}
            </li>
          ))}
        </ul>
      ) : (
        <p>No claims yet: state each number of the briefing under <span className="mono">claims:</span> (see the guide) and it is checked here.</p>
      )}
      {study.claims.length > 0 && <SeedsResults study={study} seeds={seeds} />}
    </Panel>
  );
}

export function StudyPanels({ state, loads, seeds }: { state: StudyState; loads: boolean; seeds: SeedsControl }) {
  const study = state.status === 'ready' ? state.study : state.status === 'idle' ? null : state.previous;
  const stale = state.status !== 'ready' || !loads;
  return (
    <div className="studio-study" aria-busy={state.status === 'working'} data-testid="studio-study" data-state={state.status} data-edit={state.status === 'ready' ? state.edit : undefined}>
      {state.status === 'idle' && <p className="muted">When the draft loads, its world is generated here and the draft is checked against it.</p>}
      {state.status === 'working' && <ProgressBar fraction={state.fraction} label={state.label} />}
      {state.status === 'failed' && <p className="failure-inline" role="alert">The checks could not run: {state.message}</p>}
      {study && stale && <p className="studio-stale" role="status">{loads ? 'Updating: these results are for the draft as it was.' : 'The draft does not load: these results are for its last version that did.'}</p>}
      {study && (
        <div className={stale ? 'is-stale' : undefined}>
          <SolvabilityPanel study={study} />
          {study.footprint ? <FootprintPanel f={study.footprint} /> : <Panel id="studio-footprint" title="Footprint"><p>The symptom cannot be sliced by the segment.</p></Panel>}
          <ClaimsPanel study={study} seeds={seeds} />
        </div>
      )}
    </div>
  );
}

