// "Record as example": a graded attempt at a draft becomes one of the draft's `examples:` — its
// transcript kept beside the scenario as examples/<name>.json (downloaded with it in a zip), and
// a score range around the score it got, so `faultline test` fails the day the grade moves.
// The YAML is edited as a document, so the author's comments and layout stay as they were.
import { isMap, isSeq, parseDocument } from 'yaml';
import type { Transcript } from '../../scenario/transcript.ts';
import { readDraft, saveDraft } from './drafts.ts';

/** How far from the recorded score the example's range reaches each way. */
export const SCORE_MARGIN = 5;

export function scoreRange(score: number): { min: number; max: number } {
  return { min: Math.max(0, Math.round(score) - SCORE_MARGIN), max: Math.min(100, Math.round(score) + SCORE_MARGIN) };
}

/** A file name from the example's name: lower case, words joined by hyphens, unique among `taken`. */
export function transcriptPath(name: string, taken: readonly string[]): string {
  const stem = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'example';
  for (let i = 1; ; i++) {
    const path = `examples/${stem}${i === 1 ? '' : `-${i}`}.json`;
    if (!taken.includes(path)) return path;
  }
}

/** The scenario text with one more example (the `examples:` list made when there is none). */
export function withExample(text: string, example: { name: string; transcript: string; expect: { min: number; max: number } }): string {
  const doc = parseDocument(text);
  if (!isMap(doc.contents)) throw new Error('the draft is not a YAML mapping');
  const list = doc.get('examples');
  const node = doc.createNode(example);
  const expect = (node as unknown as { get(k: string, keep: true): { flow: boolean } }).get('expect', true);
  expect.flow = true; // expect: { min: 60, max: 70 }
  if (isSeq(list)) list.add(node);
  else doc.set('examples', doc.createNode([node]));
  return doc.toString({ lineWidth: 0 });
}

/** Adds the attempt to the draft's examples and keeps its transcript with the draft; the path it was saved at. */
export async function recordExample(draftId: string, name: string, transcript: Transcript, score: number): Promise<string> {
  const draft = await readDraft(draftId);
  if (!draft) throw new Error(`this browser keeps no draft called ${draftId}`);
  const files = draft.files ?? {};
  const path = transcriptPath(name, Object.keys(files));
  const text = withExample(draft.text, { name, transcript: path, expect: scoreRange(score) });
  await saveDraft({ ...draft, text, files: { ...files, [path]: JSON.stringify(transcript, null, 2) + '\n' }, updated: Date.now() });
  return path;
}
