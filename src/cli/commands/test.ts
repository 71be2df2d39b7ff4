// `faultline test [files…] [--seeds N]`: checks each scenario's `claims` — the briefing's numbers
// — against its world, and grades its `examples` — transcripts with the score range they must get
// — reporting each pass or fail (exit 1 when any fails). One world per seed.
import type { ParseArgsConfig } from 'node:util';
import { dirname, join } from 'node:path';
import { integerFlag, parse, WORLD_OPTIONS } from '../args.ts';
import { UsageError } from '../errors.ts';
import { scenarioFiles } from '../scenarioFiles.ts';
import { BUILT_IN_DIR, scenarioWorld } from '../scenarioArg.ts';
import { loadPair, loadWorld } from '../world.ts';
import { readTranscript } from './grade.ts';
import { openCase, type Case } from '../../engine/case.ts';
import { grade } from '../../engine/grade.ts';
import { checkClaims, describeClaimCheck } from '../../engine/claims.ts';
import type { Transcript } from '../../scenario/transcript.ts';
import type { World } from '../../sim/world/world.ts';

export const testHelp = `faultline test [FILES or FOLDERS…] [--seeds N]
  Checks each scenario (default: the built-in scenarios):
  - its claims (the briefing's numbers) against the world at the file's seed: the change each
    states, within its tolerance, larger than the noise when it states a change, and the values
    as the briefing writes them; with --seeds N, the changes again at seeds 1 … N (variants pick
    other targets there);
  - its example transcripts: each score within the example's expected range; examples named for
    the usual paths must also order (expert > wandering > premature, expert > wrong cause, lucky
    guess < 40).
  Exit 1 when any check fails.`;

/** The flags \`faultline test\` takes (its --help lists them all). */
export const testOptions = { ...WORLD_OPTIONS, seeds: { type: 'string' } } as const satisfies ParseArgsConfig['options'];

/** Most extra seeds --seeds takes (each is a world to generate). */
const MAX_SEEDS = 50;

export async function testCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parse(argv, testOptions);
  const extraSeeds = integerFlag('seeds', values.seeds) ?? 0;
  if (extraSeeds > MAX_SEEDS) throw new UsageError(`--seeds must be at most ${MAX_SEEDS}, got ${extraSeeds}`);
  const { files, problems } = scenarioFiles(positionals.length ? positionals : [BUILT_IN_DIR]);
  for (const p of problems) console.error(p);
  let passed = 0, failed = 0;
  const tally = (ok: boolean) => (ok ? passed++ : failed++);
  for (const file of files) {
    const world = scenarioWorld(file, { config: {}, faults: [], distractors: [] });
    const s = world.scenario!;
    const claims = s.claims ?? [];
    const examples = s.examples ?? [];
    if (!claims.length && !examples.length) {
      console.log(`- ${file}: no claims or examples`);
      continue;
    }
    console.log(`${s.id} (${claims.length} claims, ${examples.length} examples)`);
    const changes = { faults: world.faults, distractors: world.distractors };
    const timed = async <T>(seed: number, make: () => Promise<T>): Promise<T> => {
      const started = performance.now();
      const out = await make();
      if (!values.quiet) console.log(`  (world at seed ${seed}: ${((performance.now() - started) / 1000).toFixed(1)} s)`);
      return out;
    };
    const cases = new Map<number, Case>();
    const caseAt = async (seed: number) => {
      let c = cases.get(seed);
      if (!c) cases.set(seed, (c = openCase(await timed(seed, () => loadPair({ ...world.config, seed }, values, changes)), s)));
      return c;
    };
    // Claims need the factual world alone; when examples grade at the file's seed, its pair serves both.
    const transcripts = examples.map((ex): Transcript => (typeof ex.transcript === 'string' ? readTranscript(join(dirname(file), ex.transcript)) : ex.transcript));
    const fileSeed = s.world.seed;
    const worldAt = async (seed: number): Promise<World> =>
      transcripts.some((t) => (t.seed ?? fileSeed) === seed) ? (await caseAt(seed)).pair.factual : timed(seed, () => loadWorld({ ...world.config, seed }, values, changes));
    if (claims.length) {
      for (const seed of [fileSeed, ...Array.from({ length: extraSeeds }, (_, i) => i + 1).filter((x) => x !== fileSeed)]) {
        const atFile = seed === fileSeed;
        console.log(`  claims at seed ${seed}${atFile ? " (the file's)" : ''}:`);
        for (const check of checkClaims(await worldAt(seed), claims, { fileSeed: atFile })) {
          tally(check.ok);
          console.log(`    ${describeClaimCheck(check)}`);
        }
      }
    }
    const scores = new Map<string, number>();
    for (const [i, ex] of examples.entries()) {
      const c = await caseAt(transcripts[i].seed ?? fileSeed);
      const g = grade(c, transcripts[i]);
      scores.set(ex.name, g.score);
      const ok = g.score >= ex.expect.min && g.score <= ex.expect.max;
      tally(ok);
      const b = g.breakdown;
      console.log(`  ${ok ? '✓' : '✗'} ${ex.name}: ${g.score} (expected ${ex.expect.min}–${ex.expect.max}; correctness ${b.correctness}, directness ${b.directness}, evidence ${b.evidence}, efficiency ${b.efficiency})`);
    }
    for (const problem of orderProblems(scores)) {
      failed++;
      console.log(`  ✗ ${problem}`);
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  if (failed || problems.length) throw new UsageError(`${failed} check(s) failed`, 1);
}

/** Examples named by the usual paths must also order: expert > wandering > premature, expert > wrong cause, lucky guess < 40. */
const KINDS = { expert: /\bexpert\b/i, wandering: /wander/i, premature: /premature/i, lucky: /lucky/i, wrong: /wrong cause/i } as const;

export function orderProblems(scores: Map<string, number>): string[] {
  const of = (k: keyof typeof KINDS) => [...scores].find(([name]) => KINDS[k].test(name));
  const out: string[] = [];
  const above = (a: keyof typeof KINDS, b: keyof typeof KINDS) => {
    const x = of(a), y = of(b);
    if (x && y && !(x[1] > y[1])) out.push(`"${x[0]}" (${x[1]}) should score above "${y[0]}" (${y[1]})`);
  };
  above('expert', 'wandering');
  above('wandering', 'premature');
  above('expert', 'wrong');
  const lucky = of('lucky');
  if (lucky && lucky[1] >= 40) out.push(`"${lucky[0]}" (${lucky[1]}) should score below 40`);
  return out;
}
