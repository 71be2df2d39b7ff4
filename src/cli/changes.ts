// `--fault KIND[@ONSET][:JSON]` and `--distractor …`: a change to inject from the command line.
// JSON holds the kind's parameters and may also set onsetDay / rampDays.
import { UsageError } from './errors.ts';
import type { ChangeSpec } from '../sim/faults/specs.ts';

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
    return {
      kind: m[1] as K,
      // Default onset: the middle of the window, so there is a before and an after.
      onsetDay: m[2] !== undefined ? Number(m[2]) : (onsetDay ?? Math.floor(days / 2) + 1),
      rampDays,
      params: rest,
    };
  });
}
