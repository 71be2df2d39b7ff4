// The pipeline map, drawn from the vocabulary: stages in flow order, each with its components.
// A stage carries no health colour: it shows "not checked" until the learner has looked at one
// of its metrics or components (or at every stage's health), then "checked"; its health status
// appears only once the learner has opened a stage health view that covers it.
// Clicking a stage opens its first metric in the explorer; clicking a component inspects it.
import { METRIC_DEFS } from '../../sim/query/metrics.ts';
import { COMPONENTS, COMPONENT_STAGE, METRICS, STAGES, type ComponentId, type MetricId, type Stage } from '../../sim/vocabulary.ts';
import type { Action } from '../../scenario/actions.ts';
import { STAGE_LABELS } from './labels.ts';
import type { HealthStatus } from '../../sim/inspect/stageHealth.ts';

/** The stages a move looked at: one of a stage's metrics or components, or every stage's health at once. */
function stagesOfAction(action: Action): readonly Stage[] {
  if (action.type === 'query') {
    const area = METRIC_DEFS[action.metric as MetricId]?.area;
    return area && area !== 'outcome' ? [area] : [];
  }
  if (action.type !== 'inspect') return [];
  if (!action.component) return action.view === 'stage_health' ? STAGES : [];
  const stage = COMPONENT_STAGE[action.component as keyof typeof COMPONENT_STAGE];
  return stage ? [stage] : [];
}

const HEALTH_LABEL: Record<HealthStatus, string> = { ok: 'healthy', warn: 'watch', alert: 'alert' };

export function PipelineMap({ actions, onOpenStage, onInspect, health }: {
  actions: readonly Action[];
  onOpenStage: (metric: MetricId) => void;
  onInspect: (component: ComponentId) => void;
  /** Statuses from stage health views the learner opened: never shown before they looked. */
  health: Partial<Record<Stage, HealthStatus>>;
}) {
  const looks = new Map<Stage, number>();
  for (const a of actions) {
    for (const stage of stagesOfAction(a)) looks.set(stage, (looks.get(stage) ?? 0) + 1);
  }
  return (
    <section className="side-panel" aria-labelledby="pipeline-title">
      <h2 id="pipeline-title" className="side-title">Pipeline</h2>
      <ol className="pipeline" data-testid="pipeline-map">
        {STAGES.map((stage) => {
          const n = looks.get(stage) ?? 0;
          const first = METRICS.find((m) => METRIC_DEFS[m].area === stage);
          return (
            <li key={stage} className={n ? 'stage is-checked' : 'stage'} data-testid="pipeline-stage" data-stage={stage} data-checked={n > 0}>
              <button
                type="button"
                className="stage-button"
                onClick={() => first && onOpenStage(first)}
                title={first ? `Open ${METRIC_DEFS[first].label} in the explorer` : undefined}
              >
                <span className="stage-name">{STAGE_LABELS[stage]}</span>
                <span className="stage-status">
                  {health[stage] && (
                    <span className={`status status-${health[stage]}`} data-testid="stage-health-status">{HEALTH_LABEL[health[stage]!]}</span>
                  )}{' '}
                  {n ? `✓ checked · ${n} ${n === 1 ? 'view' : 'views'}` : 'not checked'}
                </span>
              </button>
              <ul className="stage-components">
                {COMPONENTS.filter((c) => COMPONENT_STAGE[c] === stage).map((c) => (
                  <li key={c}>
                    <button type="button" className="component-chip component-button mono" data-component={c} onClick={() => onInspect(c)} title={`Inspect ${c}`}>
                      {c.replace(/^source:/, '')}
                    </button>
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
