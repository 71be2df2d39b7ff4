// What a world's data is a function of, as one canonical text: the full config, the distractors
// as resolved, the pipeline as it runs on each day, and the version of the generating code. The
// faults enter only through the pipelines they change — so a fault-free twin and the world
// without that fault (for most kinds) share one key, and twins of different faults in one world
// share theirs. Caches key worlds by its hash (the CLI's on disk, the app's in the browser) and
// label a world read back with the request's own faults (`WorldKey.label`).
import { worldConfig, type WorldConfig } from './config.ts';
import { pipelineForDay } from './faults/apply.ts';
import { resolveDistractors, resolveFaults, type DistractorSpec, type FaultSpec } from './faults/specs.ts';
import type { World } from './world/world.ts';

/** The factual world, or its fault-free twin. */
export type WorldRole = 'world' | 'twin';

export interface WorldKey {
  text: string;
  /** The world as this request names it: its own faults (none for a twin) and role. */
  label(world: World): World;
}

/** The key of the world a request makes, or null when the request is invalid (the generator will say why). */
export function worldKey(
  role: WorldRole,
  partial: Partial<WorldConfig>,
  changes: { faults?: readonly FaultSpec[]; distractors?: readonly DistractorSpec[] },
  codeVersion: string,
): WorldKey | null {
  try {
    const config = worldConfig(partial);
    const faults = resolveFaults(changes.faults ?? [], config.seed, config.days);
    const distractors = resolveDistractors(changes.distractors ?? [], config.seed, config.days);
    const twin = role === 'twin';
    // The simulation reads its pipeline for days 1..days and nothing else of the faults.
    const pipelines = Array.from({ length: config.days }, (_, d) => pipelineForDay(d + 1, faults, distractors, { counterfactual: twin }));
    const text = JSON.stringify({ config, distractors, pipelines, code: codeVersion }, exact);
    const named = twin ? [] : faults;
    return { text, label: (world) => ({ ...world, faults: [...named], distractors: [...distractors], counterfactual: twin }) };
  } catch {
    return null;
  }
}

/** JSON that keeps what plain JSON would blur (NaN, ±Infinity and undefined become null or vanish). */
function exact(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) return `number:${value}`;
  if (value === undefined) return 'undefined';
  return value;
}
