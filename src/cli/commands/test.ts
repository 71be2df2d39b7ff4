// `faultline test [files…]`: runs each scenario's `examples` — transcripts with the score range
// they must get — and reports pass or fail (exit 1 when any fails). One world per seed.
import type { ParseArgsConfig } from 'node:util';
import { dirname, join } from 'node:path';
import { parse, WORLD_OPTIONS } from '../args.ts';
import { UsageError } from '../errors.ts';
import { scenarioFiles } from '../scenarioFiles.ts';
import { BUILT_IN_DIR, scenarioWorld } from '../scenarioArg.ts';
import { loadPair } from '../world.ts';
import { readTranscript } from './grade.ts';
import { openCase, type Case } from '../../engine/case.ts';
import { grade } from '../../engine/grade.ts';
import type { Transcript } from '../../scenario/transcript.ts';

export const testHelp = `faultline test [FILES or FOLDERS…]
  Grades every example transcript of each scenario (default: the built-in scenarios) and checks
  its score is within the example's expected range; examples named for the usual paths must also
  order (expert > wandering > premature, expert > wrong cause, lucky guess < 40). Exit 1 when
  any check fails.`;

/** The flags `faultline test` takes (its --help lists them all). */
export const testOptions = { ...WORLD_OPTIONS } as const satisfies ParseArgsConfig['options'];

export async function testCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parse(argv, testOptions);
  const { files, problems } = scenarioFiles(positionals.length ? positionals : [BUILT_IN_DIR]);
  for (const p of problems) console.error(p);
  let passed = 0, failed = 0;
  for (const file of files) {
    const world = scenarioWorld(file, { config: {}, faults: [], distractors: [] });
    const s = world.scenario!;
    const examples = s.examples ?? [];
    if (!examples.length) {
      console.log(`- ${file}: no examples`);
      continue;
    }
    console.log(`${s.id} (${examples.length} examples)`);
    const cases = new Map<number, Case>();
    const scores = new Map<string, number>();
    for (const ex of examples) {
      const t: Transcript = typeof ex.transcript === 'string' ? readTranscript(join(dirname(file), ex.transcript)) : ex.transcript;
      const seed = t.seed ?? s.world.seed;
      let c = cases.get(seed);
      if (!c) {
        const started = performance.now();
        c = openCase(await loadPair({ ...world.config, seed }, values, { faults: world.faults, distractors: world.distractors }), s);
        cases.set(seed, c);
        if (!values.quiet) console.log(`  (world at seed ${seed}: ${((performance.now() - started) / 1000).toFixed(1)} s)`);
      }
      const g = grade(c, t);
      scores.set(ex.name, g.score);
      const ok = g.score >= ex.expect.min && g.score <= ex.expect.max;
      if (ok) passed++;
      else failed++;
      const b = g.breakdown;
      console.log(`  ${ok ? '✓' : '✗'} ${ex.name}: ${g.score} (expected ${ex.expect.min}–${ex.expect.max}; correctness ${b.correctness}, directness ${b.directness}, evidence ${b.evidence}, efficiency ${b.efficiency})`);
    }
    for (const problem of orderProblems(scores)) {
      failed++;
      console.log(`  ✗ ${problem}`);
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  if (failed || problems.length) throw new UsageError(`${failed} example(s) failed`, 1);
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
