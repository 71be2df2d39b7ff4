// An interview's time limit when a scenario sets none (its own module: the library card shows it
// without loading the attempt's statechart).
export const DEFAULT_TIME_LIMIT_MINUTES = 45;
