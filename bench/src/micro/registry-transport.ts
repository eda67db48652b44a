/**
 * What one registry call costs the calling process in CPU, through the registry client's node:http transport
 * against the same client over Node's fetch (undici), in the same process and run:
 *   npm run micro:registry-transport -w @egov/bench
 * A local server answers a persons batch (a realistic body) over keep-alive loopback; 16 calls are in flight at
 * a time, as under load. Prints CPU µs per call (user + system of this process only: the server runs in a
 * child process), medians of 5 alternated rounds, and the ratio.
 */

import { fork } from 'node:child_process';
import { RegistryClient } from '@egov/registry-client';
import { z } from 'zod';
import { median } from '../stats.js';

const CALLS = 4000;
const IN_FLIGHT = 16;

if (process.argv[2] === 'server') {
  const { createServer } = await import('node:http');
  const person = { iin: '900101300017', lastName: 'Сейткали', firstName: 'Әлия', address: { city: 'Астана', street: 'Мәңгілік Ел 8' } };
  const answer = JSON.stringify({ persons: Array.from({ length: 3 }, () => person), missing: [] });
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(answer);
    });
  });
  server.listen(0, '127.0.0.1', () => process.send?.((server.address() as { port: number }).port));
} else {
  const child = fork(new URL(import.meta.url).pathname, ['server'], { execArgv: process.execArgv });
  const port = await new Promise<number>((resolve) => child.once('message', (p) => resolve(p as number)));
  const Answer = z.object({ persons: z.array(z.object({ iin: z.string() }).passthrough()), missing: z.array(z.string()) });
  const clients = {
    'node:http (default)': new RegistryClient({ registry: 'individuals', baseUrl: `http://127.0.0.1:${port}`, breaker: false }),
    'fetch (undici)': new RegistryClient({ registry: 'individuals', baseUrl: `http://127.0.0.1:${port}`, breaker: false, fetch: globalThis.fetch }),
  };
  async function round(client: RegistryClient): Promise<number> {
    let sent = 0;
    const before = process.cpuUsage();
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (sent++ < CALLS) await client.post('/persons/batch', { iins: ['900101300017'] }, Answer);
      }),
    );
    const used = process.cpuUsage(before);
    return (used.user + used.system) / CALLS;
  }
  const results = new Map<string, number[]>();
  for (let i = 0; i < 6; i++) {
    for (const [name, client] of Object.entries(clients)) {
      const us = await round(client);
      if (i > 0) results.set(name, [...(results.get(name) ?? []), us]); // the first round warms up
    }
  }
  const medians = [...results].map(([name, values]) => [name, median(values) ?? Number.NaN] as const);
  for (const [name, us] of medians) console.log(`${name.padEnd(22)} ${us.toFixed(1)} µs CPU per call`);
  console.log(`ratio node:http / fetch: ${(medians[0]![1] / medians[1]![1]).toFixed(2)}`);
  child.kill();
}
