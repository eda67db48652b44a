import { createServer } from 'node:net';
/**
 * Helpers for tests that drive a subgraph or the gateway over HTTP while msw plays the registries.
 */
export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
}

export async function postGraphQL<T = any>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: response.status, ...body };
}

/** The codes of a response's errors, in order: tests assert on codes, not on wording. */
export function errorCodes(response: GraphQLResponse): string[] {
  return (response.errors ?? []).map((error) => String(error.extensions?.code));
}

/**
 * msw option: requests to the servers under test (loopback) pass through; any other unmocked request
 * fails the test, so a missing registry handler is never silently real network.
 */
export const loopbackPassesThrough = {
  onUnhandledRequest(request: Request, print: { error(): void }) {
    const host = new URL(request.url).hostname;
    if (host === '127.0.0.1' || host === 'localhost') return;
    print.error();
  },
};

/** Where tests point registry clients: msw intercepts it, the network never sees it. */
export const TEST_REGISTRY_URL = 'http://registry.test';

/** A TCP port that was free a moment ago, for servers that cannot listen on port 0 themselves. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
