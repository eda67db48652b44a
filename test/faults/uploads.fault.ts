/**
 * Issue 11, item 1: no upload, however broken, takes a process down or leaves a partial file.
 *
 * Contract assumed (what the fix must provide):
 * - POST /attachments (on the submissions process, and through the gateway, which streams it on) whose
 *   multipart body ends before the closing boundary of a file part (the file cut off, a zero-length file
 *   part, the second of two files cut off) answers HTTP 400 with an error whose code is TRUNCATED_FILE
 *   (`errors[].code`, or `errors[].extensions.code`); none of the request's files is recorded.
 * - A body that ends inside a part's headers answers 400 with TRUNCATED_FILE or BAD_MULTIPART.
 * - A client that drops the connection mid-file or mid-headers gets nothing (nothing can be sent), and the
 *   process goes on serving.
 * - Never: a process exit, a 5xx, or a file left under ATTACHMENTS_DIR that is not a whole stored scan (the
 *   store names each scan by the SHA-256 of its bytes; temporary files are removed when an upload fails).
 * - A complete zero-length file is 400 EMPTY_FILE (as today), and a good upload afterwards is 201.
 */

import { bearer, NAMED, samplePdf } from '@egov/mocks';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FaultGraph, rawExchange, type Step, SUBMISSIONS, settledStrayFiles, startFaultGraph, strayFiles } from './harness/index.js';

const BOUNDARY = 'faultboundary7MA4YWxkTrZu0gW';
const pdf = samplePdf('Appendix 3, information form');
const partHeaders = (field: string, file: string) =>
  `Content-Disposition: form-data; name="${field}"; filename="${file}"\r\nContent-Type: application/pdf\r\n\r\n`;
const partHead = (field: string, file: string) => `--${BOUNDARY}\r\n${partHeaders(field, file)}`;
const nextPart = (field: string, file: string) => `\r\n--${BOUNDARY}\r\n${partHeaders(field, file)}`;
const closing = `\r\n--${BOUNDARY}--\r\n`;

let graph: FaultGraph;
let token: string;

/** The request line and headers of an upload that declares `length` bytes of body. */
const head = (length: number, type = `multipart/form-data; boundary=${BOUNDARY}`, path = '/attachments') =>
  `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${token}\r\nContent-Type: ${type}\r\nContent-Length: ${length}\r\nConnection: close\r\n\r\n`;

/** A body sent whole, with an honest Content-Length: the server sees its end and can answer. */
const whole = (body: Buffer): Step[] => [head(body.length), body];

const codesOf = (body: string): string[] => {
  try {
    const parsed = JSON.parse(body) as { errors?: { code?: string; extensions?: { code?: string } }[] };
    return (parsed.errors ?? []).map((e) => String(e.code ?? e.extensions?.code));
  } catch {
    return [];
  }
};

const TARGETS = [
  { through: 'the submissions process itself', port: () => graph.part(SUBMISSIONS.part).port },
  { through: 'the gateway', port: () => graph.part('gateway').port },
];

beforeAll(async () => {
  graph = await startFaultGraph({ parts: [SUBMISSIONS.part, 'gateway'] });
  token = (await bearer({ kind: 'citizen', iin: NAMED.entrepreneur })).authorization!;
});
afterAll(() => graph?.close());

let testStarted = 0;
let strayBefore = new Set<string>();
beforeEach(() => {
  testStarted = Date.now();
  // Each variant answers for what it leaves, not for what an earlier one left.
  strayBefore = new Set(strayFiles(graph.attachmentsDir));
});
afterEach(async () => {
  // A variant that crashed a process must not hide what the next one does: bring it back.
  for (const part of Object.values(graph.parts)) if (!part.alive) await part.start();
});

/** After a variant: every process still up and healthy, and no partial file left behind. */
async function expectNothingBroken(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 300)); // a crash from a stream error lands on the next tick or so
  expect(graph.crashes(testStarted).map((c) => `${c.part} exited (${c.exit.signal ?? c.exit.code}):\n${c.tail}`)).toEqual([]);
  for (const part of Object.values(graph.parts)) expect((await fetch(`${part.origin}/health`)).status).toBe(200);
  expect((await settledStrayFiles(graph.attachmentsDir, 3_000, strayBefore)).filter((f) => !strayBefore.has(f))).toEqual([]);
}

async function storedAttachments(): Promise<number> {
  return (await graph.pg.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${SUBMISSIONS.tables.attachments}`)).rows[0]!.n;
}

describe.each(TARGETS)('an upload through $through', ({ port }) => {
  it('whose file part has no closing boundary is 400 TRUNCATED_FILE, and the process stays up', async () => {
    const answer = await rawExchange(port(), whole(Buffer.concat([Buffer.from(partHead('information-form', 'a3.pdf')), pdf])));
    await expectNothingBroken();
    expect({ status: answer.status, codes: codesOf(answer.body) }).toEqual({ status: 400, codes: ['TRUNCATED_FILE'] });
  });

  it('with a zero-length file part and no closing boundary is 400 TRUNCATED_FILE', async () => {
    const answer = await rawExchange(port(), whole(Buffer.from(partHead('information-form', 'empty.pdf'))));
    await expectNothingBroken();
    expect({ status: answer.status, codes: codesOf(answer.body) }).toEqual({ status: 400, codes: ['TRUNCATED_FILE'] });
  });

  it('with two files, the second cut off, is 400 TRUNCATED_FILE and keeps neither', async () => {
    const before = await storedAttachments();
    const body = Buffer.concat([
      Buffer.from(partHead('information-form', 'a3.pdf')),
      pdf,
      Buffer.from(nextPart('information-form', 'b.pdf')),
      pdf.subarray(0, pdf.length >> 1),
    ]);
    const answer = await rawExchange(port(), whole(body));
    await expectNothingBroken();
    expect({ status: answer.status, codes: codesOf(answer.body) }).toEqual({ status: 400, codes: expect.arrayContaining(['TRUNCATED_FILE']) });
    expect(await storedAttachments()).toBe(before);
  });

  it("whose body ends inside a part's headers is 400 (TRUNCATED_FILE or BAD_MULTIPART)", async () => {
    const answer = await rawExchange(port(), whole(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="information-form"; filena`)));
    await expectNothingBroken();
    expect(answer.status).toBe(400);
    expect(['TRUNCATED_FILE', 'BAD_MULTIPART']).toContain(codesOf(answer.body)[0]);
  });

  it('whose client drops the connection mid-file leaves the process up and no partial file', async () => {
    const full = Buffer.concat([Buffer.from(partHead('information-form', 'a3.pdf')), pdf, Buffer.from(closing)]);
    await rawExchange(port(), [head(full.length), full.subarray(0, full.length >> 1), { pauseMs: 200 }], { afterwards: 'destroy' });
    await expectNothingBroken();
  });

  it('whose client drops the connection mid-way through the part headers leaves the process up', async () => {
    const full = Buffer.concat([Buffer.from(partHead('information-form', 'a3.pdf')), pdf, Buffer.from(closing)]);
    await rawExchange(port(), [head(full.length), `--${BOUNDARY}\r\nContent-Disposition: form-da`, { pauseMs: 200 }], { afterwards: 'destroy' });
    await expectNothingBroken();
  });

  it('sent as a raw body (?document=...) whose client drops the connection mid-file leaves no partial file', async () => {
    await rawExchange(
      port(),
      [head(pdf.length, 'application/pdf', '/attachments?document=information-form'), pdf.subarray(0, pdf.length >> 1), { pauseMs: 200 }],
      { afterwards: 'destroy' },
    );
    await expectNothingBroken();
  });

  it('with a complete but empty file is 400 EMPTY_FILE', async () => {
    const answer = await rawExchange(port(), whole(Buffer.from(`${partHead('information-form', 'empty.pdf')}${closing}`)));
    await expectNothingBroken();
    expect({ status: answer.status, codes: codesOf(answer.body) }).toEqual({ status: 400, codes: ['EMPTY_FILE'] });
  });

  it('after all that, a good scan is still taken (201) and stored whole', async () => {
    const answer = await rawExchange(port(), whole(Buffer.concat([Buffer.from(partHead('information-form', 'a3.pdf')), pdf, Buffer.from(closing)])));
    expect(answer.status).toBe(201);
    await expectNothingBroken();
  });
});
