// What a scenario asks the simulator for: its world config, faults and distractors, with
// overrides (a new seed: same lesson, another variant; smaller sizes for tests) taking
// precedence. The CLI and the app both build their worlds through this, so the same scenario
// and seed give the same world — and the same digest — everywhere.
import type { WorldConfig } from '../sim/config.ts';
import type { DistractorSpec, FaultSpec } from '../sim/faults/specs.ts';
import type { Scenario } from './schema.ts';

export interface WorldRequest {
  config: Partial<WorldConfig>;
  faults: FaultSpec[];
  distractors: DistractorSpec[];
}

/** Keys whose value is undefined are dropped, so they never mask a default. */
function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function scenarioWorld(
  scenario: Scenario,
  overrides: { config?: Partial<WorldConfig>; faults?: FaultSpec[]; distractors?: DistractorSpec[] } = {},
): WorldRequest {
  const { seed, days, users, items, mix } = scenario.world;
  return {
    config: {
      ...defined({ seed, days, users, items }),
      ...(mix ? { mix: defined(mix) as WorldConfig['mix'] } : {}),
      ...defined(overrides.config ?? {}),
    },
    faults: [...scenario.faults, ...(overrides.faults ?? [])],
    distractors: [...(scenario.distractors ?? []), ...(overrides.distractors ?? [])],
  };
}
