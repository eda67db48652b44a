/**
 * Where the traces of a benchmark session go: an OTLP/HTTP endpoint that takes every export and answers as a
 * collector does, so our gateway and subgraphs run with telemetry on, as deployed (deploy/k8s: OTLP/HTTP,
 * protobuf, parent-based 10 % sampling), without a collector on the machine. Its own CPU is not the product's.
 *
 *   POST /v1/traces   200, an empty ExportTraceServiceResponse
 *   GET  /stats       exports and bytes taken so far
 *
 * Env: BENCH_OTLP_PORT.
 */
import { createServer } from 'node:http';

let exports = 0;
let bytes = 0;
const server = createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/v1/traces') {
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    req.on('end', () => {
      exports += 1;
      res.writeHead(200, { 'content-type': req.headers['content-type'] ?? 'application/x-protobuf', 'content-length': '0' });
      res.end();
    });
    return;
  }
  if (req.method === 'GET' && req.url === '/stats') {
    res.writeHead(200, { 'content-type': 'application/json' });
    return void res.end(JSON.stringify({ exports, bytes }));
  }
  res.writeHead(404).end();
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.BENCH_OTLP_PORT ?? 0), '127.0.0.1');
process.once('SIGTERM', () => server.close(() => process.exit(0)));
