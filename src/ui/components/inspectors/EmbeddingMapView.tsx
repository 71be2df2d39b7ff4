// A 2-D map of item embeddings (two main axes of a stratified sample), coloured by aesthetic;
// pins the encoder calls low-quality are drawn hollow.
import type { EmbeddingMapView as View } from '../../../sim/inspect/embeddingMap.ts';
import { XYFrame } from './XYFrame.tsx';

/** Twenty distinct colours (Tableau 20, each hue dark then light): one per aesthetic, none shared. */
const PALETTE = [
  '#1f77b4', '#aec7e8', '#ff7f0e', '#ffbb78', '#2ca02c', '#98df8a', '#d62728', '#ff9896', '#9467bd', '#c5b0d5',
  '#8c564b', '#c49c94', '#e377c2', '#f7b6d2', '#7f7f7f', '#c7c7c7', '#bcbd22', '#dbdb8d', '#17becf', '#9edae5',
];

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
