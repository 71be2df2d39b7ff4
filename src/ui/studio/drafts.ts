// Scenario drafts the studio edits, kept in this browser's IndexedDB (one record per draft), so
// a draft survives a reload or a closed tab until the author downloads or deletes it. A record
// that does not read as a draft is skipped, never thrown on: one bad record costs nothing else.
import { createStore, del, entries, get, set, type UseStore } from 'idb-keyval';

export interface Draft {
  id: string;
  /** The YAML as the author last left it. */
  text: string;
  /** What it was started from: a built-in or opened file's name, or null for a new scenario. */
  from: string | null;
  /** Last saved, ms since the epoch. */
  updated: number;
  /** Files beside the scenario (example transcripts), by path relative to it: downloaded with it as a zip. */
  files?: Record<string, string>;
}

let store: UseStore | null = null;
const drafts = () => (store ??= createStore('faultline-drafts', 'drafts'));

const isDraft = (d: unknown): d is Draft =>
  typeof d === 'object' && d !== null && typeof (d as Draft).id === 'string' && typeof (d as Draft).text === 'string' && typeof (d as Draft).updated === 'number';

/** The readable files of a record (a path whose text is not a string is left out). */
function filesOf(files: unknown): Record<string, string> {
  if (typeof files !== 'object' || files === null) return {};
  return Object.fromEntries(Object.entries(files).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

export function newDraftId(): string {
  return `draft-${crypto.randomUUID().slice(0, 8)}`;
}

export async function readDraft(id: string): Promise<Draft | null> {
  const d: unknown = await get(id, drafts());
  return isDraft(d) ? { ...d, from: typeof d.from === 'string' ? d.from : null, files: filesOf(d.files) } : null;
}

/** Every readable draft, most recently edited first. */
export async function listDrafts(): Promise<Draft[]> {
  const all = await entries(drafts());
  return all.map(([, d]) => d).filter(isDraft).sort((a, b) => b.updated - a.updated);
}

export async function saveDraft(draft: Draft): Promise<void> {
  await set(draft.id, draft, drafts());
}

export async function deleteDraft(id: string): Promise<void> {
  await del(id, drafts());
}
