// A generated incident, as `faultline generate --seed N [--difficulty D]` makes it: generated in
// a worker with progress (each attempt's world kept in the browser's store), then added to the
// library like an opened file and opened in practice mode. Made before, it opens at once. The
// address (?incident=N&difficulty=D) is the incident: shared, it makes the same one elsewhere.
import { useEffect, useState } from 'react';
import { AppBar } from '../components/AppBar.tsx';
import { ProgressBar } from '../components/ProgressBar.tsx';
import { navigate, workspaceSearch } from '../route.ts';
import type { IncidentMessage, IncidentRequest } from '../worker/incident.worker.ts';
import { findScenario, openScenarioFile } from './openedEntries.ts';
import { incidentId } from '../../engine/generate/incidentId.ts';
import type { FaultKind } from '../../sim/vocabulary.ts';

type Difficulty = 'intro' | 'medium' | 'hard';


/** Opens the incident's scenario in the workspace (the address replaced: Back returns to the library). */
function openIncident(id: string, worldSeed: number) {
  window.history.replaceState(null, '', window.location.pathname);
  navigate(workspaceSearch(id, worldSeed, 'practice'));
}

export function IncidentScreen({ seed, difficulty, kind }: { seed: number; difficulty: Difficulty | null; kind: FaultKind | null }) {
  const [state, setState] = useState<{ fraction: number; label: string } | { failed: string }>({ fraction: 0, label: 'Starting the generator' });
  useEffect(() => {
    const options: IncidentRequest = { seed, ...(difficulty ? { difficulty } : {}), ...(kind ? { kinds: [kind] } : {}) };
    const made = findScenario(incidentId(options));
    if (made) {
      openIncident(made.scenario.id, made.scenario.world.seed);
      return;
    }
    const worker = new Worker(new URL('../worker/incident.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<IncidentMessage>) => {
      const m = event.data;
      if (m.type === 'progress') setState({ fraction: m.fraction, label: m.label });
      else if (m.type === 'failed') setState({ failed: m.message });
      else {
        worker.terminate();
        const opened = openScenarioFile(`${m.id}.yaml`, m.text);
        if (!opened.ok) setState({ failed: opened.errors.map((e) => e.message).join('; ') });
        else openIncident(m.id, m.worldSeed);
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      setState({ failed: event.message || 'The generator stopped unexpectedly.' });
    };
    worker.postMessage(options);
    return () => worker.terminate();
  }, [seed, difficulty, kind]);

  return (
    <div className="app">
      <AppBar />
      <main className="content incident-screen">
        <h1 tabIndex={-1}>Incident {seed}{difficulty ? ` (${difficulty})` : ''}</h1>
        <p>
          A new incident, made for this seed: a fault, false leads near it, a changelog and a briefing whose numbers are the world’s —
          kept only once the engine has proved it can be solved. The same address makes the same incident anywhere
          (<span className="mono">faultline generate --seed {seed}{difficulty ? ` --difficulty ${difficulty}` : ''}{kind ? ` --kind ${kind}` : ''}</span>).
        </p>
        {'failed' in state ? (
          <div className="failure-inline" role="alert">
            <p className="failure-message">No incident could be made: {state.failed}</p>
            <button type="button" className="button" onClick={() => navigate('')}>Back to the library</button>
          </div>
        ) : (
          <ProgressBar fraction={state.fraction} label={state.label} />
        )}
      </main>
    </div>
  );
}
