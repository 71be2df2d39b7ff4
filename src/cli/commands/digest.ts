import { changeFlags, parse, WORLD_OPTIONS, worldFlags } from '../args.ts';
import { loadWorld } from '../world.ts';
import { scenarioWorld } from '../scenarioArg.ts';
import { worldDigest } from '../../sim/digest.ts';

export const digestHelp = `faultline digest [SCENARIO] [--seed N] [--users N] [--items N] [--days N] [--fault …] [--distractor …]
  Prints one hex digest of the generated world's logs. Same seed and sizes → same digest,
  on any machine and in the browser.`;

/** The flags `faultline digest` takes (its --help lists them all). */
export const digestOptions = WORLD_OPTIONS;

export async function digestCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parse(argv, digestOptions);
  const { config, faults, distractors } = scenarioWorld(positionals[0], { config: worldFlags(values), ...changeFlags(values) });
  const world = await loadWorld(config, values, { faults, distractors });
  console.log(worldDigest(world));
}
