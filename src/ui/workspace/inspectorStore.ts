// The inspector's selection (UI state): which view of which component over which days, and
// the view that is open (what the learner asked to see — opening one is a move).
import { create } from 'zustand';
import { VIEW_COMPONENTS, type InspectSpec } from '../../sim/inspect/request.ts';
import type { ComponentId, InspectorView } from '../../sim/vocabulary.ts';

export interface InspectorSelection {
  view: InspectorView;
  /** null: stage health of every stage. */
  component: ComponentId | null;
  window: [number, number] | null;
  feature: string | null;
}

interface InspectorState extends InspectorSelection {
  open: InspectSpec | null;
  set(change: Partial<InspectorSelection>): void;
  show(spec: InspectSpec): void;
  reset(): void;
}

const INITIAL: InspectorSelection = { view: 'stage_health', component: null, window: null, feature: null };

/** The view a component opens first, from the pipeline map. */
export function defaultViewFor(component: ComponentId): InspectorView {
  const views = (Object.keys(VIEW_COMPONENTS) as InspectorView[]).filter((v) => v !== 'stage_health');
  return views.find((v) => VIEW_COMPONENTS[v][0] === component) ?? views.find((v) => VIEW_COMPONENTS[v].includes(component)) ?? 'stage_health';
}

export const useInspector = create<InspectorState>((set) => ({
  ...INITIAL,
  open: null,
  set(change) {
    set((s) => {
      const next = { ...s, ...change };
      // A view keeps the component only if it can inspect it.
      if (change.view && next.component && !VIEW_COMPONENTS[change.view].includes(next.component)) {
        next.component = change.view === 'stage_health' ? null : VIEW_COMPONENTS[change.view][0];
      }
      if (change.view && change.view !== 'stage_health' && !next.component) next.component = VIEW_COMPONENTS[change.view][0];
      return next;
    });
  },
  show: (spec) => set({ open: spec }),
  reset: () => set({ ...INITIAL, open: null }),
}));
