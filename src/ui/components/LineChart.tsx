// A per-day line chart: one line per series with a shaded ±1.96·SE band (95% interval); muted
// series (past the eight highlighted) are thin grey lines without bands, drawn underneath. Bands
// are clipped to the plot. React renders the SVG; d3 only supplies scales and path strings.
import { scaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';
import { formatError, formatValue } from '../../sim/query/format.ts';
import type { Unit } from '../../sim/query/metrics.ts';
import type { Series, SeriesPoint } from '../chartSeries.ts';
import { AxisBottom, AxisLeft } from './Axes.tsx';
import { useId } from 'react';
import { tickFormatter, valueDomain } from './tickFormat.ts';
import { useElementWidth } from './useElementWidth.ts';

const Z = 1.96;
const MARGIN = { top: 12, right: 20, bottom: 46, left: 72 };
/** Room above the plot for annotation labels, when there are any. */
const ANNOTATION_ROOM = 30;

/** A changelog entry marked on the time axis (never the fault's onset as such). */
export interface ChartAnnotation {
  day: number;
  label: string;
  /** Short tag drawn on the marker, e.g. "1". */
  tag: string;
}

interface LineChartProps {
  series: Series[];
  unit: Unit;
  days: [number, number];
  height: number;
  xLabel: string;
  yLabel: string;
  /** Accessible summary of what the chart shows. */
  title: string;
  annotations?: ChartAnnotation[];
}

/** A marker's tag box: 16 px for one character, wider for a few (markers of one day share a box). */
const tagWidth = (tag: string) => Math.max(16, 7 * tag.length + 6);

type Plotted = SeriesPoint & { value: number };
const has = (p: SeriesPoint): p is Plotted => p.value !== null;
const low = (p: SeriesPoint) => p.value! - Z * (p.se ?? 0);
const high = (p: SeriesPoint) => p.value! + Z * (p.se ?? 0);

export function LineChart({ series, unit, days, height, xLabel, yLabel, title, annotations = [] }: LineChartProps) {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const marks = annotations.filter((a) => a.day >= days[0] && a.day <= days[1]);
  const top = MARGIN.top + (annotations.length ? ANNOTATION_ROOM : 0);
  const innerWidth = Math.max(0, width - MARGIN.left - MARGIN.right);
  const innerHeight = height - top - MARGIN.bottom;

  const clip = `${useId()}-plot`;
  const points = series.flatMap((s) => s.points.filter(has));
  const y = scaleLinear()
    .domain(valueDomain(points.map((p) => p.value), unit))
    .range([innerHeight, 0])
    .nice(6);
  const shown = series.filter((s) => !s.muted);
  const muted = series.filter((s) => s.muted);
  const inset = Math.min(12, innerWidth / 20);
  const x = scaleLinear().domain(days[0] === days[1] ? [days[0] - 0.5, days[1] + 0.5] : days).range([inset, innerWidth - inset]);
  const xTicks = x.ticks(Math.min(days[1] - days[0], Math.floor(innerWidth / 60))).filter(Number.isInteger);
  const yTicks = y.ticks(6);

  const path = line<SeriesPoint>().defined(has).x((p) => x(p.day)).y((p) => y(p.value!));
  const band = area<SeriesPoint>().defined(has).x((p) => x(p.day)).y0((p) => y(low(p))).y1((p) => y(high(p)));
  const tickFormat = tickFormatter(unit, yTicks);

  return (
    <div ref={ref} className="line-chart" style={{ height }} data-testid="chart">
      {width > 0 && points.length > 0 && (
        <svg width={width} height={height} role="img" aria-label={title}>
          <g transform={`translate(${MARGIN.left},${top})`}>
            <AxisLeft scale={y} ticks={yTicks} format={tickFormat} label={yLabel} width={innerWidth} />
            <AxisBottom scale={x} ticks={xTicks} format={String} label={xLabel} y={innerHeight} width={innerWidth} />
            {marks.map((a) => (
              <g key={`${a.day}-${a.tag}`} className="annotation" data-testid="chart-annotation" transform={`translate(${x(a.day)},0)`}>
                <title>{`Day ${a.day}: ${a.label}`}</title>
                <line className="annotation-line" y1={-ANNOTATION_ROOM + 20} y2={innerHeight} />
                <g transform={`translate(0,${-ANNOTATION_ROOM + 6})`}>
                  <rect className="annotation-tag" x={-tagWidth(a.tag) / 2} y={-2} width={tagWidth(a.tag)} height={16} rx={3} />
                  <text className="annotation-tag-text" y={10} textAnchor="middle">{a.tag}</text>
                </g>
              </g>
            ))}
            <defs>
              <clipPath id={clip}>
                <rect x={0} y={0} width={innerWidth} height={innerHeight} />
              </clipPath>
            </defs>
            <g clipPath={`url(#${clip})`}>
              {muted.map((s) => (
                <path key={s.key} className="series-line is-muted" d={path(s.points) ?? ''} stroke={s.color} data-series={s.key}>
                  <title>{s.label}</title>
                </path>
              ))}
              {shown.filter((s) => !s.dashed).map((s) => (
                <path key={`band-${s.key}`} className="series-band" d={band(s.points) ?? ''} fill={s.color} />
              ))}
            </g>
            {shown.map((s) => (
              <g key={s.key} data-series={s.key}>
                <path className="series-line" d={path(s.points) ?? ''} stroke={s.color} strokeDasharray={s.dashed ? '6 4' : undefined} clipPath={`url(#${clip})`} />
                {s.points.filter(has).filter((p) => y(p.value) >= 0 && y(p.value) <= innerHeight).map((p) => (
                  <circle key={p.day} className="series-point" cx={x(p.day)} cy={y(p.value)} r={3} fill={s.color}>
                    <title>
                      {`${s.label} · day ${p.day}: ${formatValue(p.value, unit)} ${formatError(p.se === null ? null : Z * p.se, unit)} 95% interval (n = ${p.n.toLocaleString('en-US')})`}
                    </title>
                  </circle>
                ))}
              </g>
            ))}
          </g>
        </svg>
      )}
    </div>
  );
}
