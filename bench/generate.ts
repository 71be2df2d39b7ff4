// One generation, alone in its own process (run by bench/run.ts): the default world, or the
// world and its twin, never read from a cache. Prints one JSON line with the wall time, the
// impression count and the process's peak resident memory — a world's own, not the bench's.
import { simulatePair, simulateWorld } from '../src/sim/simulate.ts';
import { FLAGSHIP_CHANGES, flagshipConfig } from './flagship.ts';

const [what, configJson] = process.argv.slice(2);
const config = flagshipConfig(JSON.parse(configJson ?? '{}'));
const started = performance.now();
const impressions =
  what === 'pair'
    ? simulatePair(config, FLAGSHIP_CHANGES).factual.logs.impressions.rows
    : simulateWorld(config, FLAGSHIP_CHANGES).logs.impressions.rows;
const ms = performance.now() - started;
console.log(JSON.stringify({ ms, impressions, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
