import { existsSync, readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { bearer, NAMED, samplePdf } from '@egov/mocks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApplications } from './support.js';

/*
 * Broken uploads, as a flaky network or a hostile client sends them: the process must answer what can be
 * answered (400 TRUNCATED_FILE, BAD_MULTIPART), never crash on a stream error, and leave no partial file.
 * An unhandled 'error' event anywhere would fail this file (vitest reports it) before any assertion.
 */

const MAX = 256 * 1024;
let applications: Awaited<ReturnType<typeof startApplications>>;
let authorization: string;
beforeAll(async () => {
  applications = await startApplications({ maxBytes: MAX });
  authorization = (await bearer({ kind: 'citizen', iin: NAMED.youngWoman })).authorization!;
});
afterAll(() => applications?.close());

const BOUNDARY = 'faultyboundary42';
const partHead = (name: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="information-form"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`;

interface Sent {
  /** The answer, or null when the server closed without one (nobody to answer). */
  status: number | null;
  body: any;
}

/**
 * Writes a request on a raw socket: `head` then `body`, then ends as `ending` says: 'finish' half-closes (the
 * client is done sending), 'cut' destroys the socket (the connection dropped), 'wait' keeps it open.
 */
function send(options: { headers: Record<string, string>; body: Buffer | string; ending: 'finish' | 'cut' | 'wait'; path?: string }): Promise<Sent> {
  const { port } = new URL(applications.base);
  const body = Buffer.isBuffer(options.body) ? options.body : Buffer.from(options.body, 'latin1');
  const headers = { host: `127.0.0.1:${port}`, authorization, ...options.headers };
  const head = `POST ${options.path ?? '/attachments'} HTTP/1.1\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n`;
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1');
    let received = '';
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return resolve({ status: null, body: null });
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1]);
      let parsed: unknown = received.slice(end + 4);
      try {
        parsed = JSON.parse(parsed as string);
      } catch {
        // not JSON
      }
      resolve({ status, body: parsed });
    };
    const timer = setTimeout(done, 3_000);
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      // A whole answer (by its Content-Length) is enough; the connection may stay open.
      const end = received.indexOf('\r\n\r\n');
      const length = /\r\ncontent-length:\s*(\d+)/i.exec(received.slice(0, end))?.[1];
      if (end >= 0 && length !== undefined && received.length >= end + 4 + Number(length)) done();
    });
    socket.on('error', done);
    socket.on('close', done);
    socket.on('connect', () => {
      socket.write(head, 'latin1');
      socket.write(body);
      if (options.ending === 'finish') socket.end();
      if (options.ending === 'cut') setTimeout(() => socket.destroy(), 50);
    });
  });
}

const pdf = samplePdf('A scan', 64 * 1024);
const multipart = `multipart/form-data; boundary=${BOUNDARY}`;

const BROKEN: [string, Parameters<typeof send>[0], number | null][] = [
  [
    'a file part without the closing boundary (Content-Length matches what was sent)',
    {
      headers: { 'content-type': multipart, 'content-length': String(partHead('a.pdf').length + pdf.length) },
      body: Buffer.concat([Buffer.from(partHead('a.pdf'), 'latin1'), pdf]),
      ending: 'wait',
    },
    400,
  ],
  [
    'a chunked file part the client stops sending without a boundary',
    {
      headers: { 'content-type': multipart, 'transfer-encoding': 'chunked' },
      body: `${(partHead('b.pdf').length + 7).toString(16)}\r\n${partHead('b.pdf')}%PDF-1.\r\n0\r\n\r\n`,
      ending: 'wait',
    },
    400,
  ],
  [
    'a connection cut in the middle of a file',
    {
      headers: { 'content-type': multipart, 'content-length': String(10 * pdf.length) },
      body: Buffer.concat([Buffer.from(partHead('c.pdf'), 'latin1'), pdf]),
      ending: 'cut',
    },
    null,
  ],
  [
    'a connection cut in the middle of the part headers',
    { headers: { 'content-type': multipart, 'content-length': '5000' }, body: `--${BOUNDARY}\r\nContent-Disposition: form-da`, ending: 'cut' },
    null,
  ],
  [
    'a body that ends inside the part headers',
    {
      headers: { 'content-type': multipart, 'content-length': String(`--${BOUNDARY}\r\nContent-Disposition: form-da`.length) },
      body: `--${BOUNDARY}\r\nContent-Disposition: form-da`,
      ending: 'wait',
    },
    400,
  ],
  [
    'a second file cut after a whole first one',
    {
      headers: { 'content-type': multipart, 'content-length': String(10 * pdf.length) },
      body: Buffer.concat([Buffer.from(partHead('d.pdf'), 'latin1'), pdf, Buffer.from(`\r\n${partHead('e.pdf')}`, 'latin1'), pdf.subarray(0, 1000)]),
      ending: 'cut',
    },
    null,
  ],
  [
    'a multipart type without a boundary',
    { headers: { 'content-type': 'multipart/form-data', 'content-length': '10' }, body: '0123456789', ending: 'wait' },
    400,
  ],
  [
    'a single-body upload cut mid-file',
    {
      path: '/attachments?document=information-form',
      headers: { 'content-type': 'application/pdf', 'content-length': String(2 * pdf.length) },
      body: pdf,
      ending: 'cut',
    },
    null,
  ],
  [
    'a single-body upload the client stops short of its Content-Length and half-closes',
    {
      path: '/attachments?document=information-form',
      headers: { 'content-type': 'application/pdf', 'content-length': String(2 * pdf.length) },
      body: pdf,
      ending: 'finish',
    },
    null,
  ],
];

function leftovers(): string[] {
  const tmp = join(applications.attachmentsDir, 'tmp');
  return existsSync(tmp) ? readdirSync(tmp) : [];
}

async function noLeftovers(): Promise<string[]> {
  // Removal follows the answer (or the cut) by a moment.
  for (let i = 0; i < 40 && leftovers().length > 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
  return leftovers();
}

describe('the upload route survives broken bodies', () => {
  it.each(BROKEN)('%s: answered as it can be, no partial file kept, the next upload stored', async (_case, request, status) => {
    const sent = await send(request);
    if (status === null) expect(sent.status === null || sent.status === 400).toBe(true);
    else {
      expect(sent.status, JSON.stringify(sent.body)).toBe(status);
      expect(sent.body.errors[0]).toEqual({
        message: expect.any(String),
        extensions: expect.objectContaining({ code: expect.stringMatching(/^(TRUNCATED_FILE|BAD_MULTIPART)$/) }),
      });
    }
    expect(await noLeftovers()).toEqual([]);

    const form = new FormData();
    form.append('information-form', new Blob([new Uint8Array(samplePdf(`after ${_case}`))]), 'after.pdf');
    const after = await applications.as({ kind: 'citizen', iin: NAMED.youngWoman }).upload(form);
    expect(after.status).toBe(201);
  });

  it('a file part without its closing boundary is TRUNCATED_FILE, naming the document', async () => {
    const body = Buffer.concat([Buffer.from(partHead('cut.pdf'), 'latin1'), pdf.subarray(0, 5000)]);
    const sent = await send({ headers: { 'content-type': multipart, 'content-length': String(body.length) }, body, ending: 'wait' });
    expect(sent.status).toBe(400);
    expect(sent.body.errors[0].extensions).toEqual({ code: 'TRUNCATED_FILE', documentId: 'information-form', fileName: 'cut.pdf' });
  });

  it('an upload declaring 40 MB is refused with 413 from its headers, before a byte of it is read', async () => {
    const sent = await send({ headers: { 'content-type': multipart, 'content-length': String(40 * 1024 * 1024) }, body: partHead('big.pdf'), ending: 'wait' });
    expect(sent.status).toBe(413);
    expect(sent.body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('a chunked file over the limit is refused with 413 once the limit is passed, the rest never read', async () => {
    const part = Buffer.concat([Buffer.from(partHead('big.pdf'), 'latin1'), Buffer.from('%PDF-1.4\n', 'latin1'), Buffer.alloc(MAX + 64 * 1024, 0x20)]);
    const body = Buffer.concat([Buffer.from(`${part.length.toString(16)}\r\n`, 'latin1'), part, Buffer.from('\r\n', 'latin1')]);
    // The body never ends: the answer must come without it.
    const sent = await send({ headers: { 'content-type': multipart, 'transfer-encoding': 'chunked' }, body, ending: 'wait' });
    expect(sent.status).toBe(413);
    expect(sent.body.errors[0].extensions.code).toBe('FILE_TOO_LARGE');
    expect(await noLeftovers()).toEqual([]);
  });
});
