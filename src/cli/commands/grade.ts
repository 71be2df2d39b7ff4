// `faultline grade <scenario> <transcript.json> [--json]`: the score, its breakdown and every
// move's judgement — the same numbers the app shows for the same files.
import type { ParseArgsConfig } from 'node:util';
import { readFileSync } from 'node:fs';
import { parse, WORLD_OPTIONS, worldFlags } from '../args.ts';
import { UsageError } from '../errors.ts';
import { scenarioWorld, type ScenarioWorld } from '../scenarioArg.ts';
import { loadPair } from '../world.ts';
import { importTranscript } from '../../engine/importTranscript.ts';
import { openCase, type Case } from '../../engine/case.ts';
import { grade, type Grade } from '../../engine/grade.ts';
import { debriefText } from '../../engine/debrief.ts';
import type { Transcript } from '../../scenario/transcript.ts';

export const gradeHelp = `faultline grade <SCENARIO> <TRANSCRIPT.json> [--json] [--seed N] [--users N] [--items N] [--days N]
  Grades a recorded attempt: score 0–100 with correctness, directness, evidence and efficiency,
  each move classified (revealing, confirming, uninformative, premature, misled) with its reason,
  the expert path and what was missed. The world's seed is --seed, else the transcript's, else
  the scenario's. --users/--items/--days set the world's size (default: the scenario's), as the
  app's users/items/days URL parameters do: grade with the size the attempt was played in.`;

export function readTranscript(path: string): Transcript {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`cannot read the transcript "${path}"`, 1);
  }
  const imported = importTranscript(text, path);
  if (!imported.ok) throw new UsageError(imported.errors.join('\n'), 1);
  return imported.transcript;
}

/** The scenario's world at the right seed (flag, then transcript, then file), its pair and case. */
export async function openScenarioCase(arg: string, values: Record<string, unknown>, transcript?: Transcript, quiet = false): Promise<{ world: ScenarioWorld; c: Case; seconds: number }> {
  const flags = worldFlags(values);
  if (flags.seed === undefined && transcript?.seed !== undefined) flags.seed = transcript.seed;
  const world = scenarioWorld(arg, { config: flags, faults: [], distractors: [] });
  if (transcript?.scenario && world.scenario && transcript.scenario !== world.scenario.id) {
    console.error(`faultline: note: the transcript is of "${transcript.scenario}", graded against "${world.scenario.id}"`);
  }
  const started = performance.now();
  const pair = await loadPair(world.config, { ...values, quiet }, { faults: world.faults, distractors: world.distractors });
  const c = openCase(pair, world.scenario ?? {});
  return { world, c, seconds: (performance.now() - started) / 1000 };
}

export function gradeJson(g: Grade, c: Case) {
  return {
    scenario: c.scenario.id ?? null,
    seed: c.pair.factual.config.seed,
    score: g.score,
    breakdown: g.breakdown,
    weights: g.weights,
    efficiency: g.efficiency,
    claims: g.claims,
    credit: g.credit,
    otherFault: g.otherFault,
    missedFaults: g.missedFaults,
    actions: g.actions,
    truth: g.truth,
    expertPath: g.expertPath,
    missed: g.missed,
    debrief: g.debrief,
  };
}

/** The flags `faultline grade` takes (its --help lists them all). */
export const gradeOptions = { ...WORLD_OPTIONS, json: { type: 'boolean' } } as const satisfies ParseArgsConfig['options'];

export async function gradeCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parse(argv, gradeOptions);
  if (positionals.length !== 2) throw new UsageError('usage: faultline grade <scenario> <transcript.json> [--json]');
  const transcript = readTranscript(positionals[1]);
  const { c, world } = await openScenarioCase(positionals[0], values, transcript, values.quiet);
  const g = grade(c, transcript);
  if (values.json) console.log(JSON.stringify(gradeJson(g, c), null, 2));
  else console.log(debriefText(g, `${world.scenario?.title ?? positionals[0]} · seed ${c.pair.factual.config.seed}`, transcript.actions));
}
