// The world as a pure function of its config and the changes injected into it: entities, a
// short unlogged burn-in that trains the ranker, then the logged days. `simulatePair` also runs
// the counterfactual twin — the same world with the faults' breakage removed and distractors
// kept — sharing every day before the first fault's onset. For most faults the twin simply goes
// without them; a fault that breaks something the team meant to do (an experiment, a nightly
// retrain) keeps that intent in the twin (see `applyCounterfactual` in faults/apply.ts).
import { worldConfig, type WorldConfig } from './config.ts';
import { buildSetup } from './world/setup.ts';
import type { Progress, World } from './world/world.ts';
import { Simulation, BURN_IN_DAYS } from './simulation.ts';
import { pipelineForDay } from './faults/apply.ts';
import { resolveDistractors, resolveFaults, type DistractorSpec, type FaultSpec } from './faults/specs.ts';

export interface SimulationOptions {
  faults?: readonly FaultSpec[];
  distractors?: readonly DistractorSpec[];
  onProgress?: Progress;
}

export interface WorldPair {
  factual: World;
  /** The same world with every fault's breakage removed (distractors kept): the ground truth's baseline. */
  twin: World;
}

export function simulateWorld(partial: Partial<WorldConfig> = {}, options: SimulationOptions = {}): World {
  return run(partial, options, false).factual;
}

export function simulatePair(partial: Partial<WorldConfig> = {}, options: SimulationOptions = {}): WorldPair {
  const { factual, twin } = run(partial, options, true);
  return { factual, twin: twin! };
}

/**
 * The fault-free twin alone, simulated from the start (the same days before the onset as the
 * factual world, since its pipeline is the same until then): what completes a pair when the
 * factual world is already at hand, costing one world instead of regenerating both.
 */
export function simulateTwin(partial: Partial<WorldConfig> = {}, options: SimulationOptions = {}): World {
  const config = worldConfig(partial);
  const faults = resolveFaults(options.faults ?? [], config.seed, config.days);
  const distractors = resolveDistractors(options.distractors ?? [], config.seed, config.days);
  const progress = options.onProgress ?? (() => {});
  progress(0, 'Generating users and items');
  const setup = buildSetup(config, distractors);
  const twin = new Simulation(setup, (day) => pipelineForDay(day, faults, distractors, { counterfactual: true }));
  const total = BURN_IN_DAYS + config.days;
  let done = 0;
  while (twin.day < config.days) {
    twin.runDay();
    progress(0.08 + (0.9 * ++done) / total, `Counterfactual twin: day ${Math.max(0, twin.day)} of ${config.days}`);
  }
  progress(1, 'Done');
  return twin.finish([], distractors, true);
}

function run(partial: Partial<WorldConfig>, options: SimulationOptions, withTwin: boolean): { factual: World; twin?: World } {
  const config = worldConfig(partial);
  const { seed, days } = config;
  const faults = resolveFaults(options.faults ?? [], seed, days);
  const distractors = resolveDistractors(options.distractors ?? [], seed, days);
  const progress = options.onProgress ?? (() => {});
  progress(0, 'Generating users and items');
  const setup = buildSetup(config, distractors);
  progress(0.06, 'Encoding the catalogue and building indexes');

  const factualFor = (day: number) => pipelineForDay(day, faults, distractors);
  // The twin runs without the faults' breakage (for most faults: without the faults at all).
  const twinFor = (day: number) => pipelineForDay(day, faults, distractors, { counterfactual: true });
  // Days before the first onset are identical in both worlds: simulate them once.
  const forkDay = faults.length ? Math.min(...faults.map((f) => f.onsetDay)) : days + 1;
  const twinDays = withTwin ? days - forkDay + 1 : 0;
  const total = BURN_IN_DAYS + days + twinDays;
  let done = 0;
  const step = (label: string) => progress(0.08 + (0.9 * ++done) / total, label);

  const factual = new Simulation(setup, factualFor);
  let twin: Simulation | null = null;
  while (factual.day < days) {
    if (withTwin && factual.day + 1 === forkDay) twin = factual.fork(twinFor);
    factual.runDay();
    step(factual.day >= 1 ? `Simulated day ${factual.day} of ${days}` : 'Training the ranker');
  }
  if (withTwin && !twin) twin = factual.fork(twinFor); // no fault: the twin is the world itself
  if (twin) {
    while (twin.day < days) {
      twin.runDay();
      step(`Counterfactual twin: day ${twin.day} of ${days}`);
    }
  }
  progress(1, 'Done');
  return {
    factual: factual.finish(faults, distractors, false),
    twin: twin?.finish([], distractors, true),
  };
}
