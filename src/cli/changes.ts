// `--fault KIND[@ONSET][:JSON]` and `--distractor …`: a change to inject from the command line.
// JSON holds the kind's parameters and may also set onsetDay / rampDays.
// Checked as a scenario file's faults are, so a mistake reads the same here as in `validate`.
import { UsageError } from './errors.ts';
import type { ChangeSpec } from '../sim/faults/specs.ts';
import { distractorSchema, faultSchema } from '../scenario/changes.ts';
import { formatPath } from '../scenario/errors.ts';
import { scenarioErrorMap, type KnownKeys } from '../scenario/issueMessages.ts';
import { issueReports } from '../scenario/issueReports.ts';

export function parseChanges<K extends string>(flag: string, values: string[] | undefined, days: number): ChangeSpec<K>[] {
  return (values ?? []).map((text) => {
    const m = /^([a-z-]+)(?:@(\d+))?(?::(.*))?$/s.exec(text);
    if (!m) throw new UsageError(`--${flag} must look like KIND, KIND@DAY or KIND:{"param":value}, got "${text}"`);
    let params: Record<string, unknown> = {};
    if (m[3] !== undefined) {
      try {
        params = JSON.parse(m[3]);
      } catch (e) {
        throw new UsageError(`--${flag} ${m[1]}: parameters must be JSON (${(e as Error).message})`);
      }
      if (typeof params !== 'object' || params === null || Array.isArray(params)) {
        throw new UsageError(`--${flag} ${m[1]}: parameters must be a JSON object`);
      }
    }
    const { onsetDay, rampDays, ...rest } = params as { onsetDay?: number; rampDays?: number };
    const change = {
      kind: m[1] as K,
      // Default onset: the middle of the window, so there is a before and an after.
      onsetDay: m[2] !== undefined ? Number(m[2]) : (onsetDay ?? Math.floor(days / 2) + 1),
      ...(rampDays !== undefined ? { rampDays } : {}),
      params: rest,
    };
    const problem = firstProblem(flag === 'fault' ? faultSchema : distractorSchema, change);
    if (problem) throw new UsageError(`--${flag} ${m[1]}: ${problem}`);
    return change;
  });
}

/** The first thing wrong with a change, worded as `validate` words it (`params.rate: must be at most 1, got 24`). */
function firstProblem(schema: typeof faultSchema | typeof distractorSchema, change: unknown): string | null {
  const knownKeys: KnownKeys = new WeakMap();
  const parsed = schema.safeParse(change, { error: scenarioErrorMap(knownKeys) });
  if (parsed.success) return null;
  const [first] = issueReports(parsed.error.issues, change, knownKeys);
  return first ? `${first.path.length ? `${formatPath(first.path)}: ` : ''}${first.message}` : parsed.error.issues[0].message;
}
