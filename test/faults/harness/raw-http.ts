import { createConnection } from 'node:net';

/** A step of a hand-written HTTP exchange: bytes to send, or a pause. */
export type Step = string | Buffer | { pauseMs: number };

export interface RawOutcome {
  /** The response's status, if one came (null when the server only closed the connection, or nothing came). */
  status: number | null;
  headers: Record<string, string>;
  body: string;
  /** The server closed (or reset) the connection. */
  closedByServer: boolean;
  /** When the server answered or closed, from the first byte sent (ms); null if it did neither in time. */
  endedAfterMs: number | null;
  /** The connection could not be made (e.g. ECONNREFUSED). */
  connectError?: string;
}

export interface RawOptions {
  /** After the steps: keep the socket open ('wait'), half-close it ('end'), or drop it at once ('destroy'). */
  afterwards?: 'wait' | 'end' | 'destroy';
  /** How long to wait for the server to answer or close before giving up (then the socket is destroyed). */
  waitMs?: number;
  /** Stop waiting as soon as a complete response has arrived (default true); false waits for the server to close. */
  untilResponse?: boolean;
}

/** Splits a raw HTTP/1.1 response into status, headers and (de-chunked if needed) body. */
function parse(raw: Buffer): { status: number | null; headers: Record<string, string>; body: string; complete: boolean } {
  const text = raw.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return { status: null, headers: {}, body: '', complete: false };
  const [statusLine, ...headerLines] = text.slice(0, end).split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? '')?.[1] ?? NaN);
  const headers = Object.fromEntries(headerLines.map((l) => [l.slice(0, l.indexOf(':')).trim().toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
  let bodyBytes = raw.subarray(Buffer.byteLength(text.slice(0, end + 4), 'latin1'));
  let complete = false;
  if (headers['content-length'] !== undefined) {
    complete = bodyBytes.length >= Number(headers['content-length']);
  } else if (/chunked/i.test(headers['transfer-encoding'] ?? '')) {
    const chunks: Buffer[] = [];
    let rest = bodyBytes;
    for (;;) {
      const lineEnd = rest.indexOf('\r\n');
      if (lineEnd < 0) break;
      const size = parseInt(rest.subarray(0, lineEnd).toString('latin1'), 16);
      if (Number.isNaN(size)) break;
      if (size === 0) {
        complete = true;
        break;
      }
      if (rest.length < lineEnd + 2 + size) break;
      chunks.push(rest.subarray(lineEnd + 2, lineEnd + 2 + size));
      rest = rest.subarray(lineEnd + 2 + size + 2);
    }
    bodyBytes = Buffer.concat(chunks);
  }
  return { status: Number.isNaN(status) ? null : status, headers, body: bodyBytes.toString('utf8'), complete };
}

/**
 * Sends exactly the given bytes over one TCP connection (pausing where told) and reports what the server did:
 * answered (status, body), closed the connection, or neither within `waitMs`. For requests no HTTP client
 * would send: lying Content-Length, headers that never end, bodies cut mid-way.
 */
export async function rawExchange(port: number, steps: Step[], options: RawOptions = {}): Promise<RawOutcome> {
  const waitMs = options.waitMs ?? 5_000;
  const untilResponse = options.untilResponse ?? true;
  return new Promise((resolve) => {
    const received: Buffer[] = [];
    let started = 0;
    let settled = false;
    let closedByServer = false;
    let timer: NodeJS.Timeout | undefined;
    const socket = createConnection({ host: '127.0.0.1', port });
    const finish = (ended: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const parsed = parse(Buffer.concat(received));
      socket.destroy();
      resolve({ status: parsed.status, headers: parsed.headers, body: parsed.body, closedByServer, endedAfterMs: ended ? Date.now() - started : null });
    };
    socket.on('data', (chunk) => {
      received.push(chunk);
      if (untilResponse && parse(Buffer.concat(received)).complete) finish(true);
    });
    socket.on('close', () => {
      if (!settled) {
        closedByServer = true;
        finish(true);
      }
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (started === 0 && !settled) {
        settled = true;
        resolve({ status: null, headers: {}, body: '', closedByServer: false, endedAfterMs: null, connectError: error.code ?? error.message });
      }
    });
    socket.on('connect', async () => {
      started = Date.now();
      for (const step of steps) {
        if (settled || socket.destroyed) return;
        if (typeof step === 'object' && !Buffer.isBuffer(step)) await new Promise((r) => setTimeout(r, step.pauseMs));
        else socket.write(step);
      }
      if (options.afterwards === 'end') socket.end();
      if (options.afterwards === 'destroy') {
        // The client gives up: wait a moment for a response already on its way, then drop the connection.
        setTimeout(() => finish(false), 50);
        return;
      }
      timer = setTimeout(() => finish(false), waitMs);
    });
  });
}

/** Only tries to connect: refused or accepted. */
export function connects(port: number, timeoutMs = 2_000): Promise<{ ok: boolean; error?: string }> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    const timer = setTimeout(() => (socket.destroy(), resolve({ ok: false, error: 'TIMEOUT' })), timeoutMs);
    socket.once('connect', () => (clearTimeout(timer), socket.destroy(), resolve({ ok: true })));
    socket.once('error', (error: NodeJS.ErrnoException) => (clearTimeout(timer), resolve({ ok: false, error: error.code ?? error.message })));
  });
}
