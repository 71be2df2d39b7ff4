// The attempt statechart: it holds the moves (in order, none before the start or after the end),
// regions climb as evidence arrives, interview mode's time limit runs on a simulated clock and
// survives a persisted snapshot, hints are counted, and xstate/graph finds a path to every state.
import { describe, expect, it } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { attemptMachine, eventOf, type AttemptEvent } from '../../src/engine/attempt.ts';
import type { Action } from '../../src/scenario/actions.ts';

const query = { at: 10, type: 'query', metric: 'relevance', groupBy: 'tenure' } as const;
const diagnosis = { cause: 'encoder-mislabel', stage: 'ingestion', component: 'image-encoder' } as const;

describe('attempt statechart', () => {
  it('climbs scope, localize and root cause as moves reveal them', () => {
    const actor = createActor(attemptMachine, { input: { mode: 'practice' } }).start();
    expect(actor.getSnapshot().value).toBe('briefing');
    actor.send({ type: 'START' });
    expect(actor.getSnapshot().value).toEqual({ investigating: { scope: 'unknown', localize: 'unknown', rootCause: 'unknown' } });
    actor.send({ type: 'ACTION', action: query, reveals: ['scope'] });
    actor.send({ type: 'ACTION', action: { ...query, at: 20 }, reveals: ['stage'] });
    expect(actor.getSnapshot().value).toEqual({ investigating: { scope: 'established', localize: 'stage', rootCause: 'unknown' } });
    actor.send({ type: 'ACTION', action: { ...query, at: 30 }, reveals: ['component', 'cause'] });
    expect(actor.getSnapshot().value).toEqual({ investigating: { scope: 'established', localize: 'component', rootCause: 'found' } });
    actor.send({ type: 'SUBMIT', diagnosis, at: 40 });
    expect(actor.getSnapshot().value).toBe('submitted');
    expect(actor.getSnapshot().context.actions.map((a) => a.type)).toEqual(['query', 'query', 'query', 'submit']);
    actor.send({ type: 'DEBRIEF' });
    expect(actor.getSnapshot().status).toBe('done');
  });

  it('holds the moves in transcript form, in order: none before the start, none after the diagnosis', () => {
    const moves: Action[] = [
      query,
      { at: 15, type: 'changelog' },
      { at: 20, type: 'note', text: 'new users only?' },
      { at: 25, type: 'hint' },
      { at: 30, type: 'inspect', view: 'confusion_matrix', component: 'image-encoder' },
      { at: 40, type: 'submit', diagnosis },
    ];
    const actor = createActor(attemptMachine, { input: { mode: 'practice' } }).start();
    actor.send(eventOf({ at: 1, type: 'note', text: 'before the world is ready' }));
    expect(actor.getSnapshot().context.actions).toEqual([]);
    actor.send({ type: 'START' });
    for (const move of moves) actor.send(eventOf(move));
    actor.send(eventOf({ at: 50, type: 'note', text: 'too late' }));
    const { context } = actor.getSnapshot();
    expect(context.actions).toEqual(moves);
    expect(context.hintsTaken).toBe(1);
    expect(context.diagnosis).toEqual(diagnosis);
    expect(actor.getSnapshot().value).toBe('submitted');
  });

  it('a persisted snapshot restores the attempt exactly, and RESUME re-arms the time limit with what was left', () => {
    const clock = new SimulatedClock();
    const first = createActor(attemptMachine, { input: { mode: 'interview', timeLimitMinutes: 20 }, clock }).start();
    first.send({ type: 'START' });
    first.send({ type: 'ACTION', action: query, reveals: ['scope'] });
    clock.increment(15 * 60_000);
    const saved = JSON.parse(JSON.stringify(first.getPersistedSnapshot()));
    first.stop();

    const later = new SimulatedClock();
    const resumed = createActor(attemptMachine, { input: { mode: 'interview', timeLimitMinutes: 20 }, snapshot: saved, clock: later }).start();
    expect(resumed.getSnapshot().value).toEqual({ investigating: { scope: 'established', localize: 'unknown', rootCause: 'unknown' } });
    expect(resumed.getSnapshot().context.actions).toEqual([query]);
    resumed.send({ type: 'RESUME', at: 15 * 60 });
    expect(resumed.getSnapshot().value).toEqual({ investigating: { scope: 'established', localize: 'unknown', rootCause: 'unknown' } });
    later.increment(4 * 60_000);
    expect(resumed.getSnapshot().matches('investigating')).toBe(true);
    later.increment(60_000);
    expect(resumed.getSnapshot().value).toBe('submitted');
    expect(resumed.getSnapshot().context.timedOut).toBe(true);
    expect(resumed.getSnapshot().context.actions).toEqual([query]);
  });

  it('resumed after the limit already ran out, an interview ends at once', () => {
    const clock = new SimulatedClock();
    const actor = createActor(attemptMachine, { input: { mode: 'interview', timeLimitMinutes: 20 }, clock }).start();
    actor.send({ type: 'START' });
    actor.send({ type: 'RESUME', at: 46 * 60 });
    clock.increment(0);
    expect(actor.getSnapshot().context.timedOut).toBe(true);
  });

  it('ends an interview when the time limit runs out (simulated clock)', () => {
    const clock = new SimulatedClock();
    const actor = createActor(attemptMachine, { input: { mode: 'interview', timeLimitMinutes: 20 }, clock }).start();
    actor.send({ type: 'START' });
    clock.increment(19 * 60_000);
    expect(actor.getSnapshot().matches('investigating')).toBe(true);
    clock.increment(60_000);
    expect(actor.getSnapshot().value).toBe('submitted');
    expect(actor.getSnapshot().context.timedOut).toBe(true);
  });

  it('never times out in practice mode', () => {
    const clock = new SimulatedClock();
    const actor = createActor(attemptMachine, { input: { mode: 'practice', timeLimitMinutes: 1 }, clock }).start();
    actor.send({ type: 'START' });
    clock.increment(10 * 60_000);
    expect(actor.getSnapshot().matches('investigating')).toBe(true);
  });

  it('counts hints, up to the scenario’s number, and refuses them in interview mode', () => {
    const practice = createActor(attemptMachine, { input: { mode: 'practice', hintCount: 2 } }).start();
    practice.send({ type: 'START' });
    for (const at of [1, 2, 3]) practice.send({ type: 'HINT', at });
    expect(practice.getSnapshot().context.hintsTaken).toBe(2);
    const interview = createActor(attemptMachine, { input: { mode: 'interview', hintCount: 2 } }).start();
    interview.send({ type: 'START' });
    interview.send({ type: 'HINT', at: 1 });
    expect(interview.getSnapshot().context.hintsTaken).toBe(0);
  });

  it('has a path to every state (xstate/graph)', () => {
    const investigating = attemptMachine.getStateNodeById('attempt.investigating');
    const timeUp = investigating.after[0].eventType;
    const events: AttemptEvent[] = [
      { type: 'START' },
      { type: 'ACTION', action: query, reveals: ['scope'] },
      { type: 'ACTION', action: query, reveals: ['stage'] },
      { type: 'ACTION', action: query, reveals: ['component'] },
      { type: 'ACTION', action: query, reveals: ['cause'] },
      { type: 'HINT', at: 5 },
      { type: 'RESUME', at: 60 },
      { type: 'SUBMIT', diagnosis, at: 50 },
      { type: 'DEBRIEF' },
      { type: timeUp } as unknown as AttemptEvent,
    ];
    const paths = getShortestPaths(attemptMachine, {
      events,
      input: { mode: 'interview', hintCount: 1 },
      // Moves and hints make new contexts without end: key states by value and progress only.
      serializeState: (s) => JSON.stringify([s.value, s.context.seen.slice().sort(), s.context.timedOut]),
    });
    const reached = new Set(paths.map((p) => JSON.stringify(p.state.value)));
    const leaves = [
      '"briefing"',
      '"submitted"',
      '"debriefed"',
      ...['unknown', 'established'].flatMap((scope) =>
        ['unknown', 'stage', 'component'].flatMap((localize) =>
          ['unknown', 'found'].map((rootCause) => JSON.stringify({ investigating: { scope, localize, rootCause } })),
        ),
      ),
    ];
    for (const leaf of leaves) expect(reached, leaf).toContain(leaf);
    const timedOut = paths.find((p) => p.state.context.timedOut);
    expect(timedOut?.steps.map((s) => s.event.type)).toEqual(['xstate.init', 'START', timeUp]);
  });
});
