import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Logger } from '@graphql-hive/logger';

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-connection', 'te', 'trailer', 'host']);

/**
 * Forwards scan uploads (POST /attachments) to the applications subgraph, streaming both ways, so a portal
 * talks to one origin for the whole flow and the gateway never holds a file in memory.
 */
export function createAttachmentsProxy(target: string, logger: Logger) {
  const upstream = new URL(target);
  return (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://gateway');
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !HOP_BY_HOP.has(name)));
    const forward = httpRequest(
      { hostname: upstream.hostname, port: upstream.port, path: `${upstream.pathname}${url.search}`, method: req.method, headers },
      (answer) => {
        const passed = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !HOP_BY_HOP.has(name)));
        res.writeHead(answer.statusCode ?? 502, passed);
        answer.pipe(res);
      },
    );
    forward.on('error', (error) => {
      logger.warn({ error: error.message }, 'attachments upstream failed');
      if (!res.headersSent) {
        const body = JSON.stringify({
          errors: [{ code: 'UPSTREAM_UNAVAILABLE', message: 'The applications service could not take the upload; nothing was stored, try again' }],
        });
        res.writeHead(502, { 'content-type': 'application/json; charset=utf-8' });
        res.end(body);
      } else res.destroy();
    });
    req.pipe(forward);
  };
}
