// Stage inspectors: a view of one component over a day window — confusion matrix, PR curve,
// embedding map, calibration curve, feature distribution, stage health. Opening one (the Open
// button, a component on the pipeline map, or a trail entry's replay) shows it; only the
// learner's own openings are moves.
import { useEffect } from 'react';
import type { HealthStatus } from '../../sim/inspect/stageHealth.ts';
import { VIEW_COMPONENTS, type InspectSpec } from '../../sim/inspect/request.ts';
import type { InspectorResult } from '../../sim/inspect/inspect.ts';
import { FEATURE_NAMES } from '../../sim/pipeline/ranker.ts';
import { INSPECTOR_VIEWS, type ComponentId, type InspectorView, type Stage } from '../../sim/vocabulary.ts';
import type { WorldClient } from '../worldClient.ts';
import { useWorldAnswer } from '../useWorldAnswer.ts';
import { DayWindow } from '../components/DayWindow.tsx';
import { CalibrationView } from '../components/inspectors/CalibrationView.tsx';
import { ConfusionMatrixView } from '../components/inspectors/ConfusionMatrixView.tsx';
import { EmbeddingMapView } from '../components/inspectors/EmbeddingMapView.tsx';
import { FeatureDistributionView } from '../components/inspectors/FeatureDistributionView.tsx';
import { PrCurveView } from '../components/inspectors/PrCurveView.tsx';
import { StageHealthView } from '../components/inspectors/StageHealthView.tsx';
import { useInspector } from './inspectorStore.ts';

export const VIEW_LABELS: Record<InspectorView, string> = {
  confusion_matrix: 'Confusion matrix',
  pr_curve: 'PR curve',
  embedding_map: 'Embedding map',
  calibration_curve: 'Calibration curve',
  feature_distribution: 'Feature distribution',
  stage_health: 'Stage health',
};

/** The spec an inspector selection opens (what the worker computes and the trail records). */
export function inspectSpecOf(s: { view: InspectorView; component: ComponentId | null; window: [number, number] | null; feature: string | null }, days: number): InspectSpec {
  return {
    view: s.view,
    ...(s.component ? { component: s.component } : {}),
    window: s.window ?? [1, days],
    ...(s.view === 'feature_distribution' ? { feature: s.feature ?? FEATURE_NAMES[0] } : {}),
  };
}

interface InspectorPanelProps {
  client: WorldClient | null;
  days: number;
  onOpen: (spec: InspectSpec) => void;
  /** Stage statuses a stage health view showed (the pipeline map shows them from then on). */
  onHealth?: (seen: Partial<Record<Stage, HealthStatus>>) => void;
}

export function InspectorPanel({ client, days, onOpen, onHealth }: InspectorPanelProps) {
  const state = useInspector();
  const { result, error, loading } = useWorldAnswer(client, 'inspect', state.open);
  useEffect(() => {
    if (result?.view === 'stage_health') onHealth?.(Object.fromEntries(result.stages.map((s) => [s.stage, s.status])));
  }, [result, onHealth]);
  const components = VIEW_COMPONENTS[state.view];
  const disabled = client === null;
  return (
    <section className="panel inspector" aria-labelledby="inspector-title" data-testid="inspector">
      <header className="explorer-header">
        <h2 id="inspector-title" className="panel-title" tabIndex={-1}>
          Inspector{' '}
          {state.open && (
            <span className="title-qualifier" data-testid="inspector-title">
              {VIEW_LABELS[state.open.view as InspectorView]}
              {state.open.component ? ` · ${state.open.component}` : ' · every stage'}
              {state.open.feature ? ` · ${state.open.feature}` : ''} · days {state.open.window?.join('–')}
            </span>
          )}
        </h2>
        <p className="panel-description">Look inside a component: its evaluation, its distributions, its health against a baseline.</p>
      </header>
      <div className="explorer-controls">
        <div className="controls">
          <label className="control">
            <span className="control-label">View</span>
            <select data-testid="inspector-view" value={state.view} disabled={disabled} onChange={(e) => state.set({ view: e.target.value as InspectorView })}>
              {INSPECTOR_VIEWS.map((v) => <option key={v} value={v}>{VIEW_LABELS[v]}</option>)}
            </select>
          </label>
          <label className="control">
            <span className="control-label">Component</span>
            <select
              data-testid="inspector-component"
              value={state.component ?? ''}
              disabled={disabled}
              onChange={(e) => state.set({ component: (e.target.value || null) as ComponentId | null })}
            >
              {state.view === 'stage_health' && <option value="">every stage</option>}
              {components.map((c) => <option key={c} value={c}>{c}</option>)}
            </select>
          </label>
          {state.view === 'feature_distribution' && (
            <label className="control">
              <span className="control-label">Feature</span>
              <select data-testid="inspector-feature" value={state.feature ?? FEATURE_NAMES[0]} disabled={disabled} onChange={(e) => state.set({ feature: e.target.value })}>
                {FEATURE_NAMES.map((f) => <option key={f} value={f}>{f}</option>)}
              </select>
            </label>
          )}
          <DayWindow window={state.window ?? [1, days]} days={days} disabled={disabled} onChange={(window) => state.set({ window })} labels={['Inspector first day', 'Inspector last day']} />
          <div className="control control-action">
            <button type="button" className="button" disabled={disabled} data-testid="inspector-open" onClick={() => onOpen(inspectSpecOf(state, days))}>
              Open
            </button>
          </div>
        </div>
      </div>
      <div className="inspector-body" aria-busy={loading}>
        {!state.open && <p className="side-empty">Choose a view and a component, then Open — or click a component on the pipeline map.</p>}
        {error && <p className="query-error" role="alert">{error}</p>}
        {result && !error && (
          <div className={loading ? 'chart-frame is-loading' : 'chart-frame'}>
            <InspectorView result={result} />
          </div>
        )}
      </div>
    </section>
  );
}

function InspectorView({ result }: { result: InspectorResult }) {
  switch (result.view) {
    case 'confusion_matrix': return <ConfusionMatrixView result={result} />;
    case 'pr_curve': return <PrCurveView result={result} />;
    case 'embedding_map': return <EmbeddingMapView result={result} />;
    case 'calibration_curve': return <CalibrationView result={result} />;
    case 'feature_distribution': return <FeatureDistributionView result={result} />;
    case 'stage_health': return <StageHealthView result={result} />;
  }
}
