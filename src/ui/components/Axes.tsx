// Axes drawn by React from a d3 scale's ticks: a bottom axis for days and a left axis with
// horizontal gridlines across the plot.
import type { ScaleLinear } from 'd3-scale';

interface AxisProps {
  scale: ScaleLinear<number, number>;
  ticks: number[];
  format: (value: number) => string;
  label: string;
}

export function AxisBottom({ scale, ticks, format, label, y, width }: AxisProps & { y: number; width: number }) {
  return (
    <g className="axis axis-bottom" transform={`translate(0,${y})`}>
      <line className="axis-domain" x2={width} />
      {ticks.map((t) => (
        <g key={t} transform={`translate(${scale(t)},0)`}>
          <line className="axis-tick" y2={5} />
          <text y={18} textAnchor="middle">{format(t)}</text>
        </g>
      ))}
      <text className="axis-label" x={width / 2} y={38} textAnchor="middle">{label}</text>
    </g>
  );
}

export function AxisLeft({ scale, ticks, format, label, width }: AxisProps & { width: number }) {
  const [y0, y1] = scale.range();
  return (
    <g className="axis axis-left">
      {ticks.map((t) => (
        <g key={t} transform={`translate(0,${scale(t)})`}>
          <line className="axis-grid" x2={width} />
          <text x={-8} dy="0.32em" textAnchor="end">{format(t)}</text>
        </g>
      ))}
      <text className="axis-label" transform={`translate(-58,${(y0 + y1) / 2}) rotate(-90)`} textAnchor="middle">
        {label}
      </text>
    </g>
  );
}
