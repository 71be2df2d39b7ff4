// The commands of the faultline CLI: each one's runner, its help and the flags it parses (so its
// --help can list every one). main.ts dispatches to them; tests read them without running any.
import { digestCommand, digestHelp, digestOptions } from './commands/digest.ts';
import { queryCommand, queryHelp, queryOptions } from './commands/query.ts';
import { validateCommand, validateHelp, validateOptions } from './commands/validate.ts';
import { newCommand, newHelp, newOptions } from './commands/new.ts';
import { gradeCommand, gradeHelp, gradeOptions } from './commands/grade.ts';
import { solveCommand, solveHelp, solveOptions } from './commands/solve.ts';
import { replayCommand, replayHelp, replayOptions } from './commands/replay.ts';
import { testCommand, testHelp, testOptions } from './commands/test.ts';
import { signaturesCommand, signaturesHelp, signaturesOptions } from './commands/signatures.ts';
import { baselineCommand, baselineHelp, baselineOptions } from './commands/baseline.ts';
import { inspectCommand, inspectHelp, inspectOptions } from './commands/inspect.ts';
import { generateCommand, generateHelp, generateOptions } from './commands/generate.ts';
import type { ParseArgsConfig } from 'node:util';

export interface Command {
  run: (argv: string[]) => void | Promise<void>;
  help: string;
  /** The flags it parses: its --help lists every one, so none is a secret. */
  options: NonNullable<ParseArgsConfig['options']>;
}

export const COMMANDS: Record<string, Command> = {
  digest: { run: digestCommand, help: digestHelp, options: digestOptions },
  query: { run: queryCommand, help: queryHelp, options: queryOptions },
  inspect: { run: inspectCommand, help: inspectHelp, options: inspectOptions },
  validate: { run: validateCommand, help: validateHelp, options: validateOptions },
  new: { run: newCommand, help: newHelp, options: newOptions },
  grade: { run: gradeCommand, help: gradeHelp, options: gradeOptions },
  solve: { run: solveCommand, help: solveHelp, options: solveOptions },
  replay: { run: replayCommand, help: replayHelp, options: replayOptions },
  test: { run: testCommand, help: testHelp, options: testOptions },
  generate: { run: generateCommand, help: generateHelp, options: generateOptions },
  signatures: { run: signaturesCommand, help: signaturesHelp, options: signaturesOptions },
  baseline: { run: baselineCommand, help: baselineHelp, options: baselineOptions },
};

/** A command's help, then every flag it takes (from the flags it parses, so the list cannot fall behind). */
export function commandHelp(command: Command): string {
  const flags = Object.entries(command.options).map(([name, o]) =>
    `--${name}${o.type === 'string' ? ' …' : ''}${o.short ? ` (-${o.short})` : ''}${o.multiple ? ' (repeatable)' : ''}`,
  );
  if (!flags.length) return command.help;
  const lines: string[] = [];
  for (const flag of flags) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + flag.length + 2 <= 96) lines[lines.length - 1] = `${last}, ${flag}`;
    else lines.push(flag);
  }
  const world = 'users' in command.options ? '\n  (--users, --items, --days size the world; --quiet hides progress; --no-cache generates afresh.)' : '';
  return `${command.help}\n\n  Flags: ${lines.join(',\n         ')}${world}`;
}
