// "Random incident" in the library: a new seed for the generator, at a chosen difficulty (or
// any); the incident's address carries the seed, so it can be shared and made again.
import { useId, useState } from 'react';
import { navigate } from '../route.ts';
import { newSeed } from './newSeed.ts';

const CHOICES = [
  { value: '', label: 'any difficulty' },
  { value: 'intro', label: 'intro' },
  { value: 'medium', label: 'medium' },
  { value: 'hard', label: 'hard' },
] as const;

export function RandomIncident() {
  const [difficulty, setDifficulty] = useState('');
  const id = useId();
  return (
    <section className="random-incident" aria-labelledby={`${id}-title`} data-testid="random-incident">
      <div>
        <h2 id={`${id}-title`} className="section-title">Random incident</h2>
        <p className="muted">A new incident every time: any fault kind, false leads near it, proved solvable before you see it.</p>
      </div>
      <div className="random-incident-controls">
        <label htmlFor={`${id}-difficulty`} className="visually-hidden">Difficulty</label>
        <select id={`${id}-difficulty`} value={difficulty} onChange={(e) => setDifficulty(e.target.value)} data-testid="incident-difficulty">
          {CHOICES.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
        </select>
        <button type="button" className="button" onClick={() => navigate(`?incident=${newSeed()}${difficulty ? `&difficulty=${difficulty}` : ''}`)} data-testid="new-incident">
          New incident
        </button>
      </div>
    </section>
  );
}
