import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode, errorBody, type Logger, lingerAndClose } from '@egov/core';
import { type Principal, requestIdFrom, type TokenVerifier } from '@egov/security';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError } from 'graphql';
import type { RateLimit } from '../rate-limit.js';

/** What the front door knows of a request it let in: who calls, and the request's id. */
export interface Admission {
  principal: Principal;
  requestId: string;
}

type FetchAPI = { Response: typeof Response; Headers: typeof Headers };

/** A route beside GraphQL that admitted callers may use (the uploads proxy): it answers the request itself. */
export interface HandledRoute {
  methods: readonly string[];
  /** A declared body larger than this is refused with 413 before a byte is read; chunked bodies are the handler's to limit. */
  maxDeclaredBytes?: number;
  handle(request: { req: IncomingMessage; res: ServerResponse | undefined; admission: Admission; fetchAPI: FetchAPI }): Promise<Response>;
}

export interface FrontDoorOptions {
  /** The one path GraphQL executes on. */
  graphqlEndpoint: string;
  /** The largest GraphQL request body; a POST must declare its length (judged before reading). */
  maxBodyBytes: number;
  verifier: TokenVerifier;
  /** Per-caller request limit shared by every admitted route; none when null. */
  rateLimit: RateLimit | null;
  /** Whether the gateway can serve (GET /ready). */
  ready: () => Promise<boolean>;
  /** Routes beside GraphQL, by exact path. */
  routes?: Record<string, HandledRoute>;
  logger: Logger;
}

type Route =
  | { kind: 'graphql'; methods: readonly string[] }
  | { kind: 'probe'; methods: readonly string[]; answer: (fetchAPI: FetchAPI) => Promise<Response> }
  | ({ kind: 'handled' } & HandledRoute);

/**
 * The request target exactly as the client sent it, up to the query or fragment. Only origin-form targets
 * count ("/..."): not "//host/...", not an absolute URL, not "*". Nothing is decoded or folded, so
 * `/graphql/`, `/gr%61phql` or `/x/../graphql` are simply other paths.
 */
function pathOf(target: string | undefined): string | null {
  if (!target?.startsWith('/') || target.startsWith('//')) return null;
  const end = target.search(/[?#]/);
  return end === -1 ? target : target.slice(0, end);
}

/** Headers a cross-site form or image cannot send: their presence shows the request was made on purpose. */
const CSRF_HEADERS = ['x-graphql-csrf', 'apollo-require-preflight'];

/**
 * Whether a browser on another site could have sent this request without a preflight (a GET, or a POST
 * of a form or plain text) while carrying none of the headers only a deliberate client sets. JSON POSTs
 * always need a preflight, so they pass.
 */
function crossSiteCapable(request: Request): boolean {
  const mediaType = (request.headers.get('content-type') ?? '').split(';', 1)[0]!.trim().toLowerCase();
  if (request.method === 'POST' && mediaType === 'application/json') return false;
  return !CSRF_HEADERS.some((name) => request.headers.has(name));
}

/**
 * What is wrong with a GET's query string as GraphQL parameters, or null: every value must be valid
 * percent-encoding, and `variables` and `extensions` JSON objects. The runtime's own parser answers these
 * with an untyped 500.
 */
function queryStringProblem(target: string): string | null {
  const query = target.includes('?') ? target.slice(target.indexOf('?') + 1).split('#', 1)[0]! : '';
  for (const pair of query.split('&')) {
    if (!pair) continue;
    const [name = '', value = ''] = pair.split('=', 2);
    let decoded: string;
    try {
      decodeURIComponent(name.replace(/\+/g, ' '));
      decoded = decodeURIComponent(value.replace(/\+/g, ' '));
    } catch {
      return 'The query string is not valid percent-encoding';
    }
    if (name === 'variables' || name === 'extensions') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(decoded);
      } catch {
        return `\`${name}\` must be a JSON object`;
      }
      if (parsed !== null && (typeof parsed !== 'object' || Array.isArray(parsed))) return `\`${name}\` must be a JSON object`;
    }
  }
  return null;
}

/** Admitted requests: set by onRequest, read by the later hooks (persisted-only, header propagation). */
const admissions = new WeakMap<Request, Admission>();

/** The front door's verdict on a request, for the runtime's later stages; undefined when it was not admitted. */
export function admissionOf(request: Request): Admission | undefined {
  return admissions.get(request);
}

/**
 * The gateway's one front door, inside the runtime: every request the runtime sees passes here first.
 * It routes on the raw request target (not on the Host-derived URL the runtime matches by suffix): GraphQL
 * on exactly one path, /health and /ready, the routes given; everything else is 404 and a wrong method
 * 405. Before GraphQL or a route runs: the body's declared size (411/413 without reading it), the bearer
 * token (401/403), the caller's rate limit (429), and a request id that is either the client's safe one or
 * fresh. Nothing reaches GraphQL parsing unadmitted (onParams), and no error thrown here escapes to the
 * runtime, which would answer it with a stack trace.
 */
export function useFrontDoor(options: FrontDoorOptions): GatewayPlugin {
  const routes = new Map<string, Route>([
    [options.graphqlEndpoint, { kind: 'graphql', methods: ['GET', 'POST'] }],
    [
      '/health',
      {
        kind: 'probe',
        methods: ['GET', 'HEAD'],
        answer: async (fetchAPI) => fetchAPI.Response.json({ status: 'ok', service: 'gateway' }),
      },
    ],
    [
      '/ready',
      {
        kind: 'probe',
        methods: ['GET', 'HEAD'],
        answer: async (fetchAPI) => {
          const ready = await options.ready().catch(() => false);
          return fetchAPI.Response.json({ status: ready ? 'ready' : 'not ready' }, { status: ready ? 200 : 503 });
        },
      },
    ],
    ...Object.entries(options.routes ?? {}).map(([path, route]) => [path, { kind: 'handled', ...route }] as [string, Route]),
  ]);

  async function admit(
    request: Request,
    target: string,
    req: IncomingMessage | undefined,
    res: ServerResponse | undefined,
    fetchAPI: FetchAPI,
  ): Promise<Response | undefined> {
    const refuse = (status: number, code: ErrorCode, message: string, headers: Record<string, string> = {}, extensions = {}) =>
      fetchAPI.Response.json(errorBody(code, message, extensions), { status, headers });

    const path = pathOf(target);
    const route = path === null ? undefined : routes.get(path);
    if (!route) return refuse(404, ErrorCode.NOT_FOUND, 'No such resource');
    if (!route.methods.includes(request.method))
      return refuse(405, ErrorCode.METHOD_NOT_ALLOWED, `Use ${route.methods.join(' or ')}`, { allow: route.methods.join(', ') });
    if (route.kind === 'probe') return route.answer(fetchAPI);

    const declared = request.headers.get('content-length');
    const limit = route.kind === 'graphql' ? options.maxBodyBytes : route.maxDeclaredBytes;
    // Refused from the headers: the body is never read (a short linger, then the connection closes).
    const unread = () => req && res && lingerAndClose(req, res);
    if (request.method === 'POST' && route.kind === 'graphql' && declared === null) {
      unread();
      return refuse(411, ErrorCode.LENGTH_REQUIRED, 'A GraphQL POST must carry Content-Length');
    }
    if (declared !== null && limit !== undefined && (!/^\d+$/.test(declared) || Number(declared) > limit)) {
      unread();
      return refuse(413, ErrorCode.PAYLOAD_TOO_LARGE, `The request body may be at most ${limit} bytes`);
    }

    const requestId = requestIdFrom(request.headers.get('x-request-id'));
    const badQuery = route.kind === 'graphql' && request.method === 'GET' ? queryStringProblem(target) : null;
    if (badQuery) return refuse(400, ErrorCode.BAD_REQUEST, badQuery, { 'x-request-id': requestId });
    if (route.kind === 'graphql' && crossSiteCapable(request))
      return refuse(400, ErrorCode.BAD_REQUEST, 'A GET, or a POST that is not JSON, must carry the x-graphql-csrf header', { 'x-request-id': requestId });
    let principal: Principal;
    try {
      principal = await options.verifier.principalOf(request.headers.get('authorization'), request.headers.get('x-purpose'));
    } catch (error) {
      // A refused token says why (401, or 403 for a partner's purpose); anything else is ours (500, logged).
      const extensions = (error as { extensions?: { code?: ErrorCode; http?: { status?: number } } }).extensions;
      if (!extensions?.code) throw error;
      return refuse(extensions.http?.status ?? 401, extensions.code, (error as Error).message, { 'x-request-id': requestId });
    }
    if (options.rateLimit) {
      const client = principal.kind === 'anonymous' ? (req ? options.rateLimit.clientOf(req) : 'unknown') : `${principal.kind}:${principal.id}`;
      const wait = await options.rateLimit.retryAfter(client);
      if (wait) {
        return refuse(
          429,
          ErrorCode.RATE_LIMITED,
          `Too many requests; retry in ${wait} s`,
          { 'retry-after': String(wait), 'x-request-id': requestId },
          {
            retryAfterSeconds: wait,
          },
        );
      }
    }
    const admission = { principal, requestId };
    admissions.set(request, admission);
    if (route.kind === 'graphql') return undefined;
    if (!req) return refuse(500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal error');
    return route.handle({ req, res, admission, fetchAPI });
  }

  return {
    onRequest({ request, url, serverContext, fetchAPI, endResponse }) {
      const { req, res } = serverContext as { req?: IncomingMessage; res?: ServerResponse };
      // The target as received on the socket; only without a node:http request (the runtime called through
      // fetch, in-process) is the parsed URL all there is.
      const target = req?.url ?? `${url.pathname}${url.search}`;
      return admit(request, target, req, res, fetchAPI).then(
        (answer) => {
          if (answer) endResponse(answer);
        },
        (error: unknown) => {
          options.logger.error('request failed at the front door', { error, requestId: admissions.get(request)?.requestId });
          endResponse(fetchAPI.Response.json(errorBody(ErrorCode.INTERNAL_SERVER_ERROR, 'Internal error'), { status: 500 }));
        },
      );
    },
    onParams({ request }) {
      // Structural: whatever path led here, nothing is parsed or executed without the checks above.
      if (!admissions.has(request)) {
        throw new GraphQLError('Not admitted', { extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } } });
      }
    },
    onResponse({ request, response }) {
      const id = admissions.get(request)?.requestId;
      if (id) response.headers.set('x-request-id', id);
    },
  };
}
