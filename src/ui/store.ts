// UI state only: which metric the headline chart shows and how it is split.
import { create } from 'zustand';
import type { MetricId } from '../sim/vocabulary.ts';

export const HEADLINE_METRICS = ['relevance', 'ctr', 'save_rate', 'session_depth'] as const satisfies readonly MetricId[];
export type HeadlineMetric = (typeof HEADLINE_METRICS)[number];

export const HEADLINE_GROUPS = [
  { id: '', label: 'Nothing (all users)' },
  { id: 'tenure', label: 'User tenure' },
] as const;
export type HeadlineGroup = (typeof HEADLINE_GROUPS)[number]['id'];

interface HeadlineState {
  metric: HeadlineMetric;
  groupBy: HeadlineGroup;
  setMetric(metric: HeadlineMetric): void;
  setGroupBy(groupBy: HeadlineGroup): void;
}

export const useHeadline = create<HeadlineState>((set) => ({
  metric: 'relevance',
  groupBy: '',
  setMetric: (metric) => set({ metric }),
  setGroupBy: (groupBy) => set({ groupBy }),
}));
