// The ranker's reliability diagram: mean predicted click probability against the logged click
// rate per score bin, with 95% intervals; the diagonal is perfect calibration.
import type { CalibrationCurveView as View } from '../../../sim/inspect/calibrationCurve.ts';
import { XYFrame } from './XYFrame.tsx';

const pct = (v: number) => `${(v * 100).toFixed(v < 0.1 ? 1 : 0)}%`;

export function CalibrationView({ result }: { result: View }) {
  const max = Math.max(0.01, ...result.bins.map((b) => Math.max(b.predicted, b.observed + 1.96 * b.se)));
  return (
    <XYFrame x={[0, max]} y={[0, max]} xLabel="Predicted click probability" yLabel="Logged click rate" xFormat={pct} yFormat={pct} title="Calibration curve" testId="calibration-curve">
      {(x, y) => (
        <>
          <line className="diagonal" x1={x(0)} y1={y(0)} x2={x(max)} y2={y(max)} />
          {result.bins.map((b, i) => (
            <g key={i}>
              <title>{`predicted ${pct(b.predicted)}, logged ${pct(b.observed)} (n = ${b.n.toLocaleString('en-US')})`}</title>
              <line className="ci-line" x1={x(b.predicted)} x2={x(b.predicted)} y1={y(Math.max(0, b.observed - 1.96 * b.se))} y2={y(b.observed + 1.96 * b.se)} />
              <circle className="series-point" cx={x(b.predicted)} cy={y(b.observed)} r={Math.min(7, 2.5 + Math.log10(b.n + 1))} fill="#2563eb" />
            </g>
          ))}
        </>
      )}
    </XYFrame>
  );
}
