// Errors a person caused (a bad flag, an unknown id) print as one clear line, never a stack.
export class UsageError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
    this.name = 'UsageError';
  }
}

const USER_ERRORS = new Set(['UsageError', 'VocabularyError', 'QueryError', 'ConfigError', 'ChangeError']);

export function isUserError(e: unknown): e is Error {
  return e instanceof Error && USER_ERRORS.has(e.name);
}
