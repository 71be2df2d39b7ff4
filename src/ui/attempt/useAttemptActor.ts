// The attempt's statechart (the engine's xstate machine, src/engine/attempt.ts) runs beside the
// trail: every recorded move is sent to it, and in interview mode its time limit ends the attempt.
// A resumed attempt's actor gets the time that was left. (Taking the trail over entirely — the
// machine holding the moves — is the next step; the trail stays the app's record until then.)
import { useEffect } from 'react';
import { createActor } from 'xstate';
import { attemptMachine } from '../../engine/attempt.ts';
import type { Action } from '../../scenario/actions.ts';
import type { Mode } from '../route.ts';
import type { Trail } from './trail.ts';

interface AttemptOptions {
  mode: Mode;
  timeLimitMinutes: number;
  hints: boolean;
  hintCount: number;
}

export function useAttemptActor(trail: Trail, started: boolean, { mode, timeLimitMinutes, hints, hintCount }: AttemptOptions): void {
  useEffect(() => {
    if (!started || trail.ended) return;
    const remaining = Math.max(0.0001, timeLimitMinutes - trail.elapsed() / 60);
    const actor = createActor(attemptMachine, { input: { mode, timeLimitMinutes: remaining, hints, hintCount } });
    let sent = 0;
    const forward = () => {
      const actions = trail.snapshot;
      for (; sent < actions.length; sent++) {
        const a: Action = actions[sent];
        if (a.type === 'hint') actor.send({ type: 'HINT', at: a.at });
        else if (a.type === 'submit') actor.send({ type: 'SUBMIT', diagnosis: a.diagnosis, at: a.at });
        else actor.send({ type: 'ACTION', action: a, reveals: [] });
      }
    };
    actor.subscribe((snapshot) => {
      if (snapshot.matches('submitted') && snapshot.context.timedOut) trail.timeUp();
    });
    actor.start();
    actor.send({ type: 'START' });
    forward();
    const unsubscribe = trail.subscribe(forward);
    return () => {
      unsubscribe();
      actor.stop();
    };
  }, [trail, started, mode, timeLimitMinutes, hints, hintCount]);
}
