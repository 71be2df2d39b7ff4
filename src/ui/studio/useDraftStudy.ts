// The studio's checks of a draft, kept up to date as the author types: a moment after the last
// edit of a valid draft, its world (and the fault-free twin) is read from this browser's store or
// generated in the world worker, with progress, and the worker studies the draft against them.
// An edit that changes the world cancels the work under way (its worker is closed); an edit that
// leaves the world as it was (the briefing, the claims, the timeline) reuses the pair at once.
import { useEffect, useRef, useState } from 'react';
import type { Study } from '../../engine/study.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { scenarioWorld } from '../../scenario/scenarioWorld.ts';
import { caseFileOf } from '../workspace/useGrade.ts';
import { WorldClient } from '../worldClient.ts';

/** How long after the last keystroke the checks start. */
export const STUDY_DELAY_MS = 700;

export type StudyState =
  | { status: 'idle' }
  | { status: 'working'; fraction: number; label: string; previous: Study | null }
  /** `edit`: which edit of the session the study is of (counts up: a later study has a larger one). */
  | { status: 'ready'; study: Study; edit: number }
  | { status: 'failed'; message: string; previous: Study | null };

const previousOf = (s: StudyState): Study | null => (s.status === 'ready' ? s.study : s.status === 'idle' ? null : s.previous);

interface Held {
  key: string;
  client: WorldClient;
  ready: Promise<void>;
}

/** The checks of `scenario` (null while the draft does not load: the last results stay, marked as out of date). */
export function useDraftStudy(scenario: Scenario | null): StudyState {
  const [state, setState] = useState<StudyState>({ status: 'idle' });
  const held = useRef<Held | null>(null);
  const latest = useRef(0);

  useEffect(() => {
    return () => held.current?.client.dispose();
  }, []);

  useEffect(() => {
    if (!scenario) return;
    const ticket = ++latest.current;
    const current = () => ticket === latest.current;
    const timer = window.setTimeout(() => {
      const request = scenarioWorld(scenario);
      const key = JSON.stringify(request);
      const { users, days } = { users: request.config.users ?? 20000, days: request.config.days ?? 14 };
      const size = `${users.toLocaleString('en')} users × ${days} days`;
      if (held.current?.key !== key) {
        held.current?.client.dispose(); // the work for the world before this edit stops here
        let settle!: { resolve: () => void; reject: (e: Error) => void };
        const ready = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
        ready.catch(() => {});
        const client = new WorldClient(request, {
          onProgress: (fraction, label) => current() && setState((s) => ({ status: 'working', fraction: fraction * 0.6, label: `The world (${size}): ${label}`, previous: previousOf(s) })),
          onReady: () => settle.resolve(),
          onFailed: (message) => settle.reject(new Error(message)),
        });
        held.current = { key, client, ready };
      }
      const { client, ready } = held.current!;
      setState((s) => ({ status: 'working', fraction: 0, label: `The world (${size})`, previous: previousOf(s) }));
      ready
        .then(() => {
          if (!current()) return null;
          const twinLabel = (fraction: number) => (fraction < 1 ? `The fault-free twin (${size})` : 'The expert path, the solvability report and the claims');
          setState((s) => ({ status: 'working', fraction: 0.6, label: twinLabel(0), previous: previousOf(s) }));
          return client.study(caseFileOf(scenario), scenario.claims ?? [], (fraction) =>
            current() && setState((s) => ({ status: 'working', fraction: 0.6 + fraction * 0.35, label: twinLabel(fraction), previous: previousOf(s) })),
          );
        })
        .then(
          (study) => study && current() && setState({ status: 'ready', study, edit: ticket }),
          (error: unknown) => current() && setState((s) => ({ status: 'failed', message: error instanceof Error ? error.message : String(error), previous: previousOf(s) })),
        );
    }, STUDY_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [scenario]);

  return state;
}
