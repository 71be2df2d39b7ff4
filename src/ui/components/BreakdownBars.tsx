// Breakdown bars: the metric's value per group over the window, each with its 95% confidence
// interval (±1.96·SE from the query cell) as a whisker, the value and the cell's n. Clicking a
// bar narrows the view to that group (adds it as a filter).
import type React from 'react';
import { scaleLinear } from 'd3-scale';
import { format } from 'd3-format';
import { formatError, formatValue } from '../../sim/query/format.ts';
import type { QueryResult } from '../../sim/query/query.ts';
import { useElementWidth } from './useElementWidth.ts';
import { tickFormatter } from './tickFormat.ts';

const Z = 1.96;
const ROW = 24;
const LABEL = 132;
const VALUE = 176;
const AXIS = 22;
const count = format(',');
/** n in a few characters: 3,636 → 3.64k (the tooltip has it in full). */
const compact = (n: number) => (n < 1000 ? String(n) : format('.3~s')(n));

interface BreakdownBarsProps {
  result: QueryResult;
  /** Label of the single bar when the query is not grouped. */
  allLabel: string;
  colorOf: (group: string) => string;
  onPick?: (group: string) => void;
}

export function BreakdownBars({ result, allLabel, colorOf, onPick }: BreakdownBarsProps) {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const unit = result.metric.unit;
  const rows = result.cells.filter((c) => c.day === null);
  const lo = (v: number, se: number | null) => v - Z * (se ?? 0);
  const hi = (v: number, se: number | null) => v + Z * (se ?? 0);
  const values = rows.filter((c) => c.value !== null);
  const min = Math.min(0, ...values.map((c) => lo(c.value!, c.se)));
  const max = Math.max(0, ...values.map((c) => hi(c.value!, c.se)));
  const plotWidth = Math.max(40, width - LABEL - VALUE - 16);
  const x = scaleLinear().domain([min, max === min ? min + 1 : max]).range([0, plotWidth]).nice(5);
  const ticks = x.ticks(Math.max(2, Math.floor(plotWidth / 90)));
  const height = rows.length * ROW + AXIS;
  const tickFormat = tickFormatter(unit, ticks);

  return (
    <div ref={ref} className="breakdown" data-testid="breakdown" style={{ height }}>
      {width > 0 && (
        // With bars to pick, the chart is a group of buttons (an image may not hold controls).
        <svg width={width} height={height} role={onPick ? 'group' : 'img'} aria-label={`${result.metric.label} per group with 95% intervals`}>
          <g transform={`translate(${LABEL},0)`}>
            {ticks.map((t) => (
              <g key={t} transform={`translate(${x(t)},0)`} className="axis">
                <line className={t === 0 ? 'axis-domain' : 'axis-grid'} y1={0} y2={rows.length * ROW} />
                <text y={rows.length * ROW + 15} textAnchor="middle">{tickFormat(t)}</text>
              </g>
            ))}
          </g>
          {rows.map((c, i) => {
            const group = c.group ?? 'all';
            const label = c.group ?? allLabel;
            const y = i * ROW;
            const has = c.value !== null;
            const x0 = x(Math.max(min, 0));
            const x1 = has ? x(c.value!) : x0;
            const interval = has && c.se !== null ? [x(lo(c.value!, c.se)), x(hi(c.value!, c.se))] : null;
            const pickable = Boolean(onPick && c.group !== null);
            const shownLabel = label.length > 18 ? `${label.slice(0, 17)}…` : label;
            const valueText = has ? formatValue(c.value, unit) : 'no data';
            const errorText = has ? ` ${formatError(c.se === null ? null : Z * c.se, unit)}` : '';
            const nText = ` n=${compact(c.n)}`;
            const described = has
              ? `${label}: ${formatValue(c.value, unit)} (95% interval ${formatValue(lo(c.value!, c.se), unit)} to ${formatValue(hi(c.value!, c.se), unit)}, n = ${count(c.n)})${pickable ? ' — press to filter to it' : ''}`
              : `${label}: no data`;
            return (
              <g key={group} transform={`translate(0,${y})`}>
                {/* The tooltip and the value sit beside the button, not in it: a button's name must hold its visible text. */}
                <title>{described}</title>
                <g
                  className={pickable ? 'breakdown-row is-pickable' : 'breakdown-row'}
                  data-testid="breakdown-bar"
                  data-group={group}
                  onClick={pickable ? () => onPick!(c.group!) : undefined}
                  {...(pickable
                    ? {
                        tabIndex: 0,
                        role: 'button',
                        // Named as its tooltip reads: the group, its value and interval, what pressing it does.
                        'aria-label': described,
                        onKeyDown: (e: React.KeyboardEvent) => {
                          if (e.key === 'Enter' || e.key === ' ') {
                            e.preventDefault();
                            onPick!(c.group!);
                          }
                        },
                      }
                    : {})}
                >
                  <rect className="breakdown-hit" x={0} y={0} width={width} height={ROW} />
                  <text className="breakdown-label" x={LABEL - 10} y={ROW / 2} dy="0.32em" textAnchor="end">
                    {shownLabel}
                  </text>
                  <g transform={`translate(${LABEL},0)`}>
                    {has && (
                      <rect
                        className="breakdown-bar"
                        x={Math.min(x0, x1)}
                        y={5}
                        width={Math.max(1, Math.abs(x1 - x0))}
                        height={ROW - 10}
                        fill={colorOf(group)}
                      />
                    )}
                    {interval && (
                      <g className="ci-whisker" data-testid="ci-whisker">
                        <line x1={interval[0]} x2={interval[1]} y1={ROW / 2} y2={ROW / 2} />
                        <line x1={interval[0]} x2={interval[0]} y1={ROW / 2 - 5} y2={ROW / 2 + 5} />
                        <line x1={interval[1]} x2={interval[1]} y1={ROW / 2 - 5} y2={ROW / 2 + 5} />
                      </g>
                    )}
                  </g>
                </g>
                  <text className="breakdown-value" x={LABEL + plotWidth + 12} y={ROW / 2} dy="0.32em">
                    {valueText}
                    <tspan className="breakdown-error">{errorText}</tspan>
                    <tspan className="breakdown-n">{nText}</tspan>
                  </text>
              </g>
            );
          })}
        </svg>
      )}
    </div>
  );
}
