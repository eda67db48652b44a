import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RegistryClient } from '@egov/registry-client';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { failure } from './support/failure.js';

// These talk to a real socket (no interceptor): what the registry client does on the wire in production.
const Thing = z.object({ id: z.string(), size: z.number() });

let server: Server | undefined;
let connections = 0;

async function registry(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  connections = 0;
  server = createServer(handler);
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => resolve(body));
  });
}

describe('the registry client on the wire', () => {
  it('sends the JSON body with its length, and reuses one kept-alive connection for calls one after another', async () => {
    const seen: { method?: string; type?: string; length?: string; body: string }[] = [];
    const url = await registry(async (req, res) => {
      seen.push({ method: req.method, type: req.headers['content-type'], length: req.headers['content-length'], body: await readBody(req) });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: 'Әлия', size: seen.length }));
    });
    const client = new RegistryClient({ registry: 'individuals', baseUrl: url, retries: 0 });
    for (let i = 1; i <= 5; i++) await expect(client.post('/things', { name: 'Әлия' }, Thing)).resolves.toEqual({ id: 'Әлия', size: i });
    expect(seen[0]).toEqual({ method: 'POST', type: 'application/json', length: String(Buffer.byteLength('{"name":"Әлия"}')), body: '{"name":"Әлия"}' });
    expect(connections).toBe(1);
  });

  it('gives up on a registry that accepts the call and never answers, within its deadline, as REGISTRY_TIMEOUT', async () => {
    const url = await registry(() => {});
    const client = new RegistryClient({ registry: 'individuals', baseUrl: url, timeoutMs: 150, retries: 0 });
    const started = performance.now();
    expect((await failure(client.get('/things/1', Thing))).extensions.code).toBe('REGISTRY_TIMEOUT');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('times out a registry that sends half an answer and stalls', async () => {
    const url = await registry((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"id":"a",');
    });
    const client = new RegistryClient({ registry: 'individuals', baseUrl: url, timeoutMs: 150, retries: 0 });
    expect((await failure(client.get('/things/1', Thing))).extensions.code).toBe('REGISTRY_TIMEOUT');
  });

  it('reads a connection dropped mid-answer as REGISTRY_UNAVAILABLE, not as a partial record', async () => {
    const url = await registry((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"id":"a",', () => res.socket?.destroy());
    });
    const client = new RegistryClient({ registry: 'individuals', baseUrl: url, retries: 0 });
    expect((await failure(client.get('/things/1', Thing))).extensions.code).toBe('REGISTRY_UNAVAILABLE');
  });

  it('reads a refused connection as REGISTRY_UNAVAILABLE', async () => {
    const url = await registry(() => {});
    server!.close();
    const client = new RegistryClient({ registry: 'individuals', baseUrl: url, retries: 0 });
    expect((await failure(client.get('/things/1', Thing))).extensions.code).toBe('REGISTRY_UNAVAILABLE');
  });

  it('reads an error status without its body breaking the next call on the same connection', async () => {
    let calls = 0;
    const url = await registry((_req, res) => {
      calls++;
      if (calls === 1) {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: 'BAD_REQUEST', detail: 'x'.repeat(10_000) }));
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: 'b', size: 2 }));
      }
    });
    const client = new RegistryClient({ registry: 'individuals', baseUrl: url, retries: 0 });
    expect((await failure(client.get('/things/1', Thing))).extensions).toMatchObject({ code: 'REGISTRY_BAD_RESPONSE', upstreamStatus: 400 });
    await expect(client.get('/things/2', Thing)).resolves.toEqual({ id: 'b', size: 2 });
    expect(connections).toBe(1);
  });

  it('sends a call again on a new connection when the kept-alive one it took had been closed by the registry, unanswered', async () => {
    const served = new WeakMap<object, number>();
    const url = await registry((req, res) => {
      const socket = req.socket;
      const count = (served.get(socket) ?? 0) + 1;
      served.set(socket, count);
      // A registry that dropped its idle connection: the second request on it meets a closed socket.
      if (count > 1) return void socket.destroy();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: 'fresh', size: count }));
    });
    // No retries of its own: only the transport's one resend on a new connection can save the second call.
    const client = new RegistryClient({ registry: 'licensing', baseUrl: url, retries: 0 });
    await expect(client.post('/things', {}, Thing)).resolves.toEqual({ id: 'fresh', size: 1 });
    await expect(client.call({ method: 'PUT', path: '/things/2', body: { id: 2 }, schema: Thing })).resolves.toEqual({ id: 'fresh', size: 1 });
    expect(connections).toBe(2);
  });
});
