// Which screen the address bar asks for, and moving between screens without a reload:
//   (nothing)                                  the library
//   ?scenario=ID&seed=N&mode=practice|interview the workspace for that scenario's world
//     …&replay=NAME                            an opened transcript's attempt (its own slot)
//     …&draft=DRAFT                            played from the studio: the debrief offers to record it as an example
//   ?view=world&seed=N                         a healthy world's overview (no fault)
//   ?studio=DRAFT                              the authoring studio on a draft kept in this browser
//   ?incident=N[&difficulty=D][&kind=K]        a generated incident (as faultline generate --seed N): made, then opened
//   ?view=progress                             the learner's progress across attempts
// `users`, `items` and `days` override the world's size in both (small worlds for tests).
import { useSyncExternalStore } from 'react';
import type { WorldSizes } from '../sim/config.ts';
import { FAULT_KINDS, type FaultKind } from '../sim/vocabulary.ts';
import { readWorldParams, type WorldRequestConfig } from './urlParams.ts';

export const MODES = ['practice', 'interview'] as const;
export type Mode = (typeof MODES)[number];

export type Route =
  | { view: 'library' }
  | { view: 'world'; config: WorldRequestConfig }
  | { view: 'studio'; draftId: string }
  | { view: 'incident'; seed: number; difficulty: 'intro' | 'medium' | 'hard' | null; kind: FaultKind | null }
  | { view: 'progress' }
  | { view: 'workspace'; scenarioId: string; seed: number | null; mode: Mode; sizes: Partial<WorldSizes>; replay: string | null; draft: string | null };

export function readRoute(search: string): Route {
  const params = new URLSearchParams(search);
  const scenarioId = params.get('scenario');
  if (scenarioId) {
    const { seed: _seed, ...sizes } = readWorldParams(search);
    const seedText = params.get('seed');
    return {
      view: 'workspace',
      scenarioId,
      seed: seedText === null || seedText.trim() === '' ? null : Number(seedText),
      mode: params.get('mode') === 'interview' ? 'interview' : 'practice',
      sizes,
      replay: params.get('replay') || null,
      draft: params.get('draft') || null,
    };
  }
  const incident = params.get('incident');
  if (incident !== null && /^\d{1,10}$/.test(incident.trim())) {
    const d = params.get('difficulty');
    const k = params.get('kind');
    const kind = (FAULT_KINDS as readonly string[]).includes(k ?? '') ? (k as FaultKind) : null;
    return { view: 'incident', seed: Number(incident), difficulty: d === 'intro' || d === 'medium' || d === 'hard' ? d : null, kind };
  }
  const draftId = params.get('studio');
  if (draftId) return { view: 'studio', draftId };
  if (params.get('view') === 'progress') return { view: 'progress' };
  if (params.get('view') === 'world') return { view: 'world', config: readWorldParams(search) };
  return { view: 'library' };
}

/** The query string for a workspace, keeping the current size overrides (tests use small worlds). */
export function workspaceSearch(
  scenarioId: string,
  seed: number,
  mode: Mode,
  sizes: Partial<WorldSizes> = {},
  { replay, draft }: { replay?: string; draft?: string } = {},
): string {
  const params = new URLSearchParams({ scenario: scenarioId, seed: String(seed), mode });
  for (const [key, value] of Object.entries(sizes)) if (value !== undefined) params.set(key, String(value));
  if (replay) params.set('replay', replay);
  if (draft) params.set('draft', draft);
  return `?${params}`;
}

const NAVIGATED = 'faultline:navigate';

export function navigate(search: string): void {
  window.history.pushState(null, '', search || window.location.pathname);
  window.dispatchEvent(new Event(NAVIGATED));
  window.scrollTo(0, 0);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATED, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATED, onChange);
  };
}

/** The current query string, re-rendering on navigation (back/forward included). */
export function useSearch(): string {
  return useSyncExternalStore(subscribe, () => window.location.search);
}

/** A generated incident's id (as `faultline generate` names it) → the address that makes it; null for any other id. */
export function incidentSearchOf(id: string): string | null {
  const m = /^incident-(\d{1,10})(?:-(intro|medium|hard))?(?:-([a-z-]+))?$/.exec(id);
  if (!m || (m[3] && !(FAULT_KINDS as readonly string[]).includes(m[3]))) return null;
  return `?incident=${m[1]}${m[2] ? `&difficulty=${m[2]}` : ''}${m[3] ? `&kind=${m[3]}` : ''}`;
}
