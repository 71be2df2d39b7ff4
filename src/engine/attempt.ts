// Rule: one attempt is one statechart — briefing → investigating (three regions that climb as
// evidence arrives: scope, localize, root cause) → submitted → debriefed. It holds the moves and
// what they revealed, never the world: the judge (judge.ts) computes `reveals`, the chart only
// keeps score of progress, hints and, in interview mode, the time limit (which submits the
// attempt when it runs out). Pure: it runs in the app, a Web Worker or the CLI alike.
import { assign, setup } from 'xstate';
import type { Action } from '../scenario/actions.ts';
import type { Rung } from './rungs.ts';

type Diagnosis = Extract<Action, { type: 'submit' }>['diagnosis'];

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
}

export type AttemptEvent =
  | { type: 'START' }
  | { type: 'ACTION'; action: Action; reveals: Rung[] }
  | { type: 'HINT'; at: number }
  | { type: 'SUBMIT'; diagnosis: Diagnosis; at: number }
  | { type: 'DEBRIEF' };

const has = (rung: Rung) => ({ context }: { context: AttemptContext }) => context.seen.includes(rung);

export const attemptMachine = setup({
  types: { context: {} as AttemptContext, events: {} as AttemptEvent, input: {} as AttemptInput },
  guards: {
    isInterview: ({ context }) => context.mode === 'interview',
    canHint: ({ context }) => context.hintsAllowed && context.hintsTaken < context.hintCount,
    scopeSeen: has('scope'),
    stageSeen: has('stage'),
    componentSeen: has('component'),
    causeSeen: has('cause'),
  },
  actions: {
    record: assign(({ context, event }) => {
      if (event.type !== 'ACTION') return {};
      return { actions: [...context.actions, event.action], seen: [...new Set([...context.seen, ...event.reveals])] };
    }),
    takeHint: assign(({ context, event }) => {
      if (event.type !== 'HINT') return {};
      return { hintsTaken: context.hintsTaken + 1, actions: [...context.actions, { at: event.at, type: 'hint' } as Action] };
    }),
    submit: assign(({ context, event }) => {
      if (event.type !== 'SUBMIT') return {};
      return { diagnosis: event.diagnosis, actions: [...context.actions, { at: event.at, type: 'submit', diagnosis: event.diagnosis } as Action] };
    }),
    timeUp: assign({ timedOut: true }),
  },
  delays: {
    timeLimit: ({ context }) => context.timeLimitMs,
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
  }),
  initial: 'briefing',
  states: {
    briefing: { on: { START: 'investigating' } },
    investigating: {
      type: 'parallel',
      on: {
        ACTION: { actions: 'record' },
        HINT: { guard: 'canHint', actions: 'takeHint' },
        SUBMIT: { target: 'submitted', actions: 'submit' },
      },
      after: { timeLimit: { guard: 'isInterview', target: 'submitted', actions: 'timeUp' } },
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
