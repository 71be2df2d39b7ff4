// The world's lifecycle as React state: generating (with progress) → ready, or failed → retry.
import { useCallback, useEffect, useState } from 'react';
import type { SimulationRequest } from './worker/protocol.ts';
import { WorldClient, type WorldInfo } from './worldClient.ts';

export type WorldState =
  | { status: 'generating'; fraction: number; label: string }
  | { status: 'ready'; info: WorldInfo; client: WorldClient }
  | { status: 'failed'; message: string };

const STARTING: WorldState = { status: 'generating', fraction: 0, label: 'Starting the world worker' };

/** Generates the world `request` describes (config, faults, distractors); a new request, a new world. */
export function useWorld(request: SimulationRequest): { state: WorldState; retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<WorldState>(STARTING);
  const requestKey = JSON.stringify(request);

  useEffect(() => {
    // Each run of the effect has its own worker: a re-run (a new request, a retry, React running
    // effects again when a suspended view reappears) must not leave the closed one on screen —
    // the views then ask the new one, which reads the world from the browser's store.
    setState(STARTING);
    const client = new WorldClient(JSON.parse(requestKey) as SimulationRequest, {
      onProgress: (fraction, label) => setState({ status: 'generating', fraction, label }),
      onReady: (info) => setState({ status: 'ready', info, client }),
      onFailed: (message) => setState({ status: 'failed', message }),
    });
    return () => client.dispose();
  }, [requestKey, attempt]);

  const retry = useCallback(() => {
    setState(STARTING);
    setAttempt((n) => n + 1);
  }, []);

  return { state, retry };
}
