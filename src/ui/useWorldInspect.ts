// One inspector view from the worker, re-run when the spec changes (null: nothing open). The
// last view stays on screen while the next one is computed.
import { useEffect, useState } from 'react';
import type { InspectorResult } from '../sim/inspect/inspect.ts';
import type { InspectSpec } from '../sim/inspect/request.ts';
import type { WorldClient } from './worldClient.ts';

export interface InspectState {
  result: InspectorResult | null;
  error: string | null;
  loading: boolean;
}

export function useWorldInspect(client: WorldClient | null, spec: InspectSpec | null): InspectState {
  const key = spec ? JSON.stringify(spec) : null;
  const [answer, setAnswer] = useState<{ key: string; result: InspectorResult | null; error: string | null } | null>(null);
  useEffect(() => {
    if (!client || !key) return;
    let current = true;
    client.inspect(JSON.parse(key) as InspectSpec).then(
      (result) => current && setAnswer({ key, result, error: null }),
      (error: Error) => current && setAnswer({ key, result: null, error: error.message }),
    );
    return () => {
      current = false;
    };
  }, [client, key]);
  return {
    result: answer?.result ?? null,
    error: answer?.key === key ? answer.error : null,
    loading: key !== null && answer?.key !== key,
  };
}
