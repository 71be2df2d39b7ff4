// The diagnosis: stage, component and cause from the vocabulary (each narrowed by the one
// before), the segment that suffers (dimension → values), and what to do about it. Checked by
// the transcript's own schema; submitting ends the attempt. A modal: focus stays inside, Escape
// closes it and focus returns to the button that opened it (useModalFocus).
import { useRef, useState } from 'react';
import { useModalFocus } from '../components/useModalFocus.ts';
import { ChoiceList } from '../components/ChoiceList.tsx';
import { diagnosisSchema } from '../../scenario/diagnosis.ts';
import { CAUSES, NO_REGRESSION } from '../../scenario/ids.ts';
import { FAULTS } from '../../sim/faults/catalog.ts';
import { valuesOf } from '../../sim/query/dimensionValues.ts';
import { COMPONENTS, COMPONENT_STAGE, DIMENSIONS, STAGES, type ComponentId, type Dimension, type FaultKind, type Stage } from '../../sim/vocabulary.ts';
import type { Diagnosis } from '../../scenario/actions.ts';
import { causeLabel, dimensionLabel, STAGE_LABELS } from './labels.ts';

const SEGMENT_DIMENSIONS = DIMENSIONS.filter((d) => d !== 'feature');

function causesFor(component: ComponentId | ''): string[] {
  if (!component) return [...CAUSES];
  const fits = (Object.keys(FAULTS) as FaultKind[]).filter((k) =>
    k === 'source-outage' ? component.startsWith('source:') : FAULTS[k].component === component,
  );
  return [...fits.filter((k) => (CAUSES as readonly string[]).includes(k)), NO_REGRESSION];
}

/** A cause in the catalogue's words (the no-regression answer: nothing in the pipeline broke). */
const causeSummary = (id: string) =>
  id === NO_REGRESSION ? 'Nothing in the pipeline broke: the change comes from who uses the product (a mix shift) or from the calendar.' : FAULTS[id as FaultKind]?.summary ?? '';

/** A labelled choice from the vocabulary ("—" for none); an option is an id, or an id and its label. */
function Choice({ label, testId, value, options, onChange, describedBy }: {
  label: string;
  testId: string;
  value: string;
  options: readonly (string | readonly [string, string])[];
  onChange: (value: string) => void;
  describedBy?: string;
}) {
  return (
    <label className="control">
      <span className="control-label">{label}</span>
      <select data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={describedBy}>
        <option value="">—</option>
        {options.map((o) => {
          const [id, text] = typeof o === 'string' ? [o, o] : o;
          return <option key={id} value={id}>{text}</option>;
        })}
      </select>
    </label>
  );
}

interface DiagnosisFormProps {
  days: number;
  onSubmit: (diagnosis: Diagnosis) => void;
  onCancel: () => void;
}

export function DiagnosisForm({ days, onSubmit, onCancel }: DiagnosisFormProps) {
  const [stage, setStage] = useState<Stage | ''>('');
  const [component, setComponent] = useState<ComponentId | ''>('');
  const [cause, setCause] = useState('');
  const [segment, setSegment] = useState<Partial<Record<Dimension, string[]>>>({});
  const [dimension, setDimension] = useState<Dimension | ''>('');
  const dimensionPicker = useRef<HTMLSelectElement>(null);
  const [remediation, setRemediation] = useState('');
  /** Another fault found acting at the same time (optional): its component and cause. */
  const [alsoComponent, setAlsoComponent] = useState<ComponentId | ''>('');
  const [alsoCause, setAlsoCause] = useState('');
  const [problems, setProblems] = useState<string[]>([]);

  const dialog = useRef<HTMLDivElement>(null);
  useModalFocus(dialog, onCancel);

  const components = COMPONENTS.filter((c) => !stage || COMPONENT_STAGE[c] === stage);
  const causes = causesFor(component);

  const submit = () => {
    const diagnosis = {
      ...(stage ? { stage } : {}),
      ...(component ? { component } : {}),
      cause,
      ...(Object.keys(segment).length ? { segment } : {}),
      ...(alsoCause ? { also: [{ cause: alsoCause, ...(alsoComponent ? { component: alsoComponent, stage: COMPONENT_STAGE[alsoComponent] } : { stage: FAULTS[alsoCause as FaultKind].stage, component: FAULTS[alsoCause as FaultKind].component }) }] } : {}),
      ...(remediation.trim() ? { remediation: remediation.trim() } : {}),
    };
    const parsed = diagnosisSchema.safeParse(diagnosis);
    if (!parsed.success) {
      setProblems(parsed.error.issues.map((i) => `${i.path.join('.') || 'diagnosis'}: ${i.message}`));
      return;
    }
    onSubmit(parsed.data as Diagnosis);
  };

  return (
    <div className="dialog-backdrop" role="presentation">
      <div ref={dialog} className="dialog" role="dialog" aria-modal="true" aria-labelledby="diagnosis-title" data-testid="diagnosis-form">
        <div className="dialog-header">
          <h2 id="diagnosis-title">Submit your diagnosis</h2>
          <p className="panel-description">Submitting ends the attempt. Say where it broke, why, and who suffers.</p>
        </div>
        <div className="dialog-body">
          <div className="form-row">
            <Choice label="Stage" testId="diagnosis-stage" value={stage} options={STAGES.map((x) => [x, STAGE_LABELS[x]] as const)} onChange={(v) => {
              setStage(v as Stage | '');
              setComponent('');
            }} />
            <Choice label="Component" testId="diagnosis-component" value={component} options={components} onChange={(v) => {
              const c = v as ComponentId | '';
              setComponent(c);
              if (c) setStage(COMPONENT_STAGE[c]);
              if (cause && !causesFor(c).includes(cause)) setCause('');
            }} />
            <Choice label="Cause" testId="diagnosis-cause" value={cause} options={causes.map((c) => [c, causeLabel(c)] as const)} onChange={setCause} describedBy="cause-summary" />
          </div>
          {/* What the chosen cause means, in the catalogue's words. */}
          <p id="cause-summary" className="panel-description cause-summary" data-testid="cause-summary" aria-live="polite">
            {cause ? causeSummary(cause) : 'Choose the cause you found; each is described here.'}
          </p>
          <div className="form-block">
            <span className="control-label">Segment that suffers</span>
            <div className="filters">
              {Object.entries(segment).map(([d, vs]) => (
                <span key={d} className="chip" data-testid="segment-chip">
                  <span className="chip-key">{dimensionLabel(d)}</span> {vs!.join(', ')}
                  <button type="button" className="chip-remove" aria-label={`Remove ${dimensionLabel(d)}`} onClick={() => {
                    const { [d as Dimension]: _gone, ...rest } = segment;
                    setSegment(rest);
                    dimensionPicker.current?.focus();
                  }}>×</button>
                </span>
              ))}
              <select ref={dimensionPicker} className="select-small" aria-label="Segment dimension" data-testid="segment-dimension" value={dimension} onChange={(e) => setDimension(e.target.value as Dimension | '')}>
                <option value="">+ Add to the segment…</option>
                {SEGMENT_DIMENSIONS.map((d) => <option key={d} value={d}>{dimensionLabel(d)}</option>)}
              </select>
              {dimension && (
                <ChoiceList
                  key={dimension}
                  placeholder="choose a value…"
                  label={`${dimensionLabel(dimension)} value`}
                  testId="segment-value"
                  options={valuesOf(dimension, days).filter((v) => !(segment[dimension] ?? []).includes(v))}
                  onChoose={(value) => {
                    setSegment({ ...segment, [dimension]: [...(segment[dimension] ?? []), value] });
                    setDimension('');
                    dimensionPicker.current?.focus();
                  }}
                />
              )}
            </div>
          </div>
          <fieldset className="form-block form-fieldset">
            <legend className="control-label">Another fault acting too <span className="muted">(optional: when two things broke at once)</span></legend>
            <div className="form-row">
              <Choice label="Component" testId="diagnosis-also-component" value={alsoComponent} options={COMPONENTS} onChange={(v) => {
                const c = v as ComponentId | '';
                setAlsoComponent(c);
                if (alsoCause && !causesFor(c).includes(alsoCause)) setAlsoCause('');
              }} />
              <Choice label="Cause" testId="diagnosis-also-cause" value={alsoCause} options={causesFor(alsoComponent).filter((c) => c !== NO_REGRESSION).map((c) => [c, causeLabel(c)] as const)} onChange={setAlsoCause} />
            </div>
          </fieldset>
          <label className="form-block">
            <span className="control-label">Remediation</span>
            <textarea className="note-input" rows={3} data-testid="diagnosis-remediation" value={remediation} onChange={(e) => setRemediation(e.target.value)}
              placeholder="What you would do: roll back, add a gate, backfill…" />
          </label>
          {problems.length > 0 && (
            <ul className="form-problems" role="alert">
              {problems.map((p) => <li key={p}>{p}</li>)}
            </ul>
          )}
        </div>
        <footer className="dialog-footer">
          <button type="button" className="button button-quiet" onClick={onCancel}>Keep investigating</button>
          <button type="button" className="button" onClick={submit} disabled={!cause} data-testid="diagnosis-submit">Submit and end the attempt</button>
        </footer>
      </div>
    </div>
  );
}
