// The first screen: the world for the seed in the URL, its fingerprint and a headline chart.
import type { WorldRequestConfig } from './urlParams.ts';
import { sizesOf } from './urlParams.ts';
import { useWorld } from './useWorld.ts';
import { WorldSummary } from './components/WorldSummary.tsx';
import { HeadlineChart } from './components/HeadlineChart.tsx';

export function App({ config }: { config: WorldRequestConfig }) {
  const { state, retry } = useWorld(config);
  return (
    <div className="app">
      <header className="app-bar">
        <div className="brand">
          <img src="./favicon.svg" alt="" width={22} height={22} />
          <span className="brand-name">Faultline</span>
        </div>
        <span className="app-bar-tagline">Debug a recommendation pipeline</span>
      </header>
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
