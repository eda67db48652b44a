import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allScopesHeaders, NAMED, sampleJpeg, samplePdf, samplePng, truncated } from '@egov/mocks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApplications } from './support.js';

const MAX = 64 * 1024;
let applications: Awaited<ReturnType<typeof startApplications>>;
beforeAll(async () => {
  applications = await startApplications({ maxBytes: MAX });
});
afterAll(() => applications?.close());

async function upload(parts: { document: string; file: Buffer; name: string }[]) {
  const form = new FormData();
  for (const part of parts) form.append(part.document, new Blob([new Uint8Array(part.file)]), part.name);
  const response = await applications.as({ kind: 'citizen', iin: NAMED.youngWoman }).upload(form);
  return { status: response.status, body: (await response.json()) as any };
}

const sha256 = (file: Buffer) => createHash('sha256').update(file).digest('hex');

describe('uploading scans', () => {
  it('takes a PDF, a PNG and a JPEG in one request, judging each by its bytes rather than its name', async () => {
    const pdf = samplePdf('Information form');
    const png = samplePng();
    const jpeg = sampleJpeg();
    const { status, body } = await upload([
      { document: 'information-form', file: pdf, name: 'form.pdf' },
      { document: 'charter-copy', file: png, name: 'charter.pdf' },
      { document: 'qualification-documents', file: jpeg, name: 'photo.png' },
    ]);
    expect(status).toBe(201);
    expect(body.attachments).toEqual([
      {
        id: expect.stringMatching(/^att_/),
        documentId: 'information-form',
        fileName: 'form.pdf',
        sha256: sha256(pdf),
        mediaType: 'application/pdf',
        size: pdf.length,
      },
      {
        id: expect.stringMatching(/^att_/),
        documentId: 'charter-copy',
        fileName: 'charter.pdf',
        sha256: sha256(png),
        mediaType: 'image/png',
        size: png.length,
      },
      {
        id: expect.stringMatching(/^att_/),
        documentId: 'qualification-documents',
        fileName: 'photo.png',
        sha256: sha256(jpeg),
        mediaType: 'image/jpeg',
        size: jpeg.length,
      },
    ]);
  });

  it('keeps each scan once, under its SHA-256, whole', async () => {
    const pdf = samplePdf('Same bytes twice');
    const first = await upload([{ document: 'information-form', file: pdf, name: 'a.pdf' }]);
    const second = await upload([{ document: 'information-form', file: pdf, name: 'b.pdf' }]);
    expect(first.body.attachments[0].id).not.toBe(second.body.attachments[0].id);
    const path = join(applications.attachmentsDir, sha256(pdf).slice(0, 2), sha256(pdf));
    expect(readFileSync(path).equals(pdf)).toBe(true);
  });

  it('takes a raw body naming its document in the query', async () => {
    const png = samplePng(4, 4);
    const response = await applications
      .as({ kind: 'citizen', iin: NAMED.youngWoman })
      .upload({ document: 'information-form', body: png, contentType: 'application/octet-stream', fileName: 'page1.png' });
    expect(response.status).toBe(201);
    expect(((await response.json()) as any).attachments[0]).toMatchObject({ mediaType: 'image/png', fileName: 'page1.png' });
  });

  it.each([
    ['a text file named .pdf', Buffer.from('Dear officer, please find attached...'), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['an empty file', Buffer.alloc(0), 400, 'EMPTY_FILE'],
    ['a PDF cut short in transfer', truncated(samplePdf('Long form', 4000)), 400, 'TRUNCATED_FILE'],
    ['a PNG cut short in transfer', truncated(samplePng(64, 64)), 400, 'TRUNCATED_FILE'],
    ['a JPEG without its end marker', sampleJpeg().subarray(0, -2), 400, 'TRUNCATED_FILE'],
  ])('refuses %s with a clear code and stores nothing', async (_case, file, status, code) => {
    const before = readdirSync(applications.attachmentsDir, { recursive: true }).length;
    const response = await upload([{ document: 'information-form', file, name: 'scan.pdf' }]);
    expect(response.status).toBe(status);
    expect(response.body.errors).toEqual([
      { message: expect.any(String), extensions: expect.objectContaining({ code, documentId: 'information-form', fileName: 'scan.pdf' }) },
    ]);
    expect(readdirSync(applications.attachmentsDir, { recursive: true }).length).toBe(before);
  });

  it('refuses a file over the size limit without keeping any of it', async () => {
    const response = await upload([{ document: 'information-form', file: samplePdf('Big', MAX + 10_000), name: 'big.pdf' }]);
    expect(response.status).toBe(413);
    expect(response.body.errors[0].extensions.code).toBe('FILE_TOO_LARGE');
    expect(readdirSync(join(applications.attachmentsDir, 'tmp'))).toEqual([]);
  });

  it('refuses more files than one request may carry, and the whole request with them', async () => {
    const parts = Array.from({ length: 6 }, (_, i) => ({ document: 'information-form', file: samplePdf(`page ${i}`), name: `p${i}.pdf` }));
    const response = await upload(parts);
    expect(response.status).toBe(413);
    expect(response.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toContain('TOO_MANY_FILES');
    const { rows } = await applications.pool.query(`SELECT count(*)::int AS n FROM applications.attachments WHERE file_name LIKE 'p_.pdf'`);
    expect(rows[0].n).toBe(0);
  });

  it('refuses a part whose field name is not a document id, and a request with no file', async () => {
    expect((await upload([{ document: 'Information Form!', file: samplePdf(), name: 'x.pdf' }])).body.errors[0].extensions.code).toBe('BAD_DOCUMENT_ID');
    const empty = await applications.as({ kind: 'citizen', iin: NAMED.youngWoman }).upload(new FormData());
    expect(empty.status).toBe(400);
  });

  it('writes scans only under the configured directory', () => {
    expect(existsSync(join(applications.attachmentsDir, 'tmp'))).toBe(true);
  });
});

describe('who may upload', () => {
  const form = () => {
    const f = new FormData();
    f.append('information-form', new Blob([new Uint8Array(samplePdf('anonymous'))]), 'a.pdf');
    return f;
  };

  it('nobody without a token: 401 UNAUTHENTICATED, nothing stored', async () => {
    const before = readdirSync(applications.attachmentsDir, { recursive: true }).length;
    const response = await fetch(`${applications.base}/attachments`, { method: 'POST', body: form() });
    expect(response.status).toBe(401);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(readdirSync(applications.attachmentsDir, { recursive: true }).length).toBe(before);
  });

  it('not a partner system, even one with every scope: scans belong to the person applying (403)', async () => {
    const response = await fetch(`${applications.base}/attachments`, { method: 'POST', body: form(), headers: await allScopesHeaders() });
    expect(response.status).toBe(403);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('FORBIDDEN');
  });
});
