// The explorer's current query, from its selection and what the world allows.
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Dimension } from '../../sim/vocabulary.ts';
import type { WorldState } from '../useWorld.ts';
import { explorerQuery, type ExplorerQuery } from './explorerQuery.ts';
import { useExplorer } from './explorerStore.ts';

const NO_DIMENSIONS: Dimension[] = [];

export function useExplorerQuery(world: WorldState, defaultDays: number): { query: ExplorerQuery; dimensions: readonly Dimension[]; days: number } {
  const selection = useExplorer(useShallow(({ metric, groupBy, filter, window }) => ({ metric, groupBy, filter, window })));
  const days = world.status === 'ready' ? world.info.days : defaultDays;
  const dimensions = world.status === 'ready' ? world.info.metricDimensions[selection.metric] : NO_DIMENSIONS;
  const query = useMemo(() => explorerQuery(selection, dimensions, days), [selection, dimensions, days]);
  return { query, dimensions, days };
}
