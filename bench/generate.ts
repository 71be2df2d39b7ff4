// One generation, alone in its own process (run by bench/run.ts): the flagship's world, or the
// world and its twin, never read from a cache — on every core as the CLI generates (`threads`),
// or on one thread (`single`). Prints one JSON line with the wall time, the impression count
// and the process's peak resident memory (its worker threads included) — a world's own.
import { simulatePair, simulateWorld } from '../src/sim/simulate.ts';
import { simulateThreaded } from '../src/cli/world.ts';
import { FLAGSHIP_CHANGES, flagshipConfig } from './flagship.ts';

const [what, mode, configJson] = process.argv.slice(2);
const config = flagshipConfig(JSON.parse(configJson ?? '{}'));
const started = performance.now();
const made =
  mode === 'single'
    ? what === 'pair'
      ? simulatePair(config, FLAGSHIP_CHANGES)
      : { factual: simulateWorld(config, FLAGSHIP_CHANGES) }
    : await simulateThreaded(what === 'pair' ? 'pair' : 'world', config, FLAGSHIP_CHANGES);
const impressions = made.factual!.logs.impressions.rows;
const ms = performance.now() - started;
console.log(JSON.stringify({ ms, impressions, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
