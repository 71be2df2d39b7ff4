// The flagship scenario's faults and distractors as the bench generates them: a world with a
// fault acting (from day 8) is the world a user waits for.
import { readFileSync } from 'node:fs';
import { loadScenario } from '../src/scenario/load.ts';
import { scenarioWorld } from '../src/scenario/scenarioWorld.ts';
import type { SimulationOptions } from '../src/sim/simulate.ts';
import type { WorldConfig } from '../src/sim/config.ts';

export const FLAGSHIP = 'cold-start-niche-aesthetics';
const file = new URL(`../scenarios/${FLAGSHIP}.yaml`, import.meta.url);
const loaded = loadScenario(readFileSync(file, 'utf8'), `${FLAGSHIP}.yaml`);
if (!loaded.ok) throw new Error(`the flagship scenario does not load: ${JSON.stringify(loaded.errors[0])}`);
export const FLAGSHIP_SCENARIO = loaded.scenario;
const world = scenarioWorld(loaded.scenario);
export const FLAGSHIP_CHANGES: SimulationOptions = { faults: world.faults, distractors: world.distractors };
/** The flagship's seed and sizes (the default world's sizes), with the bench's overrides. */
export const flagshipConfig = (overrides: Partial<WorldConfig> = {}): Partial<WorldConfig> => ({ ...world.config, ...overrides });
