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

/** A value axis' domain: the data's range padded, never below 0 for data that is never negative. */
export function valueDomain(lo: number, hi: number, dataMin: number, unit: Unit, dataMax: number): [number, number] {
  const pad = (hi - lo) * 0.08 || Math.abs(hi) * 0.05 || 1;
  const low = dataMin >= 0 ? Math.max(0, lo - pad) : lo - pad;
  const high = unit === 'percent' && dataMax <= 1 ? Math.min(1, hi + pad) : hi + pad;
  return [low, high];
}
