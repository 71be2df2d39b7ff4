// One scenario in the library: what it is about, how it went so far, and how to start it.
import { useId, useState } from 'react';
import type { WorldSizes } from '../../sim/config.ts';
import { navigate, workspaceSearch, type Mode } from '../route.ts';
import type { LoadedEntry } from './libraryEntry.ts';
import type { AttemptStats } from './attemptStats.ts';
import { newSeed } from './newSeed.ts';
import { DEFAULT_TIME_LIMIT_MINUTES } from '../attempt/timeLimit.ts';
import { attemptsInProgress } from '../attempt/attemptKey.ts';


interface ScenarioCardProps {
  entry: LoadedEntry;
  stats: AttemptStats | undefined;
  /** World size overrides carried from the library's URL (tests use small worlds). */
  sizes?: Partial<WorldSizes>;
  onRemove?: () => void;
  /** Opens a draft of this file in the studio. */
  onEdit?: () => void;
}

/** Graded attempts and those under way: "none yet", "2", "1 in progress", "2 · 1 in progress". */
function attemptsText(graded: number, inProgress: number): string {
  const parts = [graded ? String(graded) : '', inProgress ? `${inProgress} in progress` : ''].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'none yet';
}

export function ScenarioCard({ entry, stats, sizes, onRemove, onEdit }: ScenarioCardProps) {
  const { scenario } = entry;
  const [seedChoice, setSeedChoice] = useState<'scenario' | 'new'>('scenario');
  const seedGroup = useId();
  const start = (mode: Mode) => {
    const seed = seedChoice === 'scenario' ? scenario.world.seed : newSeed();
    navigate(workspaceSearch(scenario.id, seed, mode, sizes));
  };
  const limit = scenario.timeLimitMinutes ?? DEFAULT_TIME_LIMIT_MINUTES;
  const [inProgress] = useState(() => attemptsInProgress(scenario.id));
  return (
    <article className="scenario-card" data-testid="scenario-card" data-scenario={scenario.id} aria-labelledby={`${seedGroup}-title`}>
      <header className="scenario-card-header">
        <h2 id={`${seedGroup}-title`} className="scenario-card-title">{scenario.title}</h2>
        <span className={`difficulty difficulty-${scenario.difficulty}`} data-testid="difficulty">{scenario.difficulty}</span>
      </header>
      <p className="scenario-card-id mono">{scenario.id}{entry.origin === 'opened' ? ` · ${entry.fileName}` : ''}</p>
      <p className="scenario-card-briefing" data-testid="briefing-line">{entry.summary}</p>
      <dl className="scenario-card-facts">
        <div><dt>World</dt><dd>{scenario.world.days} days</dd></div>
        <div><dt>Interview</dt><dd>{limit} min</dd></div>
        <div><dt>Attempts</dt><dd data-testid="attempts">{attemptsText(stats?.attempts ?? 0, inProgress)}</dd></div>
        <div><dt>Best score</dt><dd data-testid="best-score">{stats?.best != null ? stats.best : '—'}</dd></div>
      </dl>
      <footer className="scenario-card-footer">
        <fieldset className="seed-choice">
          <legend className="control-label">World seed</legend>
          <label>
            <input type="radio" name={seedGroup} checked={seedChoice === 'scenario'} onChange={() => setSeedChoice('scenario')} />
            Scenario’s <span className="mono">{scenario.world.seed}</span>
          </label>
          <label>
            <input type="radio" name={seedGroup} checked={seedChoice === 'new'} onChange={() => setSeedChoice('new')} data-testid="new-seed" />
            New seed <span className="muted">(another variant)</span>
          </label>
        </fieldset>
        <div className="scenario-card-actions">
          {onRemove && (
            <button type="button" className="button button-quiet" onClick={onRemove}>Remove</button>
          )}
          {onEdit && (
            <button type="button" className="button button-quiet" onClick={onEdit} data-testid="edit-scenario" title={entry.origin === 'built-in' ? 'A copy of this file in the studio' : 'This file in the studio'}>
              Edit
            </button>
          )}
          <button
            type="button"
            className="button button-secondary"
            onClick={() => start('interview')}
            data-testid="start-interview"
            title={`Timed: ${limit} minutes, no hints`}
          >
            Interview
          </button>
          <button type="button" className="button" onClick={() => start('practice')} data-testid="start-practice" title="Untimed, with hints">
            Practice
          </button>
        </div>
      </footer>
    </article>
  );
}
