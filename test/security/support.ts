/**
 * What the red-team tests share: raw HTTP (so a path reaches the server exactly as written), tokens with
 * any iat/exp, fresh valid ids, the codes and texts of answers, and captured log lines.
 */
import { createPrivateKey, type KeyObject, randomUUID, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { withControlDigit } from '@egov/contracts';
import { TEST_AUDIENCE, TEST_ISSUER, type TokenRequest } from '@egov/mocks';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: any;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * One HTTP/1.1 request written byte for byte on a fresh socket: the request target is sent exactly as
 * given (no normalisation of `//`, `..`, `%2F`, `#`), which fetch and node:http would not all allow.
 * `body` goes with the Content-Length given in `headers` (its real length when none is given; a larger
 * declared length leaves the server waiting for the rest, as a stalled client would), or chunked with
 * `chunked: true`. Resolves as soon as a whole answer has arrived, whether or not the server closes.
 */
export function rawRequest(
  base: string,
  options: { method: string; target: string; headers?: Record<string, string>; body?: string | Buffer; chunked?: boolean; timeoutMs?: number },
): Promise<RawResponse> {
  const { hostname, port } = new URL(base);
  const body = options.body === undefined ? undefined : Buffer.isBuffer(options.body) ? options.body : Buffer.from(options.body, 'utf8');
  const headers: Record<string, string> = { host: `${hostname}:${port}`, connection: 'close', ...options.headers };
  if (body && options.chunked) headers['transfer-encoding'] = 'chunked';
  else if (body && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-length')) headers['content-length'] = String(body.length);
  const head = `${options.method} ${options.target} HTTP/1.1\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n`;
  const timeoutMs = options.timeoutMs ?? 10_000;
  return new Promise<RawResponse>((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let received = Buffer.alloc(0);
    let settled = false;
    const finish = (outcome: () => RawResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      try {
        resolve(outcome());
      } catch (error) {
        reject(error);
      }
    };
    const timer = setTimeout(() => {
      settled = true;
      socket.destroy();
      reject(new Error(`no answer to ${options.method} ${JSON.stringify(options.target)} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on('connect', () => {
      socket.write(head, 'latin1');
      if (body && options.chunked) {
        socket.write(`${body.length.toString(16)}\r\n`, 'latin1');
        socket.write(body);
        socket.write('\r\n0\r\n\r\n', 'latin1');
      } else if (body) socket.write(body);
    });
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const complete = completeResponse(received, options.method === 'HEAD');
      if (complete) finish(() => complete);
    });
    socket.on('error', (error) => {
      // A server that answers and then resets the connection has still answered.
      if (received.length > 0) return finish(() => parseHttpResponse(received, options.method === 'HEAD'));
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(error);
    });
    socket.on('close', () => {
      if (received.length > 0) finish(() => parseHttpResponse(received, options.method === 'HEAD'));
      else if (!settled) {
        settled = true;
        clearTimeout(timer);
        reject(new Error(`the server closed the connection without answering ${options.method} ${JSON.stringify(options.target)}`));
      }
    });
  });
}

/** The response, once `raw` holds all of it (by Content-Length or the last chunk); null while more is due. */
function completeResponse(raw: Buffer, headOnly: boolean): RawResponse | null {
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) return null;
  const headText = raw.subarray(0, end).toString('latin1');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(headText)?.[1]);
  if (status >= 100 && status < 200) return null; // 100 Continue: the real answer follows
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(headText)?.[1];
  const chunked = /\r\ntransfer-encoding:\s*chunked/i.test(headText);
  if (headOnly || status === 204 || status === 304) return parseHttpResponse(raw, true);
  if (length !== undefined) return raw.length >= end + 4 + Number(length) ? parseHttpResponse(raw) : null;
  if (chunked) return raw.includes('\r\n0\r\n\r\n', end) ? parseHttpResponse(raw) : null;
  return null;
}

/** Parses a whole HTTP/1.1 response (Content-Length, chunked, or until close). */
export function parseHttpResponse(raw: Buffer, headOnly = false): RawResponse {
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) throw new Error(`not an HTTP response: ${JSON.stringify(raw.subarray(0, 200).toString('latin1'))}`);
  const [statusLine, ...lines] = raw.subarray(0, end).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? '')?.[1]);
  const headers: IncomingHttpHeaders = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let bodyBytes = headOnly ? Buffer.alloc(0) : raw.subarray(end + 4);
  if (!headOnly && headers['transfer-encoding'] === 'chunked') {
    const parts: Buffer[] = [];
    let at = 0;
    for (;;) {
      const lineEnd = bodyBytes.indexOf('\r\n', at);
      if (lineEnd < 0) break;
      const size = parseInt(bodyBytes.subarray(at, lineEnd).toString('latin1'), 16);
      if (!size) break;
      parts.push(bodyBytes.subarray(lineEnd + 2, lineEnd + 2 + size));
      at = lineEnd + 2 + size + 2;
    }
    bodyBytes = Buffer.concat(parts);
  } else if (!headOnly && headers['content-length'] !== undefined) {
    bodyBytes = bodyBytes.subarray(0, Number(headers['content-length']));
  }
  const text = bodyBytes.toString('utf8');
  return { status, headers, text, json: parse(text) };
}

/**
 * Sends a request whose body is `declared` bytes long (or chunked when `declared` is null) but writes only
 * `send` bytes of it and then stalls with the connection open. A server that judges the size before (or
 * while) reading answers; one that waits for the whole body never does, and this rejects after `waitMs`.
 * Resolves with the answer and how many body bytes had been written when it came.
 */
export function stalledUpload(
  url: string,
  options: { method?: string; headers?: Record<string, string>; declared: number | null; send: number; prefix?: Buffer; waitMs: number },
): Promise<{ status: number; body: any; bytesWritten: number }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.declared === null) headers['transfer-encoding'] = 'chunked';
    else headers['content-length'] = String(options.declared);
    let written = 0;
    let answered = false;
    const req = httpRequest(url, { method: options.method ?? 'POST', headers }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        clearTimeout(timer);
        req.destroy();
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode!, body: parse(text) ?? text, bytesWritten: written });
      });
      res.on('error', () => undefined);
    });
    const timer = setTimeout(() => {
      req.destroy();
      reject(
        new Error(
          `no answer after ${written} body bytes were sent and the client stalled for ${options.waitMs} ms: the server waits for a body it should have refused`,
        ),
      );
    }, options.waitMs);
    req.on('error', (error) => {
      if (!answered) {
        clearTimeout(timer);
        // The server may close the connection after answering; a reset before any answer is a failure.
        reject(new Error(`the connection failed before any answer (${written} bytes sent): ${error.message}`));
      }
    });
    const piece = Buffer.alloc(64 * 1024, 0x41);
    const pump = () => {
      if (answered) return;
      if (options.prefix && written === 0) {
        written += options.prefix.length;
        if (!req.write(options.prefix)) return void req.once('drain', pump);
      }
      while (!answered && written < options.send) {
        const chunk = piece.subarray(0, Math.min(piece.length, options.send - written));
        written += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      // Sent what we meant to send: stall here, never ending the body.
    };
    req.flushHeaders();
    pump();
  });
}

// ---------------------------------------------------------------------------------------------- tokens

let issuerKey: { key: KeyObject; kid: string } | undefined;

function testIssuerKey() {
  if (!issuerKey) {
    const jwk = JSON.parse(readFileSync(new URL('../../mocks/data/auth/issuer-private.jwk.json', import.meta.url), 'utf8')) as { kid: string };
    issuerKey = { key: createPrivateKey({ key: jwk as never, format: 'jwk' }), kid: jwk.kid };
  }
  return issuerKey;
}

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * A token from the test issuer, validly signed (ES256), with iat and exp given as offsets in seconds from
 * now (iat: null leaves the claim out). The claims follow mocks' mintToken for each caller kind; `overrides`
 * changes claims (undefined removes one).
 */
export function tokenWithTimes(request: TokenRequest, times: { iat: number | null; exp: number }, overrides: Record<string, unknown> = {}): string {
  const { key, kid } = testIssuerKey();
  const now = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = { kind: request.kind, iss: TEST_ISSUER, aud: TEST_AUDIENCE, exp: now + times.exp, jti: randomUUID() };
  if (times.iat !== null) claims.iat = now + times.iat;
  switch (request.kind) {
    case 'citizen':
      claims.sub = request.iin;
      break;
    case 'portal':
      claims.sub = request.iin;
      claims.client_id = request.clientId ?? 'egov-portal';
      break;
    case 'officer':
      claims.sub = request.iin;
      claims.agency = request.agency;
      claims.roles = request.roles ?? ['reviewer', 'decider'];
      break;
    case 'partner':
      claims.sub = request.clientId;
      if (request.scopes) claims.scope = request.scopes.join(' ');
      break;
  }
  // Claims to change or (undefined) leave out, e.g. an officer token without roles.
  for (const [claim, value] of Object.entries(overrides)) {
    if (value === undefined) delete claims[claim];
    else claims[claim] = value;
  }
  const signingInput = `${b64url({ alg: 'ES256', kid, typ: 'JWT' })}.${b64url(claims)}`;
  const signature = sign('sha256', Buffer.from(signingInput), { key, dsaEncoding: 'ieee-p1363' }).toString('base64url');
  return `${signingInput}.${signature}`;
}

// ------------------------------------------------------------------------------------------------- ids

let serial = 0;
/**
 * A valid IIN nobody in the fixtures has (born 1979-07-07, a new serial each call): a fresh identity, so
 * per-caller counters (rate limits) start from zero.
 */
export function freshIin(): string {
  for (;;) {
    serial += 1;
    const id = withControlDigit(`7907073${String((process.pid * 7 + serial) % 10_000).padStart(4, '0')}`);
    if (id) return id;
  }
}

// ------------------------------------------------------------------------------------------- responses

type ErrorLike = { message?: string; path?: (string | number)[]; extensions?: Record<string, unknown> };

/** `code path` for every error of a response. */
export function refusals(response: { errors?: ErrorLike[] }): string[] {
  return (response.errors ?? []).map((e) => `${e.extensions?.code} ${(e.path ?? []).join('.')}`);
}

/** What a response tells a caller, without what differs between any two calls (request ids, times). */
export function shapeOf(response: { status?: number; data?: unknown; errors?: ErrorLike[] }) {
  return {
    status: response.status,
    data: response.data ?? null,
    errors: (response.errors ?? []).map((e) => ({
      message: e.message,
      path: e.path ?? null,
      code: e.extensions?.code ?? null,
      extensions: Object.keys(e.extensions ?? {}).sort(),
    })),
  };
}

/** Text that only a database, a stack or a driver would put in an answer. */
export const INTERNALS =
  /invalid byte sequence|syntax error|relation "|column "|\bpg\b|postgres|sqlstate|violates|duplicate key|null value in|unterminated|\bat [\w.<>]+ \(|node_modules|ECONN|TypeError|ReferenceError|Cannot read prop/i;

/** Log lines captured from a graph (its `logs.write`), parsed. */
export class LogCapture {
  readonly lines: string[] = [];
  readonly write = (line: string) => void this.lines.push(line);

  parsed(): { level?: string; msg?: string; [key: string]: unknown }[] {
    return this.lines.map((line) => (parse(line) as Record<string, unknown>) ?? { msg: line });
  }

  /** Lines written since `mark` (a previous `lines.length`). */
  since(mark: number): string[] {
    return this.lines.slice(mark);
  }
}

// ------------------------------------------------------------------------------------------ applications

/** The shape of the portal helper (test/support/flow.ts) this module drives. */
interface Portal {
  ask<T = any>(query: string, variables?: Record<string, unknown>): Promise<{ data?: T | null; errors?: ErrorLike[] }>;
  upload(files: { document: string; file: Buffer; name: string }[]): Promise<{ id: string; documentId: string; sha256: string }[]>;
  submit(input: {
    serviceCode: string;
    action: string;
    applicantId: string;
    attachments: readonly { id: string; sha256: string }[];
    paymentId?: string;
    fields?: { fieldId: string; value: string }[];
    idempotencyKey?: string;
  }): Promise<{ data?: any; errors?: ErrorLike[] }>;
}

/** Opens a fresh ПШЭП order for the fee (its own idempotency key, so never an earlier one) and pays it at the mock bank. */
export async function payFresh(portal: Portal, serviceCode: string, action: string, payerId: string): Promise<string> {
  const opened = await portal.ask(
    `mutation($s: ID!, $a: ServiceActionKind!, $p: ApplicantId!, $k: String) { initiatePayment(serviceCode: $s, action: $a, payerId: $p, idempotencyKey: $k) { paymentUrl payment { id } } }`,
    { s: serviceCode, a: action, p: payerId, k: randomUUID() },
  );
  if (opened.errors || !opened.data) throw new Error(`the fee could not be opened: ${JSON.stringify(opened.errors)}`);
  const confirm = await fetch(opened.data.initiatePayment.paymentUrl, { method: 'POST' });
  if (!confirm.ok) throw new Error(`the mock bank refused the payment: ${confirm.status}`);
  return opened.data.initiatePayment.payment.id;
}

/**
 * The LLP 080440001234 (its head signing) files a complete application for the State Flag and Emblem
 * licence (decided by MINT-KTRM): a fresh scan, a freshly paid fee. Returns the application number.
 */
export async function fileStateSymbolsApplication(head: Portal, samplePdf: (title: string) => Buffer): Promise<string> {
  const [scan] = await head.upload([{ document: 'information-form', file: samplePdf(`Appendix 3 ${randomUUID()}`), name: 'appendix-3.pdf' }]);
  const paymentId = await payFresh(head, 'state-symbols-licence', 'ISSUE', '080440001234');
  const result = await head.submit({ serviceCode: 'state-symbols-licence', action: 'ISSUE', applicantId: '080440001234', attachments: [scan!], paymentId });
  const receipt = result.data?.submitApplication;
  if (receipt?.__typename !== 'ApplicationReceipt') throw new Error(`the application was not accepted: ${JSON.stringify(result)}`);
  return receipt.number as string;
}
