import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSession } from '../auth/session.js';
import { execute, type GraphError, type GraphResult, RequestFailed } from './graphql-client.js';

export interface QueryState<TData> {
  data: TData | null;
  errors: readonly GraphError[];
  /** The request itself failed (network, server down): nothing to show but a retry. */
  failure: RequestFailed | null;
  loading: boolean;
  refetch(): void;
}

const refusedToken = (errors: readonly GraphError[]) => errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');

/** Runs a typed, persisted operation with the signed-in person's token, and again when its variables change. */
export function useQuery<TData, TVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  options: { skip?: boolean } = {},
): QueryState<TData> {
  const { token, markExpired } = useSession();
  const [result, setResult] = useState<{ data: TData | null; errors: readonly GraphError[]; failure: RequestFailed | null }>({
    data: null,
    errors: [],
    failure: null,
  });
  const [loading, setLoading] = useState(!options.skip);
  const [attempt, setAttempt] = useState(0);
  const key = JSON.stringify(variables);

  useEffect(() => {
    if (options.skip) return;
    const controller = new AbortController();
    setLoading(true);
    execute(document, JSON.parse(key) as TVariables, token, controller.signal)
      .then((answer) => {
        if (refusedToken(answer.errors)) markExpired();
        setResult({ data: answer.data, errors: answer.errors, failure: null });
      })
      .catch((error: unknown) => {
        if ((error as Error).name === 'AbortError') return;
        setResult({ data: null, errors: [], failure: error instanceof RequestFailed ? error : new RequestFailed(String(error), 0, 'CLIENT_ERROR') });
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [document, key, token, attempt, options.skip, markExpired]);

  const refetch = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...result, loading, refetch };
}

/** Runs operations on demand (mutations, reads a button triggers) with the signed-in person's token. */
export function useGraph() {
  const { token, markExpired } = useSession();
  const tokenRef = useRef(token);
  tokenRef.current = token;
  return useCallback(
    async <TData, TVariables>(document: TypedDocumentNode<TData, TVariables>, variables: TVariables): Promise<GraphResult<TData>> => {
      const answer = await execute(document, variables, tokenRef.current);
      if (refusedToken(answer.errors)) markExpired();
      return answer;
    },
    [markExpired],
  );
}
