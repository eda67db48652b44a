/**
 * Issue 10, class 8 (smaller ones): scans with active content, and uploads over the size limit.
 *
 * Contract pinned here (POST /attachments, through the gateway and at the licensing subgraph directly,
 * multipart and single-body forms alike):
 * - A PDF with active content is refused with 415 and the reason code ACTIVE_CONTENT: JavaScript (/JS,
 *   /JavaScript), /OpenAction, /Launch, embedded files (/EmbeddedFile, /EmbeddedFiles), additional actions
 *   (/AA) — also when the name is written with #xx escapes (/J#61vaScript), without spaces, in the names
 *   tree, or in an incremental update after the first %%EOF.
 * - A file that starts with a PNG or JPEG signature but carries HTML or script (<html>, <script>, <svg,
 *   <iframe, on...= handlers, in any letter case) is refused the same way: 415 ACTIVE_CONTENT.
 * - The code may be given as `errors[0].extensions.code` (the one error body of the GraphQL endpoint) or,
 *   as uploads answer today, `errors[0].code`; nothing of a refused request is stored.
 * - Ordinary scans still pass (201), including a PDF whose text merely mentions JavaScript.
 * - A body over the scan limit (10 MB in the test graph) is refused with 413 once the limit is passed,
 *   whether its Content-Length is absent (chunked) or declares 40 MB: the server answers without waiting
 *   for the rest. Here the client sends the limit plus 1 MB and then stalls; a server that reads on until
 *   the end never answers.
 */
import { randomUUID } from 'node:crypto';
import { bearer, NAMED, sampleJpeg, samplePdf, samplePng } from '@egov/mocks';
import { createPool } from '@egov/stores';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningGraph, startGraph } from '../support/index.js';
import { stalledUpload } from './support.js';

const LIMIT = 10 * 1024 * 1024; // testLicensingConfig's default scan limit

let graph: RunningGraph;
let pool: ReturnType<typeof createPool>;
let auth: Record<string, string>;
beforeAll(async () => {
  graph = await startGraph({ fixtures: { persons: 20 } });
  pool = createPool(graph.databaseUrl, { applicationName: 'uploads-e2e' });
  auth = await bearer({ kind: 'citizen', iin: NAMED.manWithLicences });
});
afterAll(async () => {
  await pool?.end();
  await graph?.close();
});

const ENTRIES: [string, () => string][] = [
  ['through the gateway', () => `${graph.gatewayBase}/attachments`],
  ['at the applications subgraph', () => graph.subgraphs.applications.url.replace(/\/graphql$/, '/attachments')],
];

async function storedScans(): Promise<number> {
  const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM applications.attachments');
  return rows[0]!.n;
}

async function upload(url: string, form: 'multipart' | 'single body', file: Buffer, name: string) {
  const response =
    form === 'multipart'
      ? await (async () => {
          const body = new FormData();
          body.append('information-form', new Blob([new Uint8Array(file)]), name);
          return fetch(url, { method: 'POST', body, headers: auth });
        })()
      : await fetch(`${url}?document=information-form`, {
          method: 'POST',
          body: new Uint8Array(file),
          headers: { ...auth, 'content-type': 'application/octet-stream', 'x-file-name': name },
        });
  const text = await response.text();
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: response.status, body };
}

const codeOf = (body: any) => body?.errors?.[0]?.extensions?.code ?? body?.errors?.[0]?.code;

// --------------------------------------------------------------------------------------------- PDFs

/** A one-page PDF like the mocks' sample, with extra entries in the catalog and page, and extra objects. */
function pdf(parts: { catalog?: string; page?: string; objects?: string; after?: string }): Buffer {
  const stream = 'BT /F1 12 Tf 72 720 Td (Scan) Tj ET';
  return Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R ${parts.catalog ?? ''} >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n` +
      `3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R ${parts.page ?? ''} >> endobj\n` +
      `4 0 obj << /Length ${stream.length} >> stream\n${stream}\nendstream endobj\n${parts.objects ?? ''}trailer << /Root 1 0 R >>\n%%EOF\n${parts.after ?? ''}`,
    'latin1',
  );
}

const ACTIVE_PDFS: [string, Buffer][] = [
  ['/OpenAction running /JavaScript', pdf({ catalog: '/OpenAction 5 0 R', objects: '5 0 obj << /S /JavaScript /JS (app.alert\\(1\\)) >> endobj\n' })],
  [
    '/JS in a separate stream',
    pdf({
      catalog: '/OpenAction 5 0 R',
      objects: '5 0 obj << /S /JavaScript /JS 6 0 R >> endobj\n6 0 obj << /Length 13 >> stream\napp.alert(1);\nendstream endobj\n',
    }),
  ],
  [
    'a document-level script in the names tree',
    pdf({ catalog: '/Names << /JavaScript << /Names [(init) 5 0 R] >> >>', objects: '5 0 obj << /S /JavaScript /JS (this.print\\(\\)) >> endobj\n' }),
  ],
  ['/OpenAction that /Launches a program', pdf({ catalog: '/OpenAction << /S /Launch /F (cmd.exe) /NewWindow true >>' })],
  [
    'a link annotation that /Launches a program',
    pdf({ page: '/Annots [5 0 R]', objects: '5 0 obj << /Type /Annot /Subtype /Link /Rect [0 0 595 842] /A << /S /Launch /F (calc.exe) >> >> endobj\n' }),
  ],
  [
    'an /EmbeddedFiles name tree with an executable',
    pdf({
      catalog: '/Names << /EmbeddedFiles << /Names [(invoice.exe) 5 0 R] >> >>',
      objects:
        '5 0 obj << /Type /Filespec /F (invoice.exe) /EF << /F 6 0 R >> >> endobj\n6 0 obj << /Type /EmbeddedFile /Length 4 >> stream\nMZ\x90\x00\nendstream endobj\n',
    }),
  ],
  [
    'a lone /EmbeddedFile stream',
    pdf({ objects: '5 0 obj << /Type /EmbeddedFile /Subtype /application#2Foctet-stream /Length 4 >> stream\nMZ\x90\x00\nendstream endobj\n' }),
  ],
  ['page /AA (additional actions) on open', pdf({ page: '/AA << /O << /S /JavaScript /JS (app.alert\\(1\\)) >> >>' })],
  [
    '/J#61vaScript (a name with #xx escapes)',
    pdf({ catalog: '/OpenAction 5 0 R', objects: '5 0 obj << /S /J#61vaScript /J#53 (app.alert\\(1\\)) >> endobj\n' }),
  ],
  ['/Open#41ction and /L#61unch (escaped)', pdf({ catalog: '/Open#41ction << /S /L#61unch /F (cmd.exe) >>' })],
  [
    '/Embedded#46iles (escaped)',
    pdf({ catalog: '/Names << /Embedded#46iles << /Names [(a.exe) 5 0 R] >> >>', objects: '5 0 obj << /Type /Filespec /F (a.exe) >> endobj\n' }),
  ],
  ['/S/JavaScript/JS(...) without any spaces', pdf({ catalog: '/OpenAction<</S/JavaScript/JS(app.alert\\(1\\))>>' })],
  [
    'JavaScript added in an incremental update after the first %%EOF',
    pdf({
      after:
        '1 0 obj << /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R >> endobj\n5 0 obj << /S /JavaScript /JS (app.alert\\(1\\)) >> endobj\ntrailer << /Root 1 0 R /Prev 9 >>\n%%EOF\n',
    }),
  ],
];

// ------------------------------------------------------------------------------------------- images

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_IEND = Buffer.from([0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
const JPEG_SOI = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);
const JPEG_EOI = Buffer.from([0xff, 0xd9]);
const latin = (text: string) => Buffer.from(text, 'latin1');
/** A PNG tEXt chunk (its CRC left zero: the content is what is judged). */
function textChunk(text: string): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(text.length);
  return Buffer.concat([length, latin(`tEXt${text}`), Buffer.alloc(4)]);
}

const ACTIVE_IMAGES: [string, Buffer][] = [
  [
    'HTML with a script after a PNG signature',
    Buffer.concat([PNG_SIGNATURE, latin('<html><body><script>fetch("/steal?c="+document.cookie)</script></body></html>'), PNG_IEND]),
  ],
  ['a real PNG with HTML appended after IEND', Buffer.concat([samplePng(), latin('<html><script>alert(1)</script></html>')])],
  ['a real PNG with a <script> in a text chunk', Buffer.concat([samplePng().subarray(0, -12), textChunk('Comment\x00<script>alert(1)</script>'), PNG_IEND])],
  ['an <svg onload=...> after a PNG signature', Buffer.concat([PNG_SIGNATURE, latin('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), PNG_IEND])],
  ['upper-case <SCRIPT> after a PNG signature', Buffer.concat([PNG_SIGNATURE, latin('<SCRIPT SRC=//evil.example/x.js></SCRIPT>'), PNG_IEND])],
  ['HTML with a script after a JPEG signature', Buffer.concat([JPEG_SOI, latin('<!DOCTYPE html><html><script>alert(1)</script></html>'), JPEG_EOI])],
  ['a JPEG whose comment segment holds a <script>', sampleJpeg('<script>alert(document.domain)</script>')],
  ['an <iframe> after a JPEG signature', Buffer.concat([JPEG_SOI, latin('<iframe src="javascript:alert(1)"></iframe>'), JPEG_EOI])],
  ['a <body onload=...> in mixed case after a JPEG signature', Buffer.concat([JPEG_SOI, latin('<BoDy OnLoAd=alert(1)>'), JPEG_EOI])],
];

const ORDINARY: [string, Buffer, string][] = [
  ['the sample PDF scan', samplePdf('Scan of a charter'), 'charter.pdf'],
  ['a PDF whose text mentions JavaScript', samplePdf('Certificate: JavaScript course, 72 hours'), 'certificate.pdf'],
  ['the sample PNG', samplePng(16, 16), 'page.png'],
  ['the sample JPEG', sampleJpeg('scanner model X-100'), 'page.jpg'],
];

describe.each(ENTRIES)('POST /attachments %s', (_entry, url) => {
  describe.each(['multipart', 'single body'] as const)('as %s', (form) => {
    it.each([...ACTIVE_PDFS, ...ACTIVE_IMAGES])('%s: 415 ACTIVE_CONTENT, nothing stored', async (_case, file) => {
      const before = await storedScans();
      const { status, body } = await upload(url(), form, file, `scan-${randomUUID()}.bin`);
      expect(status, JSON.stringify(body)).toBe(415);
      expect(codeOf(body), JSON.stringify(body)).toBe('ACTIVE_CONTENT');
      expect(await storedScans()).toBe(before);
    });

    it.each(ORDINARY)('%s is accepted (the control)', async (_case, file, name) => {
      const { status, body } = await upload(url(), form, file, name);
      expect(status, JSON.stringify(body)).toBe(201);
    });
  });
});

describe('a 40 MB upload is refused with 413 at the limit, not after reading it all', () => {
  const boundary = `----redteam${randomUUID().replace(/-/g, '')}`;
  const multipartHead = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="information-form"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`,
    'latin1',
  );
  const FORTY_MB = 40 * 1024 * 1024;

  const VARIANTS: [string, 'multipart' | 'single body', number | null][] = [
    ['multipart without Content-Length (chunked)', 'multipart', null],
    ['multipart declaring 40 MB', 'multipart', FORTY_MB + multipartHead.length],
    ['a single body without Content-Length (chunked)', 'single body', null],
    ['a single body declaring 40 MB', 'single body', FORTY_MB],
  ];

  describe.each(ENTRIES)('%s', (_entry, url) => {
    it.each(VARIANTS)('%s: 413, with the limit + 1 MB sent and the client then waiting', async (_case, form, declared) => {
      const before = await storedScans();
      const answer = await stalledUpload(form === 'multipart' ? url() : `${url()}?document=information-form`, {
        headers: { ...auth, 'content-type': form === 'multipart' ? `multipart/form-data; boundary=${boundary}` : 'application/pdf' },
        declared,
        prefix: form === 'multipart' ? multipartHead : Buffer.from('%PDF-1.4\n', 'latin1'),
        send: LIMIT + 1024 * 1024,
        waitMs: 8_000,
      });
      expect(answer.status, JSON.stringify(answer.body)).toBe(413);
      expect(answer.bytesWritten).toBeLessThanOrEqual(LIMIT + 1024 * 1024 + multipartHead.length);
      expect(await storedScans()).toBe(before);
    });
  });
});
