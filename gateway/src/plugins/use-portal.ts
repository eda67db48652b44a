import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';

export interface PortalOptions {
  /** The built portal (portal/dist): index.html and assets/. Read once at start. */
  dir: string;
  /**
   * What the portal reads at /portal-settings.json: where sign-in and signing happen. Deployment data,
   * not part of the build, so one build serves development (test IdP, test key) and production.
   */
  settings?: Record<string, unknown>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Paths the gateway itself answers; the portal never shadows them. */
const GATEWAY_PATHS = /^\/(graphql|attachments|health|ready|metrics|graphiql)(\/|$|\?)/;

interface File {
  body: Uint8Array<ArrayBuffer>;
  type: string;
  /** Vite names built assets by content hash, so they can be cached for good; index.html must not be. */
  immutable: boolean;
}

function readTree(dir: string): Map<string, File> {
  const files = new Map<string, File>();
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        const urlPath = `/${relative(dir, path).split(sep).join('/')}`;
        files.set(urlPath, {
          body: new Uint8Array(readFileSync(path)),
          type: TYPES[extname(name)] ?? 'application/octet-stream',
          immutable: urlPath.startsWith('/assets/'),
        });
      }
    }
  };
  walk(dir);
  if (!files.has('/index.html')) throw new Error(`portal: ${dir} has no index.html; build the portal first (npm run build -w @egov/portal)`);
  return files;
}

/** The origins the settings name (sign-in, signing): the only places besides our own the portal may call. */
function originsIn(settings: Record<string, unknown>): string[] {
  const origins = new Set<string>();
  const visit = (value: unknown) => {
    if (typeof value === 'string' && /^(https?|wss?):\/\//.test(value)) origins.add(new URL(value).origin);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(settings);
  return [...origins];
}

/**
 * Serves the reference portal from the gateway's own origin, so the browser talks to /graphql and
 * /attachments without CORS, and everything the page loads comes from this server (closed networks).
 * Any other GET that wants HTML gets index.html: the portal routes in the browser.
 */
export function usePortal(options: PortalOptions): GatewayPlugin {
  const files = readTree(options.dir);
  const settings = JSON.stringify(options.settings ?? {});
  // Scripts, styles and images only from here; calls only to here and to the services the settings name.
  const contentSecurityPolicy = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src 'self' ${originsIn(options.settings ?? {}).join(' ')}`.trim(),
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
  const headers = (type: string, cache: string) => ({
    'content-type': type,
    'cache-control': cache,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    ...(type.startsWith('text/html') ? { 'content-security-policy': contentSecurityPolicy } : {}),
  });

  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if ((request.method !== 'GET' && request.method !== 'HEAD') || GATEWAY_PATHS.test(url.pathname)) return;
      const body = (data: Uint8Array<ArrayBuffer> | string) => (request.method === 'HEAD' ? null : data);
      if (url.pathname === '/portal-settings.json') {
        endResponse(new fetchAPI.Response(body(settings), { headers: headers(TYPES['.json']!, 'no-cache') }));
        return;
      }
      const file = files.get(url.pathname);
      if (file) {
        endResponse(
          new fetchAPI.Response(body(file.body), { headers: headers(file.type, file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache') }),
        );
        return;
      }
      // A missing asset is a 404, not the app: a stale page asking for an old chunk must fail visibly.
      if (url.pathname.startsWith('/assets/')) {
        endResponse(new fetchAPI.Response('Not found', { status: 404, headers: headers(TYPES['.txt']!, 'no-cache') }));
        return;
      }
      if (!(request.headers.get('accept') ?? '').includes('text/html')) return;
      endResponse(new fetchAPI.Response(body(files.get('/index.html')!.body), { headers: headers(TYPES['.html']!, 'no-cache') }));
    },
  };
}
