// The explorer's controls: metric (every metric of the vocabulary, by area), group-by (the
// dimensions this metric's log can be sliced by), the day window, and filter chips.
import { useRef, useState } from 'react';
import { ChoiceList } from '../components/ChoiceList.tsx';
import { METRIC_DEFS } from '../../sim/query/metrics.ts';
import { valuesOf } from '../../sim/query/dimensionValues.ts';
import { METRICS, type Dimension, type MetricId } from '../../sim/vocabulary.ts';
import { DayWindow } from '../components/DayWindow.tsx';
import { useExplorer } from './explorerStore.ts';
import type { ExplorerQuery } from './explorerQuery.ts';
import { AREA_LABELS, dimensionLabel } from './labels.ts';

const AREAS = Object.keys(AREA_LABELS) as (keyof typeof AREA_LABELS)[];

interface ExplorerControlsProps {
  query: ExplorerQuery;
  dimensions: readonly Dimension[];
  days: number;
  disabled: boolean;
}

export function ExplorerControls({ query, dimensions, days, disabled }: ExplorerControlsProps) {
  const set = useExplorer((s) => s.set);
  return (
    <div className="explorer-controls">
      <div className="controls">
        <label className="control control-metric">
          <span className="control-label">Metric</span>
          <select data-testid="metric-select" value={query.metric} disabled={disabled} onChange={(e) => set({ metric: e.target.value as MetricId })}>
            {AREAS.map((area) => (
              <optgroup key={area} label={AREA_LABELS[area]}>
                {METRICS.filter((m) => METRIC_DEFS[m].area === area).map((m) => (
                  <option key={m} value={m}>{METRIC_DEFS[m].label}</option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label className="control">
          <span className="control-label">Group by</span>
          <select
            data-testid="group-select"
            value={query.groupBy ?? ''}
            disabled={disabled}
            onChange={(e) => set({ groupBy: e.target.value || null })}
          >
            <option value="">Nothing (all)</option>
            {dimensions.filter((d) => d !== 'day').map((d) => (
              <option key={d} value={d}>{dimensionLabel(d)}</option>
            ))}
          </select>
        </label>
        <DayWindow window={query.window} days={days} disabled={disabled} onChange={(window) => set({ window })} testIds={['window-from', 'window-to']} />
      </div>
      <FilterChips query={query} dimensions={dimensions} days={days} disabled={disabled} />
    </div>
  );
}

function FilterChips({ query, dimensions, days, disabled }: ExplorerControlsProps) {
  const filter = useExplorer((s) => s.filter);
  const addFilterValue = useExplorer((s) => s.addFilterValue);
  const removeFilter = useExplorer((s) => s.removeFilter);
  const [dimension, setDimension] = useState<Dimension | ''>('');
  const dimensionPicker = useRef<HTMLSelectElement>(null);
  const values = dimension ? valuesOf(dimension, days).filter((v) => !(filter[dimension] ?? []).includes(v)) : [];
  return (
    <div className="filters" data-testid="filters">
      <span className="control-label">Filter</span>
      {Object.entries(filter).map(([d, vs]) => {
        const ignored = query.ignoredFilters.includes(d);
        return (
          <span
            key={d}
            className={ignored ? 'chip is-ignored' : 'chip'}
            data-testid="filter-chip"
            data-dimension={d}
            title={ignored ? `${METRIC_DEFS[query.metric].label} cannot be sliced by ${dimensionLabel(d).toLowerCase()}: this filter is not applied` : undefined}
          >
            <span className="chip-key">{dimensionLabel(d)}</span> {vs.join(', ')}
            <button
              type="button"
              className="chip-remove"
              aria-label={`Remove the ${dimensionLabel(d)} filter`}
              onClick={() => {
                removeFilter(d);
                dimensionPicker.current?.focus(); // the chip (and this button) is gone
              }}
              disabled={disabled}
            >
              ×
            </button>
          </span>
        );
      })}
      <select
        ref={dimensionPicker}
        className="select-small"
        aria-label="Add a filter on"
        data-testid="filter-dimension"
        value={dimension}
        disabled={disabled}
        onChange={(e) => setDimension(e.target.value as Dimension | '')}
      >
        <option value="">+ Add filter…</option>
        {dimensions.map((d) => (
          <option key={d} value={d}>{dimensionLabel(d)}</option>
        ))}
      </select>
      {dimension && (
        <ChoiceList
          key={dimension}
          placeholder="choose a value…"
          label={`${dimensionLabel(dimension)} value`}
          testId="filter-value"
          options={values}
          disabled={disabled}
          onChoose={(value) => {
            addFilterValue(dimension, value);
            setDimension('');
            dimensionPicker.current?.focus(); // where the next filter starts
          }}
        />
      )}
    </div>
  );
}
