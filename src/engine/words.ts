// Rule: the debrief speaks plain words with the numbers the learner saw — what a move looked at,
// and the difference it showed — in the metric's own unit and signed percentages (−16%).
import type { Action } from '../scenario/actions.ts';
import { METRIC_DEFS } from '../sim/query/metrics.ts';
import { formatSigned, formatValue } from '../sim/query/format.ts';
import type { MetricId } from '../sim/vocabulary.ts';
import type { Signal } from './signals.ts';

/** A relative change in prose: one decimal under 10% (+7.2%), none above (−16%). */
export const pct = (x: number | null) => (x === null || !Number.isFinite(x) ? '—' : `${formatSigned(x * 100, Math.abs(x) < 0.1 ? 1 : 0)}%`);

const days = (w?: readonly [number, number]) => (w ? ` (days ${w[0]}–${w[1]})` : '');
const filterWords = (f?: Record<string, readonly (string | number)[]>) => {
  const parts = Object.entries(f ?? {}).map(([d, v]) => `${d} ${v.join('/')}`);
  return parts.length ? ` for ${parts.join(', ')}` : '';
};
const label = (metric: string) => METRIC_DEFS[metric as MetricId]?.label.toLowerCase() ?? metric;

/** "Slicing rated relevance by tenure for tenure new (days 8–14)". */
export function describeAction(a: Action): string {
  switch (a.type) {
    case 'query': {
      const by = a.groupBy ? ` by ${a.groupBy}` : '';
      const how = a.groupBy || a.filter ? 'Slicing' : 'Charting';
      return `${how} ${label(a.metric)}${by}${a.byDay ? ' per day' : ''}${filterWords(a.filter)}${days(a.window)}`;
    }
    case 'inspect':
      return `Opening the ${a.view.replace(/_/g, ' ')}${a.component ? ` of ${a.component}` : ''}${a.feature ? ` (${a.feature})` : ''}${filterWords(a.filter)}${days(a.window)}`;
    case 'contrast':
      return `Contrasting ${a.selection.window ? `days ${a.selection.window.join('–')}` : 'a selection'}${filterWords(a.selection.filter)} against ${a.baseline?.window ? `days ${a.baseline.window.join('–')}` : 'the rest'}${a.metric ? ` on ${label(a.metric)}` : ''}`;
    case 'changelog':
      return 'Opening the changelog';
    case 'note':
      return `Noting "${a.text.length > 80 ? a.text.slice(0, 77) + '…' : a.text}"`;
    case 'hint':
      return 'Taking a hint';
    case 'submit':
      return 'Submitting the diagnosis';
  }
}

/** "cottagecore stands out: 76.07% against 4.52% for the rest (+1582%)". */
export function describeSignal(s: Signal, metric: string): string {
  const unit = METRIC_DEFS[metric as MetricId]?.unit ?? 'score';
  const v = (x: number) => formatValue(x, unit);
  const who = s.group === null ? label(metric) : `${s.dimension} ${s.group}`;
  if (s.kind === 'change') {
    return `${who} went from ${v(s.reference)} to ${v(s.value)} (${pct(s.relative)}) between days ${s.before![0]}–${s.before![1]} and ${s.after![0]}–${s.after![1]}`;
  }
  return `${who} stands out: ${v(s.value)} against ${v(s.reference)} for the rest (${pct(s.relative)})`;
}
