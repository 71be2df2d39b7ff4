// What an attempt at a scenario allows, by mode: the time limit (the scenario's, else 45 minutes)
// and hints — only in practice mode, only the scenario's, and none when it switches them off
// (tools.hints: false). The statechart enforces them; an imported transcript that breaks them
// is refused rather than replayed with moves dropped (its grade would no longer be the CLI's).
import { createActor } from 'xstate';
import { attemptMachine, eventOf, type AttemptInput } from '../../engine/attempt.ts';
import type { Action } from '../../scenario/actions.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { Mode } from '../route.ts';

import { DEFAULT_TIME_LIMIT_MINUTES } from './timeLimit.ts';

export { DEFAULT_TIME_LIMIT_MINUTES };

export interface AttemptRules {
  limitMinutes: number;
  hints: readonly string[];
  /** The statechart's input. */
  input: AttemptInput;
}

export function attemptRules(scenario: Pick<Scenario, 'timeLimitMinutes' | 'hints' | 'tools'>, mode: Mode): AttemptRules {
  const limitMinutes = scenario.timeLimitMinutes ?? DEFAULT_TIME_LIMIT_MINUTES;
  const hints = mode === 'practice' && scenario.tools?.hints !== false ? (scenario.hints ?? []) : [];
  return { limitMinutes, hints, input: { mode, timeLimitMinutes: limitMinutes, hints: hints.length > 0, hintCount: hints.length } };
}

/** The indices of moves the statechart refuses under `input` (a hint the mode or scenario does not allow). */
export function refusedMoves(input: AttemptInput, actions: readonly Action[]): number[] {
  const actor = createActor(attemptMachine, { input }).start();
  actor.send({ type: 'START' });
  const refused: number[] = [];
  actions.forEach((action, i) => {
    const before = actor.getSnapshot().context.actions.length;
    actor.send(eventOf(action));
    if (actor.getSnapshot().context.actions.length === before) refused.push(i);
  });
  actor.stop();
  return refused;
}
