// Rule: one attempt is one statechart — briefing → investigating (three regions that climb as
// evidence arrives: scope, localize, root cause) → submitted → debriefed. Its context is the
// attempt's record: the moves in transcript form (docs/transcripts.md), hints taken, the diagnosis and what
// the moves revealed — never the world: the judge (judge.ts) computes `reveals`. In interview
// mode the time limit submits the attempt when it runs out. A persisted snapshot restores the
// attempt exactly; RESUME restarts its clock where it stopped (xstate does not re-arm a delay on
// restore). Pure: it runs in the app, a Web Worker or the CLI alike.
import { assign, setup } from 'xstate';
import type { Action, Diagnosis } from '../scenario/actions.ts';
import type { Rung } from './rungs.ts';


export interface AttemptInput {
  mode: 'practice' | 'interview';
  /** Interview mode's limit (default 30 minutes). */
  timeLimitMinutes?: number;
  /** Whether hints may be taken (never in interview mode). */
  hints?: boolean;
  hintCount?: number;
}

export interface AttemptContext {
  mode: 'practice' | 'interview';
  timeLimitMs: number;
  hintsAllowed: boolean;
  hintCount: number;
  hintsTaken: number;
  actions: Action[];
  seen: Rung[];
  diagnosis: Diagnosis | null;
  timedOut: boolean;
  /** Milliseconds already spent when the clock last (re)started: the time limit counts the rest. */
  spentMs: number;
}

export type AttemptEvent =
  | { type: 'START' }
  /** A restored attempt's clock starts again, `at` seconds in. */
  | { type: 'RESUME'; at: number }
  | { type: 'ACTION'; action: Action; reveals: Rung[] }
  | { type: 'HINT'; at: number }
  | { type: 'SUBMIT'; diagnosis: Diagnosis; at: number }
  | { type: 'DEBRIEF' };

/** The event that records one transcript move (a hint and the diagnosis have their own). */
export function eventOf(action: Action, reveals: Rung[] = []): AttemptEvent {
  if (action.type === 'submit') return { type: 'SUBMIT', diagnosis: action.diagnosis, at: action.at };
  if (action.type === 'hint') return { type: 'HINT', at: action.at };
  return { type: 'ACTION', action, reveals };
}

const has = (rung: Rung) => ({ context }: { context: AttemptContext }) => context.seen.includes(rung);

export const attemptMachine = setup({
  types: { context: {} as AttemptContext, events: {} as AttemptEvent, input: {} as AttemptInput },
  guards: {
    isInterview: ({ context }) => context.mode === 'interview',
    hintsLeft: ({ context }) => context.hintsAllowed && context.hintsTaken < context.hintCount,
    scopeSeen: has('scope'),
    stageSeen: has('stage'),
    componentSeen: has('component'),
    causeSeen: has('cause'),
  },
  actions: {
    recordMove: assign(({ context, event }) => {
      if (event.type !== 'ACTION') return {};
      return { actions: [...context.actions, event.action], seen: [...new Set([...context.seen, ...event.reveals])] };
    }),
    takeHint: assign(({ context, event }) => {
      if (event.type !== 'HINT') return {};
      return { hintsTaken: context.hintsTaken + 1, actions: [...context.actions, { at: event.at, type: 'hint' } as Action] };
    }),
    recordDiagnosis: assign(({ context, event }) => {
      if (event.type !== 'SUBMIT') return {};
      return { diagnosis: event.diagnosis, actions: [...context.actions, { at: event.at, type: 'submit', diagnosis: event.diagnosis } as Action] };
    }),
    markTimeUp: assign({ timedOut: true }),
    restartClock: assign(({ event }) => (event.type === 'RESUME' ? { spentMs: Math.max(0, event.at) * 1000 } : {})),
  },
  delays: {
    timeLeft: ({ context }) => Math.max(0, context.timeLimitMs - context.spentMs),
  },
}).createMachine({
  id: 'attempt',
  context: ({ input }) => ({
    mode: input.mode,
    timeLimitMs: 60_000 * (input.timeLimitMinutes ?? 30),
    hintsAllowed: input.mode === 'practice' && input.hints !== false,
    hintCount: input.hintCount ?? 3,
    hintsTaken: 0,
    actions: [],
    seen: [],
    diagnosis: null,
    timedOut: false,
    spentMs: 0,
  }),
  initial: 'briefing',
  states: {
    briefing: { on: { START: 'investigating' } },
    investigating: {
      type: 'parallel',
      on: {
        ACTION: { actions: 'recordMove' },
        HINT: { guard: 'hintsLeft', actions: 'takeHint' },
        SUBMIT: { target: 'submitted', actions: 'recordDiagnosis' },
        // Re-entering re-arms the time limit with what is left; the regions climb back at once.
        RESUME: { target: 'investigating', reenter: true, actions: 'restartClock' },
      },
      after: { timeLeft: { guard: 'isInterview', target: 'submitted', actions: 'markTimeUp' } },
      states: {
        scope: {
          initial: 'unknown',
          states: { unknown: { always: { guard: 'scopeSeen', target: 'established' } }, established: {} },
        },
        localize: {
          initial: 'unknown',
          states: {
            unknown: { always: [{ guard: 'componentSeen', target: 'component' }, { guard: 'stageSeen', target: 'stage' }] },
            stage: { always: { guard: 'componentSeen', target: 'component' } },
            component: {},
          },
        },
        rootCause: {
          initial: 'unknown',
          states: { unknown: { always: { guard: 'causeSeen', target: 'found' } }, found: {} },
        },
      },
    },
    submitted: { on: { DEBRIEF: 'debriefed' } },
    debriefed: { type: 'final' },
  },
});
