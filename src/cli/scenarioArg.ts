// A command's optional scenario argument: a path to a scenario file or the id of a built-in one
// (scenarios/<id>.yaml). Its world, faults and distractors become the command's, with --seed
// and size flags taking precedence (a new seed: same lesson, another variant).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './errors.ts';
import { REPO_ROOT } from './paths.ts';
import { loadScenario } from '../scenario/load.ts';
import { formatError } from '../scenario/errors.ts';
import type { Scenario } from '../scenario/schema.ts';
import { scenarioWorld as scenarioWorldOf } from '../scenario/scenarioWorld.ts';
import type { WorldConfig } from '../sim/config.ts';
import type { DistractorSpec, FaultSpec } from '../sim/faults/specs.ts';

export const BUILT_IN_DIR = join(REPO_ROOT, 'scenarios/');

export interface ScenarioWorld {
  scenario: Scenario | null;
  config: Partial<WorldConfig>;
  faults: FaultSpec[];
  distractors: DistractorSpec[];
}

export function scenarioWorld(
  arg: string | undefined,
  flags: { config: Partial<WorldConfig>; faults: FaultSpec[]; distractors: DistractorSpec[] },
): ScenarioWorld {
  if (!arg) return { scenario: null, ...flags };
  const builtIn = join(BUILT_IN_DIR, `${arg}.yaml`);
  const file = existsSync(arg) ? arg : /^[a-z0-9-]+$/.test(arg) && existsSync(builtIn) ? builtIn : null;
  if (!file) throw new UsageError(`"${arg}" is neither a scenario file nor a built-in scenario id (see ${BUILT_IN_DIR})`);
  const loaded = loadScenario(readFileSync(file, 'utf8'), file);
  if (!loaded.ok) throw new UsageError(loaded.errors.map(formatError).join('\n'), 1);
  return { scenario: loaded.scenario, ...scenarioWorldOf(loaded.scenario, flags) };
}
