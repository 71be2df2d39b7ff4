// The attempt's clock: practice counts up, interview counts down from the scenario's limit.
// Only this component re-renders every second.
import { useEffect, useState } from 'react';
import type { Mode } from '../route.ts';
import type { AttemptSession } from '../attempt/session.ts';

const clock = (seconds: number) => {
  if (!Number.isFinite(seconds)) return '–:––';
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const mm = h ? String(m).padStart(2, '0') : String(m);
  return `${h ? `${h}:` : ''}${mm}:${String(s % 60).padStart(2, '0')}`;
};

/** `stoppedAt`: the second the attempt ended (submitted), where the clock stays. */
export function Timer({ mode, limitMinutes, session, stoppedAt = null }: { mode: Mode; limitMinutes: number; session: AttemptSession; stoppedAt?: number | null }) {
  const [ticking, setElapsed] = useState(session.elapsed());
  const elapsed = stoppedAt ?? ticking;
  useEffect(() => {
    const id = window.setInterval(() => setElapsed(session.elapsed()), 500);
    return () => window.clearInterval(id);
  }, [session]);
  const started = session.started;
  if (mode === 'practice') {
    return (
      <span className="timer" data-testid="timer" aria-label="Time spent">
        <span className="timer-label">Elapsed</span> <span className="timer-value">{started || session.resumed ? clock(elapsed) : '–:––'}</span>
      </span>
    );
  }
  const left = limitMinutes * 60 - elapsed;
  const state = left <= 0 ? 'is-over' : left <= 300 ? 'is-low' : '';
  return (
    <span className={`timer ${state}`} data-testid="timer" role="timer" aria-label="Time left">
      <span className="timer-label">{left <= 0 ? 'Time is up' : 'Time left'}</span>{' '}
      {/* Before the world is ready: the whole limit, or what a resumed attempt has left. */}
      <span className="timer-value">{clock(left)}</span>
    </span>
  );
}
