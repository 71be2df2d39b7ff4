// Axis tick labels: as many decimals as the tick step needs, in the metric's unit
// ("10%", "2.5%", "0.65", "120 ms") — fewer digits than a value readout.
import { formatValue } from '../../sim/query/format.ts';
import type { Unit } from '../../sim/query/metrics.ts';

const decimalsFor = (step: number) => Math.max(0, Math.min(4, -Math.floor(Math.log10(step) + 1e-9)));

export function tickFormatter(unit: Unit, ticks: number[]): (value: number) => string {
  const step = ticks.length > 1 ? Math.abs(ticks[1] - ticks[0]) : 1;
  switch (unit) {
    case 'percent': return (v) => `${(v * 100).toFixed(decimalsFor(step * 100))}%`;
    case 'ms': return (v) => `${v.toFixed(decimalsFor(step))} ms`;
    case 'hours': return (v) => `${v.toFixed(decimalsFor(step))} h`;
    case 'count': return (v) => v.toFixed(decimalsFor(step));
    default: return (v) => formatValue(v, unit, decimalsFor(step));
  }
}

/** Units whose values live in [0, 1] (shares and 0–1 scores): an axis never leaves that range. */
const BOUNDED: readonly Unit[] = ['percent', 'score'];

/**
 * A value axis' domain: the values' range padded, never below 0 for data that is never negative
 * and within [0, 1] for shares and scores. Bands (intervals) do not stretch it — they are
 * clipped to the plot — so a small group's wide interval cannot flatten every line.
 */
export function valueDomain(values: readonly number[], unit: Unit): [number, number] {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = (hi - lo) * 0.08 || Math.abs(hi) * 0.05 || 1;
  let low = lo >= 0 ? Math.max(0, lo - pad) : lo - pad;
  let high = hi + pad;
  if (BOUNDED.includes(unit) && lo >= 0 && hi <= 1) {
    low = Math.max(0, low);
    high = Math.min(1, high);
  }
  return [low, high];
}
