// An attempt's rules by mode, and the moves of a transcript the statechart would refuse under
// them (an imported file is refused rather than replayed with moves dropped).
import { describe, expect, it } from 'vitest';
import type { Action } from '../../scenario/actions.ts';
import { attemptRules, refusedMoves } from './rules.ts';

const scenario = { timeLimitMinutes: 25, hints: ['look at tenure', 'then the encoder'] };
const withHints: Action[] = [
  { at: 5, type: 'hint' },
  { at: 9, type: 'changelog' },
  { at: 12, type: 'hint' },
  { at: 20, type: 'hint' },
];

describe('attempt rules', () => {
  it('give practice the scenario’s hints and interview none, with the scenario’s time limit (else 45 minutes)', () => {
    expect(attemptRules(scenario, 'practice')).toEqual({
      limitMinutes: 25, hints: scenario.hints, input: { mode: 'practice', timeLimitMinutes: 25, hints: true, hintCount: 2 },
    });
    expect(attemptRules(scenario, 'interview').input).toEqual({ mode: 'interview', timeLimitMinutes: 25, hints: false, hintCount: 0 });
    expect(attemptRules({ ...scenario, tools: { hints: false } }, 'practice').hints).toEqual([]);
    expect(attemptRules({}, 'interview').limitMinutes).toBe(45);
  });

  it('refuse the hints a mode or scenario does not allow, and nothing else', () => {
    expect(refusedMoves(attemptRules(scenario, 'practice').input, withHints)).toEqual([3]);
    expect(refusedMoves(attemptRules(scenario, 'interview').input, withHints)).toEqual([0, 2, 3]);
    expect(refusedMoves(attemptRules(scenario, 'interview').input, [withHints[1]])).toEqual([]);
  });
});
