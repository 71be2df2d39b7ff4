// What a world is a function of, as one canonical text: the kind of world (the factual world,
// its twin, or both), the full config, the faults and distractors as resolved (parameters filled
// in, variants picked) and the version of the generating code. Caches key worlds by its hash —
// the CLI's on disk, the app's in the browser — so equal requests share one world.
import { worldConfig, type WorldConfig } from './config.ts';
import { resolveDistractors, resolveFaults, type DistractorSpec, type FaultSpec } from './faults/specs.ts';

export type WorldKind = 'world' | 'twin' | 'pair';

/** The canonical text, or null when the request is invalid (the generator will say why). */
export function worldKeyText(
  kind: WorldKind,
  partial: Partial<WorldConfig>,
  changes: { faults?: readonly FaultSpec[]; distractors?: readonly DistractorSpec[] },
  codeVersion: string,
): string | null {
  try {
    const config = worldConfig(partial);
    const faults = resolveFaults(changes.faults ?? [], config.seed, config.days);
    const distractors = resolveDistractors(changes.distractors ?? [], config.seed, config.days);
    return JSON.stringify({ kind, config, faults, distractors, code: codeVersion });
  } catch {
    return null;
  }
}
