// One question to the world worker — a query, an inspection or a contrast — re-asked when its
// spec changes (null: nothing asked). The last answer stays on screen while the next one is
// computed (and after a failed one), so views never collapse between two states; `error` and
// `loading` are about the spec asked now.
import { useEffect, useState } from 'react';
import type { ContrastResult, ContrastSpec } from '../engine/contrast.ts';
import type { InspectorResult } from '../sim/inspect/inspect.ts';
import type { InspectSpec } from '../sim/inspect/request.ts';
import type { QueryResult } from '../sim/query/query.ts';
import type { QuerySpec } from '../sim/query/spec.ts';
import type { WorldClient } from './worldClient.ts';

/** What each kind of question sends and gets back. */
interface Questions {
  query: { spec: QuerySpec; result: QueryResult };
  inspect: { spec: InspectSpec; result: InspectorResult };
  contrast: { spec: ContrastSpec; result: ContrastResult };
}

export interface AnswerState<R> {
  result: R | null;
  error: string | null;
  loading: boolean;
}

export function useWorldAnswer<K extends keyof Questions>(
  client: WorldClient | null,
  kind: K,
  spec: Questions[K]['spec'] | null,
): AnswerState<Questions[K]['result']> {
  type R = Questions[K]['result'];
  const key = spec ? JSON.stringify(spec) : null;
  const [answer, setAnswer] = useState<{ key: string; result: R | null; error: string | null } | null>(null);

  useEffect(() => {
    if (!client || !key) return;
    let current = true;
    const ask = client[kind] as (spec: Questions[K]['spec']) => Promise<R>;
    ask.call(client, JSON.parse(key)).then(
      (result) => current && setAnswer({ key, result, error: null }),
      (error: Error) => current && setAnswer((last) => ({ key, result: last?.result ?? null, error: error.message })),
    );
    return () => {
      current = false;
    };
  }, [client, kind, key]);

  return {
    result: answer?.result ?? null,
    error: answer?.key === key ? answer.error : null,
    loading: key !== null && answer?.key !== key,
  };
}
