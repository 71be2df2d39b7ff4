// The world's lifecycle as React state: generating (with progress) → ready, or failed → retry.
import { useCallback, useEffect, useState } from 'react';
import type { WorldConfig } from '../sim/config.ts';
import { WorldClient, type WorldInfo } from './worldClient.ts';

export type WorldState =
  | { status: 'generating'; fraction: number; label: string }
  | { status: 'ready'; info: WorldInfo; client: WorldClient }
  | { status: 'failed'; message: string };

const STARTING: WorldState = { status: 'generating', fraction: 0, label: 'Starting the world worker' };

export function useWorld(config: Partial<WorldConfig>): { state: WorldState; retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<WorldState>(STARTING);
  const configKey = JSON.stringify(config);

  useEffect(() => {
    const client = new WorldClient(JSON.parse(configKey) as Partial<WorldConfig>, {
      onProgress: (fraction, label) => setState({ status: 'generating', fraction, label }),
      onReady: (info) => setState({ status: 'ready', info, client }),
      onFailed: (message) => setState({ status: 'failed', message }),
    });
    return () => client.dispose();
  }, [configKey, attempt]);

  const retry = useCallback(() => {
    setState(STARTING);
    setAttempt((n) => n + 1);
  }, []);

  return { state, retry };
}
