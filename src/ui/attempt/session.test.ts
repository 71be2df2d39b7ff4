// The app's attempt session: the statechart's actor holds the moves, stamped by the session's
// clock; its persisted snapshot (what autosave writes) resumes the same moves, state and clock.
import { describe, expect, it } from 'vitest';
import type { Action } from '../../scenario/actions.ts';
import { AttemptSession, hasEnded } from './session.ts';

/** A hand-wound clock in milliseconds, so `at` stamps are exact. */
function manualClock() {
  let ms = 0;
  return { now: () => ms, advance: (seconds: number) => void (ms += seconds * 1000) };
}

const practice = { mode: 'practice', hints: true, hintCount: 2 } as const;
const diagnosis = { cause: 'encoder-mislabel', component: 'image-encoder' } as const;

describe('attempt session', () => {
  it('records nothing before the world is ready, then stamps each move with the seconds since', () => {
    const clock = manualClock();
    const session = new AttemptSession(practice, null, clock.now);
    expect(session.record({ type: 'changelog' })).toBeNull();
    clock.advance(5);
    session.start();
    clock.advance(12);
    expect(session.record({ type: 'changelog' })).toEqual({ at: 12, type: 'changelog' });
    clock.advance(3);
    session.record({ type: 'note', text: 'new users only?' });
    expect(session.actions).toEqual([{ at: 12, type: 'changelog' }, { at: 15, type: 'note', text: 'new users only?' }]);
  });

  it('refuses moves after the diagnosis and hints beyond the scenario’s number', () => {
    const session = new AttemptSession(practice, null, manualClock().now);
    session.start();
    for (let i = 0; i < 3; i++) session.record({ type: 'hint' });
    expect(session.actions.filter((a) => a.type === 'hint')).toHaveLength(2);
    session.record({ type: 'submit', diagnosis });
    expect(hasEnded(session.actor.getSnapshot())).toBe(true);
    expect(session.record({ type: 'note', text: 'too late' })).toBeNull();
    expect(session.actions.map((a) => a.type)).toEqual(['hint', 'hint', 'submit']);
  });

  it('resumes a persisted snapshot exactly: the same moves, state and clock', () => {
    const clock = manualClock();
    const first = new AttemptSession(practice, null, clock.now);
    first.start();
    clock.advance(40);
    first.record({ type: 'hint' });
    first.record({ type: 'changelog' });
    const saved = JSON.parse(JSON.stringify({ snapshot: first.actor.getPersistedSnapshot(), elapsed: first.elapsed() }));

    const later = manualClock();
    const resumed = new AttemptSession(practice, saved, later.now);
    expect(resumed.resumed).toBe(true);
    expect(resumed.actions).toEqual(first.actions);
    expect(resumed.elapsed()).toBe(40);
    resumed.start();
    expect(resumed.actor.getSnapshot().value).toEqual(first.actor.getSnapshot().value);
    expect(resumed.actor.getSnapshot().context.hintsTaken).toBe(1);
    later.advance(20);
    expect(resumed.record({ type: 'note', text: 'later' })).toEqual({ at: 60, type: 'note', text: 'later' });
  });

  it('opens an imported transcript by replaying its moves', () => {
    const actions: Action[] = [
      { at: 5, type: 'query', metric: 'relevance', groupBy: 'tenure' },
      { at: 90, type: 'submit', diagnosis },
    ];
    const session = new AttemptSession(practice, { actions, elapsed: 90 }, manualClock().now);
    expect(session.actions).toEqual(actions);
    expect(hasEnded(session.actor.getSnapshot())).toBe(true);
  });

  it('ends a resumed interview at once when its time had already run out', () => {
    const actions: Action[] = [{ at: 30, type: 'changelog' }];
    const session = new AttemptSession({ mode: 'interview', timeLimitMinutes: 45 }, { actions, elapsed: 46 * 60 }, manualClock().now);
    session.start();
    return new Promise<void>((resolve) => setTimeout(resolve, 10)).then(() => {
      const snapshot = session.actor.getSnapshot();
      expect(hasEnded(snapshot)).toBe(true);
      expect(snapshot.context.timedOut).toBe(true);
      expect(snapshot.context.actions).toEqual(actions);
    });
  });
});
