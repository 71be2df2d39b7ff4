// The claims at other seeds, on request (as `faultline test --seeds N` checks them): a claim
// tuned at the file's seed alone may be false for a learner given another seed or variant. Each
// seed's world is read from this browser's store or generated in a worker of its own, one after
// the other, with progress; Stop, leaving the studio or a new run closes the worker at work.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClaimCheck } from '../../engine/claims.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { scenarioWorld } from '../../scenario/scenarioWorld.ts';
import { WorldClient } from '../worldClient.ts';

/** How many seeds besides the file's one a run checks (seeds 1 … N, as `faultline test --seeds N`). */
export const STUDIO_SEEDS = 5;

export interface SeedChecks {
  seed: number;
  checks: ClaimCheck[];
}

export type SeedsState =
  | { status: 'idle' }
  | { status: 'running'; key: string; done: SeedChecks[]; seed: number; index: number; of: number; fraction: number; label: string }
  /** `stopped`: the person stopped the run before every seed was checked. */
  | { status: 'done'; key: string; done: SeedChecks[]; stopped?: boolean }
  | { status: 'failed'; key: string; done: SeedChecks[]; message: string };

/** What a run's results depend on: the world but its seed, and the claims. */
export function seedsKey(scenario: Scenario): string {
  const { config, ...changes } = scenarioWorld(scenario);
  const { seed: _seed, ...rest } = config;
  return JSON.stringify([rest, changes, scenario.claims ?? []]);
}

/** The seeds a run checks: 1 … N, the file's own left out (it is checked beside the editor). */
export const seedsToCheck = (fileSeed: number, n = STUDIO_SEEDS): number[] =>
  Array.from({ length: n + 1 }, (_, i) => i + 1).filter((s) => s !== fileSeed).slice(0, n);

/** One world at `seed`: ready, then its claims checked; the client is closed either way. */
function checkAt(scenario: Scenario, seed: number, onClient: (c: WorldClient | null) => void, onProgress: (fraction: number, label: string) => void): Promise<ClaimCheck[]> {
  const request = scenarioWorld(scenario, { config: { seed } });
  return new Promise<ClaimCheck[]>((resolve, reject) => {
    const client = new WorldClient(request, {
      onProgress,
      onReady: () => client.checkClaims(scenario.claims ?? []).then(resolve, reject),
      onFailed: (message) => reject(new Error(message)),
    });
    onClient(client);
  }).finally(() => onClient(null));
}

export function useClaimSeeds(): { state: SeedsState; run: (scenario: Scenario) => void; stop: () => void } {
  const [state, setState] = useState<SeedsState>({ status: 'idle' });
  const working = useRef<WorldClient | null>(null);
  const runId = useRef(0);

  const stop = useCallback(() => {
    runId.current++;
    working.current?.dispose();
    working.current = null;
    setState((s) => (s.status === 'running' ? { status: 'done', key: s.key, done: s.done, stopped: true } : s));
  }, []);
  useEffect(() => {
    return stop;
  }, [stop]);

  const run = useCallback((scenario: Scenario) => {
    stop();
    const id = ++runId.current;
    const key = seedsKey(scenario);
    const seeds = seedsToCheck(scenario.world.seed);
    void (async () => {
      const done: SeedChecks[] = [];
      for (const [index, seed] of seeds.entries()) {
        if (id !== runId.current) return;
        setState({ status: 'running', key, done: [...done], seed, index, of: seeds.length, fraction: index / seeds.length, label: `Seed ${seed}` });
        try {
          const checks = await checkAt(
            scenario,
            seed,
            (c) => (working.current = c),
            (fraction, label) =>
              id === runId.current && setState({ status: 'running', key, done: [...done], seed, index, of: seeds.length, fraction: (index + fraction) / seeds.length, label: `Seed ${seed} (${index + 1} of ${seeds.length}): ${label}` }),
          );
          done.push({ seed, checks });
        } catch (error) {
          if (id === runId.current) setState({ status: 'failed', key, done, message: error instanceof Error ? error.message : String(error) });
          return;
        }
      }
      if (id === runId.current) setState({ status: 'done', key, done });
    })();
  }, [stop]);

  return { state, run, stop };
}
