// One ranker feature's served distribution in the window against the reference days, and as
// the training pipeline computes it; plus the share of missing values.
import type { FeatureDistributionView as View } from '../../../sim/inspect/featureDistribution.ts';
import { XYFrame } from './XYFrame.tsx';

const pct = (v: number) => `${(v * 100).toFixed(v < 0.1 ? 1 : 0)}%`;
const SERIES = [
  { key: 'reference', label: 'reference days', color: '#94a3b8' },
  { key: 'current', label: 'served now', color: '#2563eb' },
  { key: 'training', label: 'training pipeline', color: '#d97706' },
] as const;

export function FeatureDistributionView({ result }: { result: View }) {
  const bins = result.bins;
  const lo = bins[0]?.x0 ?? 0;
  const hi = bins[bins.length - 1]?.x1 ?? 1;
  const max = Math.max(0.01, ...bins.flatMap((b) => [b.reference, b.current, b.training]));
  return (
    <div>
      <ul className="legend">
        {SERIES.map((s) => (
          <li key={s.key} className="legend-item">
            <span className="legend-swatch" style={{ background: s.color }} /> {s.label}
            {s.key === 'reference' && <span className="legend-error">days {result.referenceWindow.join('–')}</span>}
            {s.key === 'current' && <span className="legend-error">days {result.window.join('–')}</span>}
          </li>
        ))}
        <li className="legend-item legend-note">
          missing values: {pct(result.nullShare.reference)} → <strong>{pct(result.nullShare.current)}</strong>
        </li>
      </ul>
      <XYFrame x={[lo, hi]} y={[0, max]} xLabel={`${result.feature} (value)`} yLabel="Share of impressions" xFormat={(v) => v.toFixed(2)} yFormat={pct} title={`Distribution of ${result.feature}`} testId="feature-distribution">
        {(x, y) =>
          bins.map((b, i) => {
            const w = Math.max(1, (x(b.x1) - x(b.x0)) / 3 - 1);
            return (
              <g key={i}>
                {SERIES.map((s, k) => (
                  <rect key={s.key} x={x(b.x0) + k * w} y={y(b[s.key])} width={w} height={Math.max(0, y(0) - y(b[s.key]))} fill={s.color}>
                    <title>{`${b.x0.toFixed(2)}–${b.x1.toFixed(2)} · ${s.label}: ${pct(b[s.key])}`}</title>
                  </rect>
                ))}
              </g>
            );
          })
        }
      </XYFrame>
    </div>
  );
}
