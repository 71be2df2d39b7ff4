// A 2-D map of item embeddings (two main axes of a stratified sample), coloured by aesthetic;
// pins the encoder calls low-quality are drawn hollow.
import type { EmbeddingMapView as View } from '../../../sim/inspect/embeddingMap.ts';
import { XYFrame } from './XYFrame.tsx';

const PALETTE = ['#2563eb', '#d97706', '#059669', '#db2777', '#7c3aed', '#0891b2', '#65a30d', '#64748b', '#dc2626', '#0d9488'];

export function EmbeddingMapView({ result }: { result: View }) {
  const aesthetics = [...new Set(result.points.map((p) => p.aesthetic))].sort();
  const colorOf = (a: string) => PALETTE[aesthetics.indexOf(a) % PALETTE.length];
  const xs = result.points.map((p) => p.x);
  const ys = result.points.map((p) => p.y);
  return (
    <div>
      <p className="inspector-note">
        Day {result.day} · {result.points.length} sampled pins · the two axes explain {(result.explained * 100).toFixed(0)}% of the variance · hollow: predicted low-quality
      </p>
      <XYFrame
        x={[Math.min(...xs), Math.max(...xs)]}
        y={[Math.min(...ys), Math.max(...ys)]}
        xLabel="Axis 1"
        yLabel="Axis 2"
        xFormat={(v) => v.toFixed(1)}
        yFormat={(v) => v.toFixed(1)}
        height={320}
        title="Embedding map"
        testId="embedding-map"
      >
        {(x, y) =>
          result.points.map((p, i) => (
            <circle
              key={i}
              cx={x(p.x)}
              cy={y(p.y)}
              r={2.6}
              fill={p.predictedQuality === 'low-quality' ? 'none' : colorOf(p.aesthetic)}
              stroke={colorOf(p.aesthetic)}
              strokeWidth={1}
              opacity={0.8}
            >
              <title>{`${p.aesthetic} · ${p.predictedQuality}`}</title>
            </circle>
          ))
        }
      </XYFrame>
      <ul className="legend embedding-legend">
        {aesthetics.map((a) => (
          <li key={a} className="legend-item">
            <span className="legend-dot" style={{ background: colorOf(a) }} /> {a}
          </li>
        ))}
      </ul>
    </div>
  );
}
