// The workspace for one scenario's world (?scenario=ID&seed=N&mode=…): briefing and pipeline map
// on the left; the metric explorer in the centre; changelog, notebook and action trail on the right.
// The world generates in the worker while the learner reads the briefing; the attempt's clock
// starts when it is ready.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { scenarioWorld } from '../../scenario/scenarioWorld.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { Action } from '../../scenario/actions.ts';
import type { ComponentId, InspectorView, MetricId, Stage } from '../../sim/vocabulary.ts';
import type { HealthStatus } from '../../sim/inspect/stageHealth.ts';
import type { InspectSpec } from '../../sim/inspect/request.ts';
import { AttemptSession, hasEnded, useAttempt, type Move } from '../attempt/session.ts';
import { discardAttempt, loadAttempt, resumeOf, saveAttempt, storageKey, transcriptOf, type AttemptKey } from '../attempt/autosave.ts';
import { recordAttempt } from '../library/attemptStats.ts';
import { DebriefPanel } from './DebriefPanel.tsx';
import { recordProgress } from '../progress/progressStore.ts';
import { skillsOf } from '../../engine/progress.ts';
import { useGrade } from './useGrade.ts';
import { ContrastPanel } from './ContrastPanel.tsx';
import { useExplorerQuery } from './useExplorerQuery.ts';
import type { ContrastSpec } from '../../engine/contrast.ts';
import { AppBar } from '../components/AppBar.tsx';
import { Markdown } from '../components/Markdown.tsx';
import { attemptRules } from '../attempt/rules.ts';
import { findScenario } from '../library/openedEntries.ts';
import { incidentSearchOf, navigate, type Route } from '../route.ts';
import { useWorld } from '../useWorld.ts';
import { ActionTrail } from './ActionTrail.tsx';
import { changelogOf } from './changelog.ts';
import { ChangelogPanel } from './ChangelogPanel.tsx';
import { useExplorer } from './explorerStore.ts';
import { selectionOf } from './explorerQuery.ts';
import { MetricExplorer } from './MetricExplorer.tsx';
import { HintsPanel } from './HintsPanel.tsx';
import { DiagnosisForm } from './DiagnosisForm.tsx';
import { SubmittedPanel } from './SubmittedPanel.tsx';
import { InspectorPanel, inspectSpecOf } from './InspectorPanel.tsx';
import { defaultViewFor, useInspector } from './inspectorStore.ts';
import { Notebook } from './Notebook.tsx';
import { PipelineMap } from './PipelineMap.tsx';
import { Timer } from './Timer.tsx';
import { attend } from './attention.ts';

type WorkspaceRoute = Extract<Route, { view: 'workspace' }>;

export function WorkspaceScreen({ route }: { route: WorkspaceRoute }) {
  const entry = findScenario(route.scenarioId);
  if (!entry) return <ScenarioNotFound id={route.scenarioId} />;
  return <Workspace scenario={entry.scenario} route={route} />;
}

function Workspace({ scenario, route }: { scenario: Scenario; route: WorkspaceRoute }) {
  const seed = route.seed ?? scenario.world.seed;
  const sizesKey = JSON.stringify(route.sizes);
  const request = useMemo(
    () => scenarioWorld(scenario, { config: { seed, ...JSON.parse(sizesKey) } }),
    [scenario, seed, sizesKey],
  );
  const { state: world, retry } = useWorld(request);
  const attemptKey = useMemo<AttemptKey>(
    () => ({ scenario: scenario.id, seed, mode: route.mode, sizes: JSON.parse(sizesKey), ...(route.replay ? { replay: route.replay } : {}) }),
    [scenario.id, seed, route.mode, sizesKey, route.replay],
  );
  // Interview mode has no hints; a scenario may also switch them off (tools.hints: false).
  const { limitMinutes: limit, hints, input } = attemptRules(scenario, route.mode);
  // The attempt is the statechart's actor: a saved one for this scenario, seed, mode and size
  // resumes; otherwise a new one starts.
  const [{ session, problem: resumeProblem }] = useState(() => {
    const { saved, problem } = loadAttempt(attemptKey);
    return { session: new AttemptSession(input, saved ? resumeOf(saved) : null), problem };
  });
  const attempt = useAttempt(session);
  const actions = attempt.context.actions;
  const [saveProblem, setSaveProblem] = useState<string | null>(null);
  const discarded = useRef(false);

  // Autosave: the actor's persisted snapshot after every transition, and when the page is hidden.
  useEffect(() => {
    const save = () => {
      if (session.started && !discarded.current) setSaveProblem(saveAttempt(attemptKey, session));
    };
    const unsubscribe = session.subscribe(save);
    const onHide = () => {
      if (document.visibilityState === 'hidden') save();
    };
    window.addEventListener('pagehide', save);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      unsubscribe();
      window.removeEventListener('pagehide', save);
      document.removeEventListener('visibilitychange', onHide);
    };
  }, [session, attemptKey]);

  useEffect(() => {
    useExplorer.getState().reset();
    useInspector.getState().reset();
  }, []);
  const ready = world.status === 'ready';
  const [started, setStarted] = useState(false);

  const deploys = world.status === 'ready' ? world.info.deploys : null;
  const changelog = useMemo(() => (deploys ? changelogOf(scenario.timeline, deploys) : null), [deploys, scenario.timeline]);
  const changelogOpened = actions.some((a) => a.type === 'changelog');
  const openStage = useCallback((metric: MetricId) => useExplorer.getState().set({ metric, groupBy: null }), []);
  // Stage health the learner has seen (a stage health inspector they opened): only then does the map show it.
  const [health, setHealth] = useState<Partial<Record<Stage, HealthStatus>>>({});
  const onHealth = useCallback((seen: Partial<Record<Stage, HealthStatus>>) => setHealth((h) => ({ ...h, ...seen })), []);
  // The world's days once it is ready, else those asked for; the explorer's current view.
  const defaultDays = request.config.days ?? scenario.world.days;
  const { query: explorerNow, days } = useExplorerQuery(world, defaultDays);
  /** Shows an inspector view; the learner's own openings are recorded, replays are not; `scroll`: brought into view and focused. */
  const showInspector = useCallback(
    (spec: InspectSpec, record: boolean, scroll = true) => {
      const inspector = useInspector.getState();
      inspector.set({
        view: spec.view as InspectorView,
        component: (spec.component ?? null) as ComponentId | null,
        window: spec.window ? [spec.window[0], spec.window[1]] : null,
        feature: spec.feature ?? null,
      });
      inspector.show(spec);
      if (record) session.record({ type: 'inspect', ...spec } as Move);
      if (scroll) attend('inspector-title');
    },
    [session],
  );
  const inspectComponent = useCallback(
    (component: ComponentId) => {
      if (!session.started) return;
      showInspector(inspectSpecOf({ view: defaultViewFor(component), component, window: null, feature: null }, days), true);
    },
    [showInspector, session, days],
  );
  const [contrastShown, setContrastShown] = useState<ContrastSpec | null>(null);
  /**
   * Re-opens what a recorded move showed (from the trail or the debrief): a replay, not a move —
   * brought into view and focused, unless it is the resume of a reloaded attempt (`scroll`
   * false: the debrief, or the top of the page, keeps the person's place).
   */
  const replay = useCallback(
    (a: Action, scroll = true) => {
      const { at: _at, type: _type, ...spec } = a as Action & Record<string, unknown>;
      if (a.type === 'query') {
        useExplorer.getState().replay(selectionOf(a));
        if (scroll) attend('explorer-title');
      } else if (a.type === 'inspect') showInspector(spec as InspectSpec, false, scroll);
      else if (a.type === 'contrast') {
        setContrastShown(spec as unknown as ContrastSpec);
        if (scroll) attend('contrast-title');
      }
    },
    [showInspector],
  );
  useEffect(() => {
    if (!ready || session.started) return;
    session.start();
    setStarted(true);
    // A resumed attempt re-opens the last view, contrast and inspector it had (replays, not moves).
    for (const type of ['query', 'contrast', 'inspect'] as const) {
      const last = [...session.actions].reverse().find((a) => a.type === type);
      if (last) replay(last, false);
    }
  }, [ready, session, replay]);
  const startOver = () => {
    discarded.current = true; // the reload's pagehide must not save it again
    discardAttempt(attemptKey);
    window.location.reload();
  };
  const restart = () => {
    if (window.confirm('Start this attempt over? Its trail and notes will be discarded.')) startOver();
  };
  const [diagnosing, setDiagnosing] = useState(false);
  // The contrast view is a practice-mode tool, unless the scenario switches it off.
  const contrastOn = route.mode === 'practice' && scenario.tools?.contrast !== false;
  const submitted = actions.find((a): a is Extract<Action, { type: 'submit' }> => a.type === 'submit') ?? null;
  const timedOut = attempt.context.timedOut;
  const ended = hasEnded(attempt);
  const open = started && !ended;
  const grading = useGrade(ready ? world.client : null, scenario, actions, ended, (graded) => {
    const attemptId = `${storageKey(attemptKey)}@${submitted?.at}/${actions.length}`;
    recordAttempt(scenario.id, attemptId, graded.grade.score);
    // The learner's own attempts make their progress (an opened transcript is someone else's).
    if (!route.replay) {
      const g = graded.grade;
      recordProgress({ id: attemptId, scenario: scenario.id, kind: g.truth.cause, stage: g.truth.stage, at: Date.now(), score: g.score, skills: skillsOf(g), generated: incidentSearchOf(scenario.id) !== null });
    }
    session.debriefed();
  });


  return (
    <div className="app workspace-app">
      <AppBar>
        <div className="ws-header" data-testid="workspace-header">
          <h1 className="ws-title" data-testid="scenario-title">{scenario.title}</h1>
          <span className={`mode-badge mode-${route.mode}`} data-testid="mode">{route.mode}</span>
          {route.replay && (
            <span className="mode-badge mode-transcript" data-testid="transcript-badge" title="An attempt opened from a transcript file, kept apart from your own attempt at this scenario">
              from a transcript
            </span>
          )}
          <span className="ws-meta">
            seed <span className="mono" data-testid="seed">{seed}</span>
          </span>
          {/* The digest, explained on demand (a disclosure: by click, by keyboard, to a screen reader). */}
          <details className="ws-meta ws-digest">
            <summary title="What is the digest?">
              digest{' '}
              <span className="mono" data-testid="world-digest" data-kept={world.status === 'ready' ? String(world.info.kept) : undefined}>
                {world.status === 'ready' ? world.info.digest : '…'}
              </span>
            </summary>
            <p className="ws-digest-note" data-testid="digest-note">
              A fingerprint of this world: the same scenario, seed and size give the same digest here and in the CLI
              (<span className="mono">faultline digest</span>), so two people can check they investigated the same data.
              {world.status === 'ready' && world.info.kept ? ' This world was read from this browser’s store, not generated again.' : ''}
            </p>
          </details>
          <Timer mode={route.mode} limitMinutes={limit} session={session} stoppedAt={submitted?.at ?? (timedOut ? limit * 60 : null)} />
          {route.draft && (
            <button type="button" className="button button-bar" onClick={() => navigate(`?studio=${encodeURIComponent(route.draft!)}`)} data-testid="to-studio">
              Studio
            </button>
          )}
          <button type="button" className="button button-bar" onClick={restart} disabled={actions.length === 0} data-testid="restart">
            Start over
          </button>
          {ended ? (
            <span className="mode-badge mode-submitted" data-testid="submitted-badge">{submitted ? 'submitted' : 'time is up'}</span>
          ) : (
            <button type="button" className="button button-small" onClick={() => setDiagnosing(true)} disabled={!open} data-testid="open-diagnosis">
              Submit diagnosis…
            </button>
          )}
        </div>
      </AppBar>
      {(resumeProblem || saveProblem) && (
        <p className="notice notice-bar" role="status">{resumeProblem ?? `Autosave failed: ${saveProblem}`}</p>
      )}
      <div className="workspace" data-testid="workspace">
        <aside className="ws-column ws-left" aria-label="Briefing and pipeline">
          <section className="side-panel" aria-labelledby="briefing-title">
            <h2 id="briefing-title" className="side-title">Briefing</h2>
            <Markdown text={scenario.briefing} className="briefing" testId="briefing" />
          </section>
          <PipelineMap actions={actions} onOpenStage={openStage} onInspect={inspectComponent} health={health} />
        </aside>
        <main className="ws-column ws-centre">
          {ended && (
            <DebriefPanel
              state={grading}
              transcript={transcriptOf(attemptKey, actions)}
              fileStem={`${scenario.id}-${seed}`}
              onReplay={replay}
              onRetry={() => window.location.reload()}
              draftId={route.draft}
            />
          )}
          <MetricExplorer
            world={world}
            onRetry={retry}
            session={session}
            changelog={changelogOpened ? changelog : null}
            defaultDays={defaultDays}
          />
          {contrastOn && (
            <ContrastPanel
              client={ready ? world.client : null}
              query={explorerNow}
              days={days}
              shown={contrastShown}
              disabled={!open}
              onRun={(spec) => {
                setContrastShown(spec);
                session.record({ type: 'contrast', ...spec } as Move);
              }}
            />
          )}
          <InspectorPanel client={ready ? world.client : null} days={days} onOpen={(spec) => showInspector(spec, true)} onHealth={onHealth} />
        </main>
        <aside className="ws-column ws-right" aria-label="Changelog, notebook and action trail">
          {!submitted && timedOut && (
            <section className="side-panel submitted" data-testid="timed-out">
              <h2 className="side-title">Time is up</h2>
              <p className="side-empty">The interview’s {limit} minutes ran out before a diagnosis was submitted.</p>
              <div className="submitted-actions">
                <button type="button" className="button button-secondary button-small" onClick={startOver}>Retry, same seed</button>
              </div>
            </section>
          )}
          {submitted && (
            <SubmittedPanel
              submit={submitted}
              scenarioId={scenario.id}
              mode={route.mode}
              sizes={route.sizes}
              onRetrySameSeed={startOver}
            />
          )}
          <ChangelogPanel entries={changelog} opened={changelogOpened} onOpen={() => session.record({ type: 'changelog' })} />
          <Notebook actions={actions} onNote={(text) => session.record({ type: 'note', text })} disabled={!open} />
          {hints.length > 0 && (
            <HintsPanel hints={hints} actions={actions} onHint={() => session.record({ type: 'hint' })} disabled={!open} />
          )}
          <ActionTrail actions={actions} onReplay={replay} />
        </aside>
      </div>
      {diagnosing && !ended && (
        <DiagnosisForm
          days={days}
          onCancel={() => setDiagnosing(false)}
          onSubmit={(diagnosis) => {
            session.record({ type: 'submit', diagnosis });
            setDiagnosing(false);
          }}
        />
      )}
    </div>
  );
}

function ScenarioNotFound({ id }: { id: string }) {
  return (
    <div className="app">
      <AppBar />
      <main className="content">
        <div className="failure-page" role="alert">
          <h1>No scenario “{id}”</h1>
          <p>It is not a built-in scenario, and no scenario file you opened has that id.</p>
          {incidentSearchOf(id) && (
            <p>
              It is a generated incident’s name: it can be made again here, the same as it was made elsewhere.{' '}
              <button type="button" className="button" onClick={() => navigate(incidentSearchOf(id)!)} data-testid="make-incident">Make it</button>
            </p>
          )}
          <button type="button" className="button" onClick={() => navigate('')}>Back to the library</button>
        </div>
      </main>
    </div>
  );
}
