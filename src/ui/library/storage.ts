// localStorage, defensively: a store another version wrote, or one a person edited by hand,
// is set aside under `<key>.corrupt` and reported — never a crash.
export interface Stored<T> {
  value: T;
  /** Set when the stored text could not be read and was set aside. */
  problem: string | null;
}

export function readStored<T>(key: string, fallback: T, check: (value: unknown) => value is T): Stored<T> {
  let text: string | null;
  try {
    text = window.localStorage.getItem(key);
  } catch {
    return { value: fallback, problem: null }; // storage disabled: behave as empty
  }
  if (text === null) return { value: fallback, problem: null };
  try {
    const value: unknown = JSON.parse(text);
    if (check(value)) return { value, problem: null };
  } catch {
    // fall through
  }
  try {
    window.localStorage.setItem(`${key}.corrupt`, text);
    window.localStorage.removeItem(key);
  } catch {
    // nothing more we can do
  }
  return { value: fallback, problem: `Saved data under "${key}" could not be read; it was set aside as "${key}.corrupt".` };
}

export function writeStored(key: string, value: unknown): string | null {
  try {
    window.localStorage.setItem(key, JSON.stringify(value));
    return null;
  } catch (error) {
    return `Could not save (${error instanceof Error ? error.message : String(error)}).`;
  }
}
