// Type guards for checks that look at a file's values before (or despite) schema errors.

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Run a refinement even when other fields already failed, as long as the value is a mapping. */
export const whenMapping = { when: (payload: { value: unknown }) => isRecord(payload.value) };
