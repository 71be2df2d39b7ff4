// The faultline command line: the same engine as the app, headless.
import { COMMANDS, commandHelp } from './commandList.ts';
import { isUserError } from './errors.ts';
import { DIMENSIONS, METRICS } from '../sim/vocabulary.ts';

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
    console.log(commandHelp(command));
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

