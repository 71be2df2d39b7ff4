// The metric explorer's selection (UI state): metric, group-by, filters, day window. `origin`
// says who set it last — the learner (a move to record), a replay from the trail, or the
// initial view — so that only the learner's own moves become actions.
import { create } from 'zustand';
import type { MetricId } from '../../sim/vocabulary.ts';

export type Filter = Record<string, string[]>;

export interface ExplorerSelection {
  metric: MetricId;
  groupBy: string | null;
  filter: Filter;
  /** Inclusive days; null = the whole world. */
  window: [number, number] | null;
}

interface ExplorerState extends ExplorerSelection {
  origin: 'initial' | 'learner' | 'replay';
  set(change: Partial<ExplorerSelection>): void;
  addFilterValue(dimension: string, value: string): void;
  removeFilter(dimension: string): void;
  replay(selection: ExplorerSelection): void;
  reset(): void;
}

export const INITIAL_SELECTION: ExplorerSelection = { metric: 'relevance', groupBy: null, filter: {}, window: null };

export const useExplorer = create<ExplorerState>((set, get) => ({
  ...INITIAL_SELECTION,
  origin: 'initial',
  set: (change) => set({ ...change, origin: 'learner' }),
  addFilterValue(dimension, value) {
    const current = get().filter[dimension] ?? [];
    if (current.includes(value)) return;
    set({ filter: { ...get().filter, [dimension]: [...current, value] }, origin: 'learner' });
  },
  removeFilter(dimension) {
    const { [dimension]: _removed, ...rest } = get().filter;
    set({ filter: rest, origin: 'learner' });
  },
  replay: (selection) => set({ ...selection, origin: 'replay' }),
  reset: () => set({ ...INITIAL_SELECTION, origin: 'initial' }),
}));
