import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

/** A GraphQL error as the graph sends it: every one carries `extensions.code`. */
export interface GraphError {
  message: string;
  path?: readonly (string | number)[];
  extensions?: {
    code?: string;
    /** REGISTRY_* errors name the registry that failed (individuals, legal-entities, payments, licensing). */
    registry?: string;
    registryTitle?: string;
    retryAfterSeconds?: number;
    [key: string]: unknown;
  };
}

export interface GraphResult<T> {
  /** Partial data arrives beside errors: a registry outage nulls only the fields it feeds. */
  data: T | null;
  errors: readonly GraphError[];
  /** The HTTP status: 200, or 400/401/429 for a request refused before it ran. */
  status: number;
}

/** The request never produced a GraphQL answer (network, 401, 429, 5xx without a body). */
export class RequestFailed extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
    this.name = 'RequestFailed';
  }
}

/**
 * The documents codegen makes carry only the SHA-256 of their text (trusted documents): the portal sends
 * that id, and the gateway runs the operation it holds under it. No query text leaves the browser.
 */
function documentIdOf(document: TypedDocumentNode<unknown, unknown>): string {
  const hash = (document as { __meta__?: { hash?: string } }).__meta__?.hash;
  if (!hash) throw new Error('A GraphQL document without a persisted id: run `npm run codegen -w @egov/portal`');
  return hash;
}

export async function execute<TData, TVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  token: string | null,
  signal?: AbortSignal,
): Promise<GraphResult<TData>> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      signal,
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ documentId: documentIdOf(document as TypedDocumentNode<unknown, unknown>), variables }),
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new RequestFailed('The portal cannot reach the server', 0, 'NETWORK_ERROR');
  }
  const body = (await response.json().catch(() => null)) as { data?: TData | null; errors?: GraphError[] } | null;
  if (!body || (body.data === undefined && !body.errors)) {
    throw new RequestFailed(`The server answered ${response.status}`, response.status, 'BAD_RESPONSE');
  }
  // Errors are answers too: an invalid IIN (400) comes back with its code and the server's message, which
  // the form shows at the field.
  return { data: body.data ?? null, errors: body.errors ?? [], status: response.status };
}
