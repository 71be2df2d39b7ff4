// How a metric's value reads to a person: percent, milliseconds, hours, counts, scores.
import type { Unit } from './metrics.ts';

export function formatValue(value: number | null, unit: Unit, digits = 3): string {
  if (value === null || !Number.isFinite(value)) return '—';
  switch (unit) {
    case 'percent': return `${(value * 100).toFixed(Math.abs(value) < 0.01 ? 3 : 2)}%`;
    case 'ms': return `${value.toFixed(0)} ms`;
    case 'hours': return `${value.toFixed(1)} h`;
    case 'count': return value >= 100 ? value.toFixed(0) : value.toFixed(2);
    case 'score':
    case 'ratio': return value.toFixed(digits);
  }
}

/** The standard error in the metric's own unit, e.g. "±0.12 pp" for a percentage. */
export function formatError(se: number | null, unit: Unit): string {
  if (se === null || !Number.isFinite(se)) return '';
  switch (unit) {
    case 'percent': return `±${(se * 100).toFixed(se < 0.0001 ? 4 : 3)} pp`;
    case 'ms': return `±${se.toFixed(1)} ms`;
    case 'hours': return `±${se.toFixed(2)} h`;
    default: return `±${se.toPrecision(2)}`;
  }
}

/** A relative change as people write it: "+7.2%", "−2.0%" (a true minus sign), "—" when unknown. */
export function formatChange(relative: number | null): string {
  if (relative === null || !Number.isFinite(relative)) return '—';
  return `${relative >= 0 ? '+' : '−'}${Math.abs(relative * 100).toFixed(1)}%`;
}

/** A signed number with a true minus sign, e.g. a z score: "+3.1", "−39.5". */
export function formatSigned(x: number, digits = 1): string {
  return `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(digits)}`;
}
