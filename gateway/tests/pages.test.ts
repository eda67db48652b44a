import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testGatewayAuth } from '@egov/mocks/testing';
import { readSupergraph } from '@egov/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGatewayLogger } from '../src/logger.js';
import { type GatewayConfig, type RunningGateway, startGateway } from '../src/server.js';

const nowhere = 'http://127.0.0.1:9/graphql';
let dir: string;
let gateway: RunningGateway;
let origin: string;

function config(overrides: Partial<GatewayConfig>): GatewayConfig {
  return {
    port: 0,
    supergraph: readSupergraph(),
    subgraphUrls: { individuals: nowhere, 'legal-entities': nowhere, payments: nowhere, licensing: nowhere, applications: nowhere },
    production: false,
    subgraphTimeoutMs: 1000,
    rateLimit: false,
    auth: testGatewayAuth(),
    limits: { maxDepth: 12, maxAliases: 20, maxCost: 20_000, maxTokens: 3_000, maxBodyBytes: 64 * 1024 },
    ...overrides,
  };
}

beforeAll(async () => {
  // A stand-in for portal/dist: what `vite build` writes.
  dir = mkdtempSync(join(tmpdir(), 'egov-portal-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>portal</title><script type="module" src="/assets/index-abc123.js"></script>');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log("portal")');
  gateway = await startGateway(
    config({
      portal: {
        dir,
        settings: { signIn: { authorizeUrl: 'http://127.0.0.1:4100/authorize' }, signing: { kind: 'test-key', url: 'http://127.0.0.1:4100/sign' } },
      },
    }),
    '127.0.0.1',
    createGatewayLogger('error'),
  );
  origin = gateway.url.replace(/\/graphql$/, '');
});
afterAll(async () => {
  await gateway?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('GraphiQL on a closed network', () => {
  it('a browser asking for /graphql gets a page that loads every script, style and worker from the gateway itself', async () => {
    const page = await (await fetch(gateway.url, { headers: { accept: 'text/html' } })).text();
    const urls = [...page.matchAll(/(?:src|href)="([^"]+)"|"(\/graphiql\/[^"]+)"/g)].map((m) => m[1] ?? m[2]!);
    expect(urls.length).toBeGreaterThanOrEqual(6);
    for (const url of urls) {
      expect(url.startsWith('/graphiql/'), url).toBe(true);
      const asset = await fetch(origin + url);
      expect(asset.status, url).toBe(200);
      expect((await asset.arrayBuffer()).byteLength, url).toBeGreaterThan(100);
    }
    // Nothing the page loads names another host (an XML namespace inside the logo is not a load).
    expect(/(?:src|href)=["']?(?:https?:)?\/\//.test(page)).toBe(false);
  });

  it('an asset of another version is a 404, not a page', async () => {
    expect((await fetch(`${origin}/graphiql/000000000000/graphiql.js`)).status).toBe(404);
  });
});

describe('the portal served from the gateway origin', () => {
  it('answers / and any page path with index.html under a policy that allows only this origin and the configured services', async () => {
    for (const path of ['/', '/services/state-symbols-licence', '/mine']) {
      const response = await fetch(origin + path, { headers: { accept: 'text/html' } });
      expect(response.status, path).toBe(200);
      expect(await response.text(), path).toContain('<title>portal</title>');
      const policy = response.headers.get('content-security-policy')!;
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("connect-src 'self' http://127.0.0.1:4100");
      expect(response.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('serves hashed assets as immutable and a missing one as 404', async () => {
    const asset = await fetch(`${origin}/assets/index-abc123.js`);
    expect(asset.headers.get('content-type')).toContain('text/javascript');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${origin}/assets/index-old999.js`, { headers: { accept: 'text/html' } })).status).toBe(404);
  });

  it('tells the portal where sign-in and signing are, from deployment settings', async () => {
    expect(await (await fetch(`${origin}/portal-settings.json`)).json()).toEqual({
      signIn: { authorizeUrl: 'http://127.0.0.1:4100/authorize' },
      signing: { kind: 'test-key', url: 'http://127.0.0.1:4100/sign' },
    });
  });

  it('leaves the gateway its own paths', async () => {
    expect((await fetch(`${origin}/health`)).status).toBe(200);
    const graphql = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await graphql.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses to start without a built portal, and says how to build it', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'egov-portal-empty-'));
    await expect(startGateway(config({ portal: { dir: empty } }), '127.0.0.1', createGatewayLogger('error'))).rejects.toThrow(/npm run build -w @egov\/portal/);
    rmSync(empty, { recursive: true, force: true });
  });
});
