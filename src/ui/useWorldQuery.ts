// One query against the worker, re-run when the spec changes. The last answer stays on screen
// while the next one is computed, so charts never collapse between two states.
import { useEffect, useState } from 'react';
import type { QueryResult } from '../sim/query/query.ts';
import type { QuerySpec } from '../sim/query/spec.ts';
import type { WorldClient } from './worldClient.ts';

export interface QueryState {
  result: QueryResult | null;
  error: string | null;
  loading: boolean;
}

interface Answer {
  key: string;
  result: QueryResult | null;
  error: string | null;
}

export function useWorldQuery(client: WorldClient | null, spec: QuerySpec): QueryState {
  const key = JSON.stringify(spec);
  const [answer, setAnswer] = useState<Answer | null>(null);

  useEffect(() => {
    if (!client) return;
    let current = true;
    client.query(JSON.parse(key) as QuerySpec).then(
      (result) => current && setAnswer({ key, result, error: null }),
      (error: Error) => current && setAnswer((last) => ({ key, result: last?.result ?? null, error: error.message })),
    );
    return () => {
      current = false;
    };
  }, [client, key]);

  return {
    result: answer?.result ?? null,
    error: answer?.key === key ? answer.error : null,
    loading: answer?.key !== key,
  };
}
