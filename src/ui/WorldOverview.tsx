// A healthy world's overview (?view=world): the world for the seed in the URL, its fingerprint
// and a headline chart — the sandbox without a scenario.
import { useMemo } from 'react';
import type { WorldRequestConfig } from './urlParams.ts';
import { sizesOf } from './urlParams.ts';
import { useWorld } from './useWorld.ts';
import { WorldSummary } from './components/WorldSummary.tsx';
import { HeadlineChart } from './components/HeadlineChart.tsx';
import { AppBar } from './components/AppBar.tsx';

export function WorldOverview({ config }: { config: WorldRequestConfig }) {
  const request = useMemo(() => ({ config, faults: [], distractors: [] }), [config]);
  const { state, retry } = useWorld(request);
  return (
    <div className="app">
      <AppBar />
      <main className="content">
        <div className="page-heading">
          <h1>World overview</h1>
          <p>A healthy baseline world, simulated from its seed — no fault injected.</p>
        </div>
        <WorldSummary seed={config.seed} sizes={sizesOf(config)} world={state} />
        <HeadlineChart world={state} onRetry={retry} />
      </main>
    </div>
  );
}
