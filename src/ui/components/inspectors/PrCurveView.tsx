// Precision–recall curve of the encoder's low-quality score or the ranker's click prediction,
// with average precision; for the ranker, its offline vs online evaluation.
import { line } from 'd3-shape';
import type { PrCurveView as View, PrPoint } from '../../../sim/inspect/prCurve.ts';
import { XYFrame } from './XYFrame.tsx';

const pct = (v: number) => `${Math.round(v * 100)}%`;
const auc = (v: number | null) => (v === null ? '—' : v.toFixed(3));

export function PrCurveView({ result }: { result: View }) {
  const points = [...result.points].sort((a, b) => a.recall - b.recall);
  return (
    <div className="inspector-grid">
      <XYFrame x={[0, 1]} y={[0, 1]} xLabel="Recall" yLabel="Precision" xFormat={pct} yFormat={pct} title="Precision against recall" testId="pr-curve">
        {(x, y) => (
          <path className="series-line" stroke="#2563eb" d={line<PrPoint>().x((p) => x(p.recall)).y((p) => y(p.precision))(points) ?? ''} />
        )}
      </XYFrame>
      <dl className="inspector-facts">
        <div><dt>Positive</dt><dd>{result.positive}</dd></div>
        <div><dt>Positives</dt><dd>{result.positives.toLocaleString('en-US')} of {result.total.toLocaleString('en-US')}</dd></div>
        <div><dt>Average precision</dt><dd>{result.averagePrecision.toFixed(3)}</dd></div>
        {result.offline && (
          <>
            <div><dt>AUC offline (training features)</dt><dd>{auc(result.offline.offlineAuc)}</dd></div>
            <div><dt>AUC online (served features)</dt><dd>{auc(result.offline.onlineAuc)}</dd></div>
            <div><dt>AUC as trained (logged positions)</dt><dd>{auc(result.offline.loggedAuc)}</dd></div>
          </>
        )}
      </dl>
    </div>
  );
}
