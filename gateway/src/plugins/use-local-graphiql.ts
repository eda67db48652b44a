import { createHash } from 'node:crypto';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';

/**
 * GraphiQL without the internet. State systems run on closed networks (ШЭП is one), where the runtime's
 * default page, which pulls its scripts from a public CDN, shows only "Loading…". Here the page names only
 * our own origin, and the gateway serves the assets from memory under /graphiql/.
 *
 * The assets are imported on first use, not with this module: the bundle (`@graphql-yoga/render-graphiql/graphiql`,
 * the same GraphiQL build Yoga's default page loads from a CDN) is ~28 MB of JavaScript source held as strings,
 * about 30 MB of a gateway's heap, and production never serves GraphiQL.
 */
const PREFIX = '/graphiql/';

interface Asset {
  body: Uint8Array<ArrayBuffer> | string;
  type: string;
}

interface Assets {
  byName: ReadonlyMap<string, Asset>;
  /** The assets change only with the package version: a content hash in the URL lets browsers keep them. */
  version: string;
}

let loading: Promise<Assets> | undefined;

/** The GraphiQL bundle, imported once, on the first page or asset asked for. */
export function graphiqlAssets(): Promise<Assets> {
  loading ??= import('@graphql-yoga/render-graphiql/graphiql').then(({ css, editorWorkerService, favicon, graphqlWorker, js, jsonWorker }) => {
    const faviconBytes = new Uint8Array(Buffer.from(favicon.slice(favicon.indexOf(',') + 1), 'base64'));
    const byName = new Map<string, Asset>([
      ['graphiql.css', { body: css, type: 'text/css; charset=utf-8' }],
      ['graphiql.js', { body: js, type: 'text/javascript; charset=utf-8' }],
      ['editor.worker.js', { body: editorWorkerService, type: 'text/javascript; charset=utf-8' }],
      ['json.worker.js', { body: jsonWorker, type: 'text/javascript; charset=utf-8' }],
      ['graphql.worker.js', { body: graphqlWorker, type: 'text/javascript; charset=utf-8' }],
      ['favicon.ico', { body: faviconBytes, type: 'image/x-icon' }],
    ]);
    return { byName, version: createHash('sha256').update(js).update(css).digest('hex').slice(0, 12) };
  });
  return loading;
}

/** Keeps a JSON value from closing the inline script it is written into. */
const inlineJson = (value: unknown) => JSON.stringify(value ?? {}).replace(/</g, '\\u003c');

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The GraphiQL page: Yoga's own renderer (YogaGraphiQL), every script and worker from this origin. */
export async function renderLocalGraphiQL(options?: { title?: string } & Record<string, unknown>): Promise<string> {
  const { version } = await graphiqlAssets();
  const assetUrl = (name: string) => `${PREFIX}${version}/${name}`;
  const title = escapeHtml(String(options?.title ?? 'egov-graph GraphiQL'));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
<link rel="icon" href="${assetUrl('favicon.ico')}">
<link rel="stylesheet" href="${assetUrl('graphiql.css')}">
</head>
<body id="body" class="no-focus-outline">
<noscript>GraphiQL needs JavaScript.</noscript>
<div id="root"></div>
<script>
self.MonacoEnvironment = {
  globalAPI: false,
  getWorkerUrl: function (_moduleId, label) {
    return { editorWorkerService: ${inlineJson(assetUrl('editor.worker.js'))}, json: ${inlineJson(assetUrl('json.worker.js'))}, graphql: ${inlineJson(assetUrl('graphql.worker.js'))} }[label];
  },
};
</script>
<script src="${assetUrl('graphiql.js')}"></script>
<script>YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), ${inlineJson(options)});</script>
</body>
</html>`;
}

/** Serves GraphiQL's assets (GET /graphiql/<version>/<file>) so the page loads on a network without the internet. */
export function useLocalGraphiQL(): GatewayPlugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (!url.pathname.startsWith(PREFIX) || (request.method !== 'GET' && request.method !== 'HEAD')) return;
      const [version, name] = url.pathname.slice(PREFIX.length).split('/');
      return graphiqlAssets().then((assets) => {
        const asset = version === assets.version && name ? assets.byName.get(name) : undefined;
        // Anything else is the front door's to refuse, with the one 404 body.
        if (!asset) return;
        endResponse(
          new fetchAPI.Response(request.method === 'HEAD' ? null : asset.body, {
            headers: { 'content-type': asset.type, 'cache-control': 'public, max-age=31536000, immutable', 'x-content-type-options': 'nosniff' },
          }),
        );
      });
    },
  };
}
