// The faultline command line: the same engine as the app, headless.
import { digestCommand, digestHelp } from './commands/digest.ts';
import { queryCommand, queryHelp } from './commands/query.ts';
import { validateCommand, validateHelp } from './commands/validate.ts';
import { newCommand, newHelp } from './commands/new.ts';
import { gradeCommand, gradeHelp } from './commands/grade.ts';
import { solveCommand, solveHelp } from './commands/solve.ts';
import { replayCommand, replayHelp } from './commands/replay.ts';
import { testCommand, testHelp } from './commands/test.ts';
import { signaturesCommand, signaturesHelp } from './commands/signatures.ts';
import { baselineCommand, baselineHelp } from './commands/baseline.ts';
import { isUserError } from './errors.ts';
import { DIMENSIONS, METRICS } from '../sim/vocabulary.ts';

const COMMANDS: Record<string, { run: (argv: string[]) => void | Promise<void>; help: string }> = {
  digest: { run: digestCommand, help: digestHelp },
  query: { run: queryCommand, help: queryHelp },
  validate: { run: validateCommand, help: validateHelp },
  new: { run: newCommand, help: newHelp },
  grade: { run: gradeCommand, help: gradeHelp },
  solve: { run: solveCommand, help: solveHelp },
  replay: { run: replayCommand, help: replayHelp },
  test: { run: testCommand, help: testHelp },
  signatures: { run: signaturesCommand, help: signaturesHelp },
  baseline: { run: baselineCommand, help: baselineHelp },
};

const usage = `faultline — practise debugging a recommendation pipeline

Usage: faultline <command> [options]

Commands:
${Object.values(COMMANDS).map((c) => '  ' + c.help.replace(/\n/g, '\n  ')).join('\n\n')}

Metrics:    ${METRICS.join(', ')}
Dimensions: ${DIMENSIONS.join(', ')}`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`faultline: unknown command "${name}". Commands: ${Object.keys(COMMANDS).join(', ')}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(command.help);
    return 0;
  }
  try {
    await command.run(rest);
    return 0;
  } catch (e) {
    if (isUserError(e)) {
      console.error(`faultline ${name}: ${e.message}`);
      return (e as { exitCode?: number }).exitCode ?? 2;
    }
    throw e;
  }
}

// `faultline replay … | head` closes the pipe early: stop quietly, as other command-line tools do.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await main(process.argv.slice(2));
