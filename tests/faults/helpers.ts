// Fault signature tests run each fault once in a mid-sized world (fixed seed), onset day 5 of
// 10, and read its footprint — factual against the fault-free twin — over days 5–10.
import type { WorldPair } from '../../src/sim/simulate.ts';
import { generatePair } from '../../src/cli/world.ts';
import { footprint, type FootprintCell } from '../../src/sim/footprint.ts';
import type { QuerySpec } from '../../src/sim/query/spec.ts';
import type { DistractorSpec, FaultSpec } from '../../src/sim/faults/specs.ts';

export const SIGNATURE_WORLD = { seed: 20260415, users: 8000, items: 16000, days: 10 } as const;
export const ONSET = 5;
export const AFTER: [number, number] = [ONSET, SIGNATURE_WORLD.days];

const pairs = new Map<string, WorldPair>();

export function pairWith(fault: Omit<FaultSpec, 'onsetDay'> & { onsetDay?: number }, distractors: DistractorSpec[] = []): WorldPair {
  const key = JSON.stringify([fault, distractors]);
  let pair = pairs.get(key);
  if (!pair) {
    pair = generatePair(SIGNATURE_WORLD, { quiet: true }, { faults: [{ onsetDay: ONSET, ...fault }], distractors });
    pairs.set(key, pair);
  }
  return pair;
}

/** The footprint cells of a query after onset, keyed by group (or 'all'). */
export function cellsOf(pair: WorldPair, spec: QuerySpec): Record<string, FootprintCell> {
  const f = footprint(pair, { window: AFTER, ...spec });
  return Object.fromEntries(f.cells.map((c) => [c.group ?? String(c.day ?? 'all'), c]));
}

/** Moved significantly in the given direction. */
export const fell = (c: FootprintCell) => c.significant && c.difference! < 0;
export const rose = (c: FootprintCell) => c.significant && c.difference! > 0;
/** Did not move significantly, and moved less than `tolerance` relative to the twin. */
export const flat = (c: FootprintCell, tolerance = 0.03) => !c.significant || Math.abs(c.relative ?? 0) < tolerance;
