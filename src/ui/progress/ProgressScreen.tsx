// The learner's progress (?view=progress): every graded attempt of theirs in this browser, as a
// profile of how they investigate — five skills, overall, by stage and by fault kind — with
// their scores over time, and what to practise next: a built-in that teaches the kind they are
// weakest at, or a generated incident of that kind. Exported and imported as one JSON file.
import { useRef, useState } from 'react';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { SKILL_LABELS, SKILLS, profileOf, suggestionOf, type Group, type ProgressEntry } from '../../engine/progress.ts';
import { AppBar } from '../components/AppBar.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { downloadText } from '../attempt/download.ts';
import { navigate, workspaceSearch } from '../route.ts';
import { BUILT_IN_SCENARIOS } from '../library/builtInScenarios.ts';
import { newSeed } from '../library/newSeed.ts';
import { useElementWidth } from '../components/useElementWidth.ts';
import { exportProgress, importProgress, readProgress } from './progressStore.ts';

const percent = (x: number) => `${Math.round(x * 100)}%`;

function SkillCells({ group }: { group: Group }) {
  return (
    <>
      <td className="num">{group.n}</td>
      <td className="num">{Math.round(group.score)}</td>
      {SKILLS.map((s) => (
        <td key={s} className="num">
          <span className="inline-bar" aria-hidden="true"><span className="inline-bar-fill" style={{ width: percent(group.skills[s]) }} /></span> {percent(group.skills[s])}
        </td>
      ))}
    </>
  );
}

function ProfileTable({ caption, rows, testId }: { caption: string; rows: [string, Group][]; testId: string }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="data-table progress-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col"><span className="visually-hidden">group</span></th>
            <th scope="col">attempts</th>
            <th scope="col">mean score</th>
            {SKILLS.map((s) => <th key={s} scope="col">{SKILL_LABELS[s]}</th>)}
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, g]) => (
            <tr key={name} data-row={name}>
              <th scope="row" className="mono">{name}</th>
              <SkillCells group={g} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Scores over time: one dot per attempt, in order, with the running mean of the last five. */
function ScoreTrend({ entries }: { entries: ProgressEntry[] }) {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const height = 180;
  const m = { top: 10, right: 16, bottom: 30, left: 40 };
  const x = scaleLinear().domain([1, Math.max(2, entries.length)]).range([m.left, Math.max(m.left + 1, width - m.right)]);
  const y = scaleLinear().domain([0, 100]).range([height - m.bottom, m.top]);
  const running = entries.map((_, i) => {
    const last = entries.slice(Math.max(0, i - 4), i + 1);
    return last.reduce((a, e) => a + e.score, 0) / last.length;
  });
  const path = line<number>().x((_, i) => x(i + 1)).y((v) => y(v))(running) ?? '';
  return (
    <div ref={ref} className="progress-trend" data-testid="progress-trend">
      {width > 0 && (
        <svg width={width} height={height} role="img" aria-label={`Scores of ${entries.length} attempts in order, with the mean of the last five`}>
          {[0, 50, 100].map((v) => (
            <g key={v}>
              <line x1={m.left} x2={width - m.right} y1={y(v)} y2={y(v)} className="trend-grid" />
              <text x={m.left - 6} y={y(v) + 4} textAnchor="end" className="trend-tick">{v}</text>
            </g>
          ))}
          <text x={(m.left + width - m.right) / 2} y={height - 6} textAnchor="middle" className="trend-tick">attempt</text>
          <path d={path} className="trend-line" />
          {entries.map((e, i) => (
            <circle key={e.id} cx={x(i + 1)} cy={y(e.score)} r={3.5} className={e.generated ? 'trend-dot is-generated' : 'trend-dot'}>
              <title>{`${new Date(e.at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })} · ${e.scenario}: ${e.score}`}</title>
            </circle>
          ))}
        </svg>
      )}
    </div>
  );
}

export function ProgressScreen() {
  const [{ entries, problem }, setRead] = useState(readProgress);
  const [notice, setNotice] = useState<string[]>([]);
  const file = useRef<HTMLInputElement>(null);
  const sorted = [...entries].sort((a, b) => a.at - b.at);
  const profile = profileOf(sorted);
  const next = suggestionOf(sorted);
  const teaches = BUILT_IN_SCENARIOS.find((e) => e.ok && e.scenario.faults.some((f) => f.kind === next.kind));
  const onImport = async (f: File) => {
    const result = importProgress(f.name, await f.text());
    setNotice([`${result.added} attempt${result.added === 1 ? '' : 's'} added from ${f.name}.`, ...result.problems]);
    setRead(readProgress());
  };
  return (
    <div className="app">
      <AppBar />
      <main className="content progress-screen">
        <PageHeading
          title="Your progress"
          subtitle={<p>{sorted.length ? `${sorted.length} graded attempt${sorted.length === 1 ? '' : 's'} in this browser.` : 'No graded attempt yet: play a scenario or a random incident to its debrief.'}</p>}
          actions={
            <>
              <button type="button" className="button button-secondary" disabled={!sorted.length} onClick={() => downloadText('faultline-progress.json', exportProgress(sorted))} data-testid="progress-export">Export</button>
              <button type="button" className="button button-secondary" onClick={() => file.current?.click()} data-testid="progress-import">Import…</button>
              <input ref={file} type="file" accept=".json,application/json" hidden onChange={(e) => { const f = e.target.files?.[0]; if (f) void onImport(f); e.target.value = ''; }} data-testid="progress-file" />
              <button type="button" className="button button-quiet" onClick={() => navigate('')}>Library</button>
            </>
          }
        />
        {[problem, ...notice].filter(Boolean).map((n) => <p key={n} className="notice" role="status">{n}</p>)}
        <section className="panel progress-next" aria-labelledby="progress-next" data-testid="progress-next">
          <h2 id="progress-next">Practise next: <span className="mono">{next.kind}</span></h2>
          <p>Because {next.because}{next.skill ? `; your weakest skill there is ${SKILL_LABELS[next.skill].toLowerCase()}` : ''}.</p>
          <div className="page-actions">
            {teaches?.ok && (
              <button type="button" className="button button-secondary" onClick={() => navigate(workspaceSearch(teaches.scenario.id, newSeed(), 'practice'))}>
                {teaches.scenario.title} (built-in, a new seed)
              </button>
            )}
            <button type="button" className="button" onClick={() => navigate(`?incident=${newSeed()}&kind=${next.kind}`)} data-testid="progress-incident">
              A generated incident of this kind
            </button>
          </div>
        </section>
        {profile.overall && (
          <>
            <section className="panel" aria-labelledby="progress-trend-title">
              <h2 id="progress-trend-title" className="panel-title">Scores over time</h2>
              <ScoreTrend entries={sorted} />
              <p className="muted progress-legend">
                <span className="legend-dot" aria-hidden="true" /> a built-in or opened scenario · <span className="legend-dot is-generated" aria-hidden="true" /> a generated
                incident · the line: the mean of the last five attempts
              </p>
            </section>
            <section className="panel" aria-labelledby="progress-profile-title">
              <h2 id="progress-profile-title" className="panel-title">How you investigate</h2>
              <p className="muted">
                Scoping: found who suffers before digging. Localisation: found the stage and the component. Evidence and efficiency: those parts of
                the grade. Resisting distractors: no move chased a false lead. Each is the mean over the attempts in the row.
              </p>
              <ProfileTable caption="All attempts" rows={[['all', profile.overall]]} testId="progress-overall" />
              <ProfileTable caption="By stage" rows={Object.entries(profile.byStage)} testId="progress-by-stage" />
              <ProfileTable caption="By fault kind" rows={Object.entries(profile.byKind)} testId="progress-by-kind" />
            </section>
          </>
        )}
      </main>
    </div>
  );
}
