// A small x–y chart frame for inspector views: linear scales, gridded axes, and the plot drawn
// by the caller from the scales. React renders the SVG; d3 supplies the scales.
import type { ReactNode } from 'react';
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { AxisBottom, AxisLeft } from '../Axes.tsx';
import { useElementWidth } from '../useElementWidth.ts';

const MARGIN = { top: 10, right: 16, bottom: 44, left: 64 };

interface XYFrameProps {
  x: [number, number];
  y: [number, number];
  xLabel: string;
  yLabel: string;
  xFormat: (v: number) => string;
  yFormat: (v: number) => string;
  height?: number;
  title: string;
  testId?: string;
  children: (x: ScaleLinear<number, number>, y: ScaleLinear<number, number>) => ReactNode;
}

export function XYFrame({ x: xDomain, y: yDomain, xLabel, yLabel, xFormat, yFormat, height = 260, title, testId, children }: XYFrameProps) {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const innerWidth = Math.max(0, width - MARGIN.left - MARGIN.right);
  const innerHeight = height - MARGIN.top - MARGIN.bottom;
  const x = scaleLinear().domain(xDomain).range([0, innerWidth]).nice();
  const y = scaleLinear().domain(yDomain).range([innerHeight, 0]).nice();
  return (
    <div ref={ref} className="xy-frame" style={{ height }} data-testid={testId}>
      {width > 0 && (
        <svg width={width} height={height} role="img" aria-label={title}>
          <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
            <AxisLeft scale={y} ticks={y.ticks(5)} format={yFormat} label={yLabel} width={innerWidth} />
            <AxisBottom scale={x} ticks={x.ticks(Math.max(2, Math.floor(innerWidth / 70)))} format={xFormat} label={xLabel} y={innerHeight} width={innerWidth} />
            {children(x, y)}
          </g>
        </svg>
      )}
    </div>
  );
}
