// Starting a draft from the library: a new scenario (the commented starter `faultline new`
// writes) or a copy of a card's file. A built-in's copy gets an id of its own, so playing it
// never stands in for the built-in.
import { starterScenario } from '../../scenario/starter.ts';
import { navigate } from '../route.ts';
import { newDraftId, saveDraft } from './drafts.ts';

async function open(text: string, from: string | null): Promise<void> {
  const id = newDraftId();
  await saveDraft({ id, text, from, updated: Date.now() });
  navigate(`?studio=${id}`);
}

export function startNewDraft(): Promise<void> {
  return open(starterScenario('my-scenario').replace(/^# yaml-language-server:.*\n/, '') /* no schema file beside a draft: the studio completes from it */, null);
}

export function startDraftFrom(fileName: string, text: string, builtIn: boolean): Promise<void> {
  const copy = builtIn ? text.replace(/^(id:\s*)([a-z0-9-]+)/m, '$1$2-copy') : text;
  return open(copy, fileName);
}
