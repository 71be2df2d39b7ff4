// Solvability: a fault too weak to leave a visible mark cannot be solved, and says which rungs.
import { describe, expect, it } from 'vitest';
import { simulatePair } from '../../src/sim/simulate.ts';
import { openCase } from '../../src/engine/case.ts';
import { solvability } from '../../src/engine/solvability.ts';
import { grade } from '../../src/engine/grade.ts';

describe('solvability', () => {
  it('fails, naming every rung, when the fault leaves no visible mark', () => {
    const pair = simulatePair({ seed: 4, users: 2000, items: 4000, days: 6 }, {
      faults: [{ kind: 'encoder-mislabel', onsetDay: 6, params: { aesthetics: ['cyberpunk'], rate: 0.01 } }],
    });
    const c = openCase(pair);
    const report = solvability(c);
    expect(report.ok).toBe(false);
    expect(report.steps.filter((s) => !s.ok).map((s) => s.rung)).toContain('scope');
    expect(report.problems[0]).toMatch(/no move reveals the scope at this seed/);
    // It says what would help: each failing step names its knobs (the rate parameter, a symptom).
    const scope = report.steps.find((s) => s.rung === 'scope')!;
    expect(scope.advice!.join('\n')).toMatch(/a stronger fault: its rate parameter/);
    expect(scope.advice!.join('\n')).toMatch(/answer\.symptom/);
    expect(scope.advice!.join('\n')).toMatch(/a longer window: only 1 day\(s\) follow the onset/);
    // The expert path still ends in the right diagnosis, and grading works.
    expect(grade(c, []).expertPath.at(-1)!.action.type).toBe('submit');
  }, 120_000);
});
