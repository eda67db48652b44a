import { testGatewayAuth } from '@egov/mocks/testing';
import { readSupergraph } from '@egov/schema';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createGatewayLogger } from '../src/logger.js';
import { type GatewayConfig, type RunningGateway, startGateway } from '../src/server.js';

// The GraphiQL bundle is ~30 MB of a gateway's heap once imported: counted here, so a production gateway is
// seen never to import it, and a development one to import it only when a page or asset is asked for. Counted
// from the start of this file: the tests run in order, and a static import would count when server.js loads.
const imports = vi.hoisted(() => ({ count: 0 }));
vi.mock('@graphql-yoga/render-graphiql/graphiql', async (importOriginal) => {
  imports.count++;
  return await importOriginal();
});

const nowhere = 'http://127.0.0.1:9/graphql';
let gateway: RunningGateway | undefined;

function config(production: boolean): GatewayConfig {
  return {
    port: 0,
    supergraph: readSupergraph(),
    subgraphUrls: { individuals: nowhere, 'legal-entities': nowhere, payments: nowhere, licensing: nowhere, applications: nowhere },
    production,
    subgraphTimeoutMs: 1000,
    rateLimit: false,
    auth: testGatewayAuth(),
    limits: { maxDepth: 12, maxAliases: 20, maxCost: 20_000, maxTokens: 3_000, maxBodyBytes: 64 * 1024 },
  };
}

afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

describe('the GraphiQL bundle is imported only when GraphiQL is served', () => {
  it('production: not at start, nor when a browser asks for /graphql or an asset path', async () => {
    gateway = await startGateway(config(true), '127.0.0.1', createGatewayLogger('error'));
    const origin = gateway.url.replace(/\/graphql$/, '');
    await (await fetch(gateway.url, { headers: { accept: 'text/html' } })).arrayBuffer();
    await (await fetch(`${origin}/graphiql/000000000000/graphiql.js`)).arrayBuffer();
    expect(imports.count).toBe(0);
  });

  it('development: not at start; once, at the first page, which then loads its assets', async () => {
    gateway = await startGateway(config(false), '127.0.0.1', createGatewayLogger('error'));
    expect(imports.count).toBe(0);
    const page = await (await fetch(gateway.url, { headers: { accept: 'text/html' } })).text();
    expect(imports.count).toBe(1);
    const script = /src="(\/graphiql\/[^"]+\/graphiql\.js)"/.exec(page)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(gateway.url.replace(/\/graphql$/, '') + script);
    expect(asset.status).toBe(200);
    expect((await asset.arrayBuffer()).byteLength).toBeGreaterThan(1_000_000);
    expect(imports.count).toBe(1);
  });
});
