// localStorage, defensively. Every record is read through its own reader, which may migrate an
// older shape or drop the parts it cannot use; nothing a person had is ever thrown away: a
// record that cannot be used, or only in part, is first copied aside under
// `<key>.corrupt.<time>` (listed by `setAsideRecords`, downloadable from the app) and reported
// — never a crash.

/** What a reader makes of a stored value: null when it cannot be used at all. */
export type Reading<T> = {
  value: T;
  /** Parts that could not be used and were left out (the original is set aside). */
  dropped?: string[];
  /** The value is an older shape brought up to date (written back as such). */
  migrated?: boolean;
} | null;

export interface Stored<T> {
  value: T;
  /** Set when the stored record could not be used (or only in part) and was set aside. */
  problem: string | null;
}

const SET_ASIDE = '.corrupt';

/** Copies `text` aside under a key of its own (never over an earlier one); returns that key. */
function setAside(key: string, text: string): string | null {
  try {
    let aside = `${key}${SET_ASIDE}.${Date.now()}`;
    for (let n = 2; window.localStorage.getItem(aside) !== null; n++) aside = `${key}${SET_ASIDE}.${Date.now()}-${n}`;
    window.localStorage.setItem(aside, text);
    return aside;
  } catch {
    return null; // storage full: the original stays where it was (see below)
  }
}

/** `what`: the record in the person's words ("attempt", "scores"), for the notice. */
export function readStored<T>(key: string, fallback: T, read: (value: unknown) => Reading<T>, what = 'data'): Stored<T> {
  let text: string | null;
  try {
    text = window.localStorage.getItem(key);
  } catch {
    return { value: fallback, problem: null }; // storage disabled: behave as empty
  }
  if (text === null) return { value: fallback, problem: null };
  let reading: Reading<T> = null;
  try {
    reading = read(JSON.parse(text));
  } catch {
    // not JSON, or a reader that choked on it: unusable
  }
  if (reading && !reading.dropped?.length) {
    if (reading.migrated) writeStored(key, reading.value);
    return { value: reading.value, problem: null };
  }
  const aside = setAside(key, text);
  if (!aside) {
    // Nowhere to keep a copy: leave the record as it is (nothing lost) and use what reads.
    return { value: reading?.value ?? fallback, problem: `Your saved ${what} could not be read, and there was no room to keep a copy aside; it was left as it is (under "${key}").` };
  }
  if (reading) {
    writeStored(key, reading.value);
    return { value: reading.value, problem: `Part of your saved ${what} could not be used (${reading.dropped!.join('; ')}); the rest is in use, and the record as it was is kept in the library's "Saved data set aside" (${aside}).` };
  }
  try {
    window.localStorage.removeItem(key);
  } catch {
    // nothing more we can do
  }
  return { value: fallback, problem: `Your saved ${what} could not be read; the record is kept as it was in the library's "Saved data set aside" (${aside}), to download or delete.` };
}

export function writeStored(key: string, value: unknown): string | null {
  try {
    window.localStorage.setItem(key, JSON.stringify(value));
    return null;
  } catch (error) {
    return `Could not save (${error instanceof Error ? error.message : String(error)}).`;
  }
}

export interface SetAsideRecord {
  key: string;
  text: string;
}

/** Every record set aside (oldest first), so a person can download or delete each. */
export function setAsideRecords(): SetAsideRecord[] {
  const out: SetAsideRecord[] = [];
  try {
    for (let i = 0; i < window.localStorage.length; i++) {
      const key = window.localStorage.key(i);
      if (key?.startsWith('faultline.') && key.includes(SET_ASIDE)) out.push({ key, text: window.localStorage.getItem(key) ?? '' });
    }
  } catch {
    // storage disabled: nothing set aside either
  }
  return out.sort((a, b) => a.key.localeCompare(b.key));
}

export function forgetRecord(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // storage disabled
  }
}
