// One line per recorded move, as the trail lists it.
import { METRIC_DEFS } from '../../sim/query/metrics.ts';
import type { MetricId } from '../../sim/vocabulary.ts';
import type { Action } from '../../scenario/actions.ts';
import { describeFilter } from './explorerQuery.ts';
import { dimensionLabel } from './labels.ts';

export const ACTION_LABELS: Record<Action['type'], string> = {
  query: 'Query',
  inspect: 'Inspect',
  contrast: 'Contrast',
  changelog: 'Changelog',
  note: 'Note',
  hint: 'Hint',
  submit: 'Submit',
};

export function describeAction(a: Action): string {
  switch (a.type) {
    case 'query': {
      const parts = [METRIC_DEFS[a.metric as MetricId]?.label ?? a.metric];
      if (a.groupBy) parts.push(`by ${dimensionLabel(a.groupBy).toLowerCase()}`);
      const filter = describeFilter(a.filter);
      if (filter) parts.push(filter);
      if (a.window) parts.push(`days ${a.window[0]}–${a.window[1]}`);
      return parts.join(' · ');
    }
    case 'inspect': {
      const parts = [`${a.view.replace(/_/g, ' ')}${a.component ? ` of ${a.component}` : ''}`];
      if (a.feature) parts.push(a.feature);
      if (a.window) parts.push(`days ${a.window[0]}–${a.window[1]}`);
      return parts.join(' · ');
    }
    case 'contrast': {
      const side = (s: { window?: readonly [number, number]; filter?: Record<string, readonly (string | number)[] | undefined> } | undefined) =>
        [s?.window && `days ${s.window[0]}–${s.window[1]}`, describeFilter(s?.filter)].filter(Boolean).join(', ') || 'everything';
      const metric = a.metric ? `${METRIC_DEFS[a.metric as MetricId]?.label ?? a.metric}: ` : '';
      return `${metric}${side(a.selection)} against ${a.baseline ? side(a.baseline) : 'the rest'}`;
    }
    case 'changelog': return 'opened the changelog';
    case 'note': return a.text;
    case 'hint': return 'took a hint';
    case 'submit': return `${a.diagnosis.component ?? ''} ${a.diagnosis.cause ?? ''}`.trim() || 'submitted';
  }
}

export const atClock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;
