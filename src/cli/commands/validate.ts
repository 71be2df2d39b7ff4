// `faultline validate`: every error in every scenario file named, one line each, never a stack.
import type { ParseArgsConfig } from 'node:util';
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parse } from '../args.ts';
import { UsageError } from '../errors.ts';
import { scenarioFiles } from '../scenarioFiles.ts';
import { loadScenario, loadTranscript } from '../../scenario/load.ts';
import { formatError, type ScenarioError } from '../../scenario/errors.ts';
import { MAX_FILE_BYTES, tooLargeMessage } from '../../scenario/limits.ts';
import { positionOf } from '../../scenario/validateYaml.ts';
import type { Scenario } from '../../scenario/schema.ts';

export const validateHelp = `faultline validate <files or folders…>
  Checks scenario files (a folder: every *.yaml / *.yml in it). Prints ✓ for each valid file and
  file:line:col: path: message for each error. Exit 0 when all are valid, 1 otherwise.`;

/** The flags `faultline validate` takes (its --help lists them all). */
export const validateOptions = {} as const satisfies ParseArgsConfig['options'];

export function validateCommand(argv: string[]): void {
  const { positionals } = parse(argv, validateOptions);
  if (positionals.length === 0) throw new UsageError('name at least one scenario file or folder, e.g. faultline validate scenarios');
  const { files, problems } = scenarioFiles(positionals);
  for (const p of problems) console.error(p);
  let invalid = 0;
  for (const file of files) {
    const { errors, warning } = checkFile(file);
    if (errors.length === 0) {
      console.log(`✓ ${file}`);
      if (warning) console.error(warning);
    } else {
      invalid++;
      for (const e of errors) console.error(formatError(e));
    }
  }
  if (invalid || problems.length) {
    const parts = [
      invalid ? (files.length === 1 ? 'the file has errors' : `${invalid} of ${files.length} files have errors`) : '',
      problems.length ? `${problems.length} of the paths named no scenario file` : '',
    ];
    throw new UsageError(parts.filter(Boolean).join('; '), 1);
  }
  if (files.length > 1) console.log(`all ${files.length} files are valid`);
}

/**
 * A warning for a valid file: its id differs from its file name. The starter asks to keep them
 * equal — a link or a transcript names the id, a person looks for the file.
 */
function idWarning(file: string, text: string, scenario: Scenario): string | null {
  const stem = basename(file).replace(/\.ya?ml$/i, '');
  if (scenario.id === stem) return null;
  const { line, col } = positionOf(text, ['id']);
  return `${file}:${line}:${col}: id: warning: the id "${scenario.id}" differs from the file name "${basename(file)}"; name the file ${scenario.id}.yaml (or the id ${stem}) so each is found from the other`;
}

/** The file's errors (its example transcripts' included), or the warning a valid file may get. */
function checkFile(file: string): { errors: ScenarioError[]; warning: string | null } {
  const size = statSync(file).size;
  if (size > MAX_FILE_BYTES) return { errors: [{ file, line: 1, col: 1, path: '', message: tooLargeMessage(size) }], warning: null };
  const text = readFileSync(file, 'utf8');
  const result = loadScenario(text, file);
  if (!result.ok) return { errors: result.errors, warning: null };
  return { errors: checkTranscripts(file, text, result.scenario), warning: idWarning(file, text, result.scenario) };
}

/** Example transcripts given as paths must exist (relative to the scenario file) and be valid. */
function checkTranscripts(file: string, text: string, scenario: Scenario): ScenarioError[] {
  const errors: ScenarioError[] = [];
  (scenario.examples ?? []).forEach((example, i) => {
    if (typeof example.transcript !== 'string') return;
    const path = join(dirname(file), example.transcript);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat?.isFile() || stat.size > MAX_FILE_BYTES) {
      const message = stat?.isFile() ? tooLargeMessage(stat.size) : `no transcript file at ${path}`;
      errors.push({ file, ...positionOf(text, ['examples', i, 'transcript']), path: `examples[${i}].transcript`, message });
      return;
    }
    const transcript = loadTranscript(readFileSync(path, 'utf8'), path);
    if (!transcript.ok) errors.push(...transcript.errors);
  });
  return errors;
}
