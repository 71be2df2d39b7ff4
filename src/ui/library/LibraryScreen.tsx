// The library: every built-in scenario and every file the person opened, as cards to start
// from; "Open scenario file…" adds one (or shows why it does not load).
import { useEffect, useMemo } from 'react';
import { AppBar } from '../components/AppBar.tsx';
import { navigate } from '../route.ts';
import { readWorldParams } from '../urlParams.ts';
import { readAttemptStats } from './attemptStats.ts';
import { BUILT_IN_SCENARIOS } from './builtInScenarios.ts';
import type { LibraryEntry } from './libraryEntry.ts';
import { OpenScenarioFile } from './OpenScenarioFile.tsx';
import { readOpenedScenarios, useOpenedScenarios } from './openedScenarios.ts';
import { ScenarioCard } from './ScenarioCard.tsx';
import { ScenarioErrors } from './ScenarioErrors.tsx';
import { SetAsideRecords } from './SetAsideRecords.tsx';
import { DraftList } from './DraftList.tsx';
import { RandomIncident } from './RandomIncident.tsx';

export function LibraryScreen() {
  const opened = useOpenedScenarios((s) => s.entries);
  const openedProblem = useOpenedScenarios((s) => s.problem);
  // Stored files are read (with the scenario reader, loaded for them) after the first paint.
  useEffect(() => {
    if (!opened) void readOpenedScenarios();
  }, [opened]);
  const remove = (id: string) => void import('./openedEntries.ts').then((m) => m.removeOpenedScenario(id));
  const removeFile = (fileName: string) => void import('./openedEntries.ts').then((m) => m.removeOpenedFile(fileName));
  const { stats, problem: statsProblem } = useMemo(readAttemptStats, []);
  const problems = [openedProblem, statsProblem].filter(Boolean);
  // Size overrides on the library's URL (small worlds for tests) carry over to the workspace.
  const sizes = useMemo(() => {
    const { seed: _seed, ...rest } = readWorldParams(window.location.search);
    return rest;
  }, []);

  const studio = () => import('../studio/startDraft.ts');
  const edit = (entry: LibraryEntry) => () => void studio().then((m) => m.startDraftFrom(entry.fileName, entry.text, entry.origin === 'built-in'));
  const cards = (entries: LibraryEntry[], removable: boolean) =>
    entries.map((entry) =>
      entry.ok ? (
        <ScenarioCard
          key={entry.scenario.id}
          entry={entry}
          stats={stats[entry.scenario.id]}
          sizes={sizes}
          onRemove={removable ? () => remove(entry.scenario.id) : undefined}
          onEdit={edit(entry)}
        />
      ) : (
        <div key={entry.fileName} className="scenario-card is-broken" data-testid="broken-card">
          <ScenarioErrors fileName={entry.fileName} text={entry.text} errors={entry.errors} />
          <div className="scenario-card-actions">
            <button type="button" className="button button-quiet" onClick={() => removeFile(entry.fileName)} aria-label={`Remove ${entry.fileName}`}>
              Remove
            </button>
          </div>
        </div>
      ),
    );

  return (
    <div className="app">
      <AppBar />
      <OpenScenarioFile
        sizes={sizes}
        heading={
          <div className="page-heading library-heading">
            <div>
              <h1 tabIndex={-1}>Scenarios</h1>
              <p>Each is a recommendation pipeline with something wrong in it. Investigate, then say what broke and why.</p>
            </div>
            <div className="library-links">
            <button type="button" className="button button-secondary" onClick={() => void studio().then((m) => m.startNewDraft())} data-testid="new-scenario">
              New scenario
            </button>
            <a
              className="link"
              href="?view=progress"
              onClick={(e) => {
                e.preventDefault();
                navigate('?view=progress');
              }}
              data-testid="progress-link"
            >
              Your progress
            </a>
            <a
              className="link"
              href="?view=world"
              onClick={(e) => {
                e.preventDefault();
                navigate('?view=world');
              }}
            >
              Explore a healthy world →
            </a>
            </div>
          </div>
        }
      >
          {problems.map((p) => (
            <p key={p} className="notice" role="status">{p}</p>
          ))}
          <SetAsideRecords />
          <RandomIncident />
          <section aria-label="Built-in scenarios" className="card-grid" data-testid="library">
            {cards(BUILT_IN_SCENARIOS, false)}
          </section>
          <DraftList />
          {opened && opened.length > 0 && (
            <>
              <h2 className="section-title">Opened from files</h2>
              <section aria-label="Opened scenarios" className="card-grid" data-testid="opened-library">
                {cards(opened, true)}
              </section>
            </>
          )}
      </OpenScenarioFile>
    </div>
  );
}
