import { changeFlags, parse, WORLD_OPTIONS, worldFlags } from '../args.ts';
import { generateWorld } from '../world.ts';
import { worldDigest } from '../../sim/digest.ts';

export const digestHelp = `faultline digest [--seed N] [--users N] [--items N] [--days N] [--fault …] [--distractor …]
  Prints one hex digest of the generated world's logs. Same seed and sizes → same digest,
  on any machine and in the browser.`;

export function digestCommand(argv: string[]): void {
  const { values } = parse(argv, WORLD_OPTIONS);
  const world = generateWorld(worldFlags(values), values.quiet, changeFlags(values));
  console.log(worldDigest(world));
}
