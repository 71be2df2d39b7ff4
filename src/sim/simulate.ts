// The world as a pure function of its config and the changes injected into it: entities, a
// short unlogged burn-in that trains the ranker, then the logged days. `simulatePair` also runs
// the counterfactual twin — the same world with the faults' breakage removed and distractors
// kept — sharing every day before the first fault's onset. For most faults the twin simply goes
// without them; a fault that breaks something the team meant to do (an experiment, a nightly
// retrain) keeps that intent in the twin (see `applyCounterfactual` in faults/apply.ts).
import { worldConfig, type WorldConfig } from './config.ts';
import { sharedSetup } from './world/setup.ts';
import type { Progress, World } from './world/world.ts';
import { Simulation, BURN_IN_DAYS, type ShardServer } from './simulation.ts';
import { pipelineForDay } from './faults/apply.ts';
import { resolveDistractors, resolveFaults, type DistractorSpec, type FaultSpec, type ResolvedDistractor } from './faults/specs.ts';

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
  return runSync(schedule(partial, options, 'world')).factual!;
}

export function simulatePair(partial: Partial<WorldConfig> = {}, options: SimulationOptions = {}): WorldPair {
  const { factual, twin } = runSync(schedule(partial, options, 'pair'));
  return { factual: factual!, twin: twin! };
}

/**
 * The fault-free twin alone, simulated from the start (the same days before the onset as the
 * factual world, since its pipeline is the same until then): what completes a pair when the
 * factual world is already at hand, costing one world instead of regenerating both.
 */
export function simulateTwin(partial: Partial<WorldConfig> = {}, options: SimulationOptions = {}): World {
  return runSync(schedule(partial, options, 'twin')).twin!;
}

/** Hosts on other threads serving each day's shards, and how to let them go. */
export interface ShardPool {
  serve: ShardServer;
  close(): void | Promise<void>;
}

/**
 * The same worlds with each day's visits served in shards by the pool `poolFor` starts (worker
 * threads, Web Workers) — equal to the single-threaded ones, digest for digest. The pool is
 * closed when the run ends, whether it succeeds or fails.
 */
export async function simulateWith(
  poolFor: (config: WorldConfig, distractors: ResolvedDistractor[]) => ShardPool,
  what: 'world' | 'pair' | 'twin',
  partial: Partial<WorldConfig> = {},
  options: SimulationOptions = {},
): Promise<{ factual?: World; twin?: World }> {
  // The hosts build their setup (the same as this thread's, from the same resolved request)
  // while this thread builds its own.
  const { config, distractors } = resolveRun(partial, options);
  const pool = poolFor(config, distractors);
  try {
    const run = schedule(partial, options, what);
    for (let step = run.next(); ; step = run.next()) {
      if (step.done) return step.value;
      await step.value.runDayWith(pool.serve);
    }
  } finally {
    await pool.close();
  }
}

function runSync(run: Generator<Simulation, { factual?: World; twin?: World }>): { factual?: World; twin?: World } {
  for (let step = run.next(); ; step = run.next()) {
    if (step.done) return step.value;
    step.value.runDay();
  }
}

/** What a run's worlds are made from: the config and the changes, resolved. */
export function resolveRun(partial: Partial<WorldConfig>, options: SimulationOptions) {
  const config = worldConfig(partial);
  return {
    config,
    faults: resolveFaults(options.faults ?? [], config.seed, config.days),
    distractors: resolveDistractors(options.distractors ?? [], config.seed, config.days),
  };
}

/**
 * The days to simulate, in order, as the simulation each belongs to (the caller runs each and
 * resumes): the factual world's days — forking the twin at the first onset when both are
 * wanted — then the twin's remaining days; or the twin alone from the start.
 */
function* schedule(partial: Partial<WorldConfig>, options: SimulationOptions, what: 'world' | 'pair' | 'twin'): Generator<Simulation, { factual?: World; twin?: World }> {
  const { config, faults, distractors } = resolveRun(partial, options);
  const { days } = config;
  const progress = options.onProgress ?? (() => {});
  progress(0, 'Generating users and items');
  const setup = sharedSetup(config, distractors);
  progress(0.06, 'Encoding the catalogue and building indexes');

  const factualFor = (day: number) => pipelineForDay(day, faults, distractors);
  // The twin runs without the faults' breakage (for most faults: without the faults at all).
  const twinFor = (day: number) => pipelineForDay(day, faults, distractors, { counterfactual: true });
  if (what === 'twin') {
    const twin = new Simulation(setup, twinFor);
    const total = BURN_IN_DAYS + days;
    for (let done = 1; twin.day < days; done++) {
      yield twin;
      progress(0.08 + (0.9 * done) / total, `Counterfactual twin: day ${Math.max(0, twin.day)} of ${days}`);
    }
    progress(1, 'Done');
    return { twin: twin.finish([], distractors, true) };
  }
  const withTwin = what === 'pair';
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
    yield factual;
    step(factual.day >= 1 ? `Simulated day ${factual.day} of ${days}` : 'Training the ranker');
  }
  if (withTwin && !twin) twin = factual.fork(twinFor); // no fault: the twin is the world itself
  if (twin) {
    while (twin.day < days) {
      yield twin;
      step(`Counterfactual twin: day ${twin.day} of ${days}`);
    }
  }
  progress(1, 'Done');
  return {
    factual: factual.finish(faults, distractors, false),
    twin: twin?.finish([], distractors, true),
  };
}
