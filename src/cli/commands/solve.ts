// `faultline solve <scenario> [--seed N] [--json]`: the truth, the expert path and whether each
// rung can be seen at this seed; exit 1 when the scenario cannot be solved from the data.
import type { ParseArgsConfig } from 'node:util';
import { parse, WORLD_OPTIONS } from '../args.ts';
import { UsageError } from '../errors.ts';
import { openScenarioCase } from './grade.ts';
import { expertSteps } from '../../engine/grade.ts';
import { solvability } from '../../engine/solvability.ts';
import { truthLine } from '../../engine/debrief.ts';
import { describeAction, pct } from '../../engine/words.ts';
import { formatSigned } from '../../sim/query/format.ts';

export const solveHelp = `faultline solve <SCENARIO> [--seed N] [--json]
  The truth derived from the faults (or the file's answer), the expert path, and a solvability
  report: each ladder step's evidence with its effect size and significance at this seed. Exit 1
  when a step cannot be seen or a false lead outweighs the fault where the scope is found.`;

/** The flags `faultline solve` takes (its --help lists them all). */
export const solveOptions = { ...WORLD_OPTIONS, json: { type: 'boolean' } } as const satisfies ParseArgsConfig['options'];

export async function solveCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parse(argv, solveOptions);
  if (positionals.length !== 1) throw new UsageError('usage: faultline solve <scenario> [--seed N] [--json]');
  const { c, seconds } = await openScenarioCase(positionals[0], values, undefined, values.quiet);
  const started = performance.now();
  const expert = expertSteps(c);
  const report = solvability(c);
  const solveSeconds = (performance.now() - started) / 1000;
  if (values.json) {
    console.log(JSON.stringify({
      scenario: c.scenario.id ?? null,
      seed: c.pair.factual.config.seed,
      truth: c.truth,
      expertPath: expert.map(({ action, reveals, reason }) => ({ action, reveals, reason })),
      solvable: report.ok,
      steps: report.steps,
      problems: report.problems,
      seconds: { world: round(seconds), solve: round(solveSeconds) },
    }, null, 2));
  } else {
    const lines = [`${c.scenario.id ?? positionals[0]} · seed ${c.pair.factual.config.seed}`, '', `Truth: ${truthLine({ truth: c.truth })}`, '', 'Expert path:'];
    for (const s of expert) lines.push(`  ${s.index + 1}. ${describeAction(s.action)}`, `     ${s.reason}`);
    lines.push('', 'Solvability:');
    for (const s of report.steps) {
      const size = s.z !== null ? `${s.effect !== null ? `effect ${pct(s.effect)}${s.against != null ? ` against ${pct(s.against)} for the rest` : ''}, ` : ''}z ${formatSigned(s.z)}${s.faultZ !== null ? `, fault's part z ${formatSigned(s.faultZ)}` : ''}` : '';
      lines.push(`  ${s.ok ? '✓' : '✗'} ${s.rung.padEnd(9)} ${s.move ?? '—'}${size ? ` (${size})` : ''}${s.problem ? `\n      ${s.problem}` : ''}`);
      if (s.advice?.length) lines.push('      What would help:', ...s.advice.map((a) => `        - ${a}`));
    }
    lines.push('', report.ok ? 'solvable at this seed' : `NOT solvable at this seed: ${report.problems.length} problem(s) — see "When solve says no" in the authoring guide`);
    lines.push(`(world ${round(seconds)} s, expert path and report ${round(solveSeconds)} s)`);
    console.log(lines.join('\n'));
  }
  if (!report.ok) throw new UsageError(`${c.scenario.id ?? positionals[0]} is not solvable at seed ${c.pair.factual.config.seed}`, 1);
}

const round = (x: number) => Math.round(x * 10) / 10;
