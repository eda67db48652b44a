import { request as httpRequest, type IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { ErrorCode, errorBody, type Logger, lingerAndClose } from '@egov/core';
import type { HandledRoute } from './plugins/use-front-door.js';

/** Hop-by-hop headers, and the client's request id (the door's safe one is sent instead). */
const NOT_FORWARDED = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer', 'host', 'x-request-id']);

const passed = (headers: IncomingMessage['headers']) =>
  Object.entries(headers).flatMap(([name, value]) => (NOT_FORWARDED.has(name) || value === undefined ? [] : [[name, value] as const]));

/**
 * POST /attachments, forwarded to the applications subgraph and streamed both ways, so a portal talks to
 * one origin for the whole flow and the gateway never holds a file. It is a route of the front door: the
 * token, the rate limit and the request id are settled before a byte is forwarded. The subgraph limits
 * the size while reading; when it answers early (413 at the limit, 415 for active content) the gateway
 * stops forwarding and closes the connection after the answer instead of reading the rest.
 */
export function attachmentsRoute(target: string, logger: Logger): HandledRoute {
  const upstream = new URL(target);
  return {
    methods: ['POST'],
    handle: ({ req, res, admission, fetchAPI }) =>
      new Promise<Response>((resolve) => {
        let answered = false;
        const search = new URL(req.url ?? '/', 'http://gateway').search;
        const forward = httpRequest(
          {
            hostname: upstream.hostname,
            port: upstream.port,
            path: `${upstream.pathname}${search}`,
            method: 'POST',
            headers: { ...Object.fromEntries(passed(req.headers)), 'x-request-id': admission.requestId },
          },
          (answer) => {
            answered = true;
            const headers = new fetchAPI.Headers();
            for (const [name, value] of passed(answer.headers)) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
            if (!req.complete) {
              // Answered before the whole body arrived: nothing more of it is forwarded or kept.
              req.unpipe(forward);
              if (res) lingerAndClose(req, res);
            }
            resolve(new fetchAPI.Response(Readable.toWeb(answer) as ReadableStream<Uint8Array>, { status: answer.statusCode ?? 502, headers }));
          },
        );
        forward.on('error', (error) => {
          if (answered) return; // the subgraph closed after answering early: expected
          answered = true;
          logger.warn('attachments upstream failed', { error, requestId: admission.requestId });
          req.unpipe(forward);
          if (res) lingerAndClose(req, res);
          resolve(
            fetchAPI.Response.json(
              errorBody(ErrorCode.UPSTREAM_UNAVAILABLE, 'The applications service could not take the upload; nothing was stored, try again'),
              { status: 502 },
            ),
          );
        });
        // The client went away mid-upload: the subgraph sees the body cut and keeps nothing.
        req.on('aborted', () => forward.destroy());
        req.pipe(forward);
      }),
  };
}
