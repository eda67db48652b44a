import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { sampleJpeg, samplePdf, samplePng } from '@egov/mocks';
import { describe, expect, it } from 'vitest';
import { scannerFor } from '../src/attachments/active-content.js';
import type { MediaType } from '../src/attachments/detect.js';

/** Scans `file` fed in chunks of `size` bytes (1 = byte by byte: every boundary is crossed). */
function scan(mediaType: MediaType, file: Buffer, size = 7) {
  const scanner = scannerFor(mediaType);
  for (let at = 0; at < file.length; at += size) scanner.push(file.subarray(at, at + size));
  scanner.end();
  return scanner.found?.reason ?? null;
}

const latin = (text: string) => Buffer.from(text, 'latin1');

/** A one-page PDF with extra entries in the catalog and page, extra objects, and bytes after %%EOF. */
function pdf(parts: { catalog?: string; page?: string; objects?: string; after?: string }): Buffer {
  const stream = 'BT /F1 12 Tf 72 720 Td (Scan) Tj ET';
  return latin(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R ${parts.catalog ?? ''} >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n` +
      `3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R ${parts.page ?? ''} >> endobj\n` +
      `4 0 obj << /Length ${stream.length} >> stream\n${stream}\nendstream endobj\n${parts.objects ?? ''}trailer << /Root 1 0 R >>\n%%EOF\n${parts.after ?? ''}`,
  );
}

/** A PDF 1.5 whose catalog entries sit in a (Flate-compressed, or plain) object stream. */
function pdfWithObjectStream(inside: string, compressed = true): Buffer {
  const objects = `1 0 << /Type /Catalog /Pages 2 0 R ${inside} >>`;
  const body = compressed ? deflateSync(latin(objects)) : latin(objects);
  const filter = compressed ? '/Filter /FlateDecode' : '';
  return Buffer.concat([
    latin(`%PDF-1.5\n5 0 obj << /Type /ObjStm /N 1 /First 4 ${filter} /Length ${body.length} >> stream\n`),
    body,
    latin('\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
  ]);
}

describe('a PDF with something to run, launch or open is found out, however it is written', () => {
  it.each([
    ['/OpenAction running /JavaScript', pdf({ catalog: '/OpenAction 5 0 R', objects: '5 0 obj << /S /JavaScript /JS (app.alert\\(1\\)) >> endobj\n' })],
    ['a document-level script in the names tree', pdf({ catalog: '/Names << /JavaScript << /Names [(init) 5 0 R] >> >>' })],
    ['/Launch in a link annotation', pdf({ page: '/Annots [5 0 R]', objects: '5 0 obj << /Subtype /Link /A << /S /Launch /F (calc.exe) >> >> endobj\n' })],
    ['an /EmbeddedFiles name tree', pdf({ catalog: '/Names << /EmbeddedFiles << /Names [(a.exe) 5 0 R] >> >>' })],
    ['a lone /EmbeddedFile stream', pdf({ objects: '5 0 obj << /Type /EmbeddedFile /Length 4 >> stream\nMZ\x90\x00\nendstream endobj\n' })],
    ['page /AA', pdf({ page: '/AA << /O 5 0 R >>' })],
    ['/J#61vaScript', pdf({ objects: '5 0 obj << /S /J#61vaScript >> endobj\n' })],
    ['/#4Aavascript#20 is not JavaScript but /#4A#53 is JS', pdf({ objects: '5 0 obj << /#4A#53 (x) >> endobj\n' })],
    ['/Open#41ction with an action dictionary', pdf({ catalog: '/Open#41ction << /S /GoTo /D [3 0 R /Fit] >>' })],
    ['/OpenAction by reference', pdf({ catalog: '/OpenAction 5 0 R' })],
    ['no spaces at all', pdf({ catalog: '/OpenAction<</S/JavaScript/JS(app.alert\\(1\\))>>' })],
    [
      'JavaScript in an incremental update after %%EOF',
      pdf({ after: '1 0 obj << /Type /Catalog /OpenAction 5 0 R >> endobj\n5 0 obj << /S /JavaScript >> endobj\n%%EOF\n' }),
    ],
    ['/RichMedia', pdf({ page: '/Annots [<< /Subtype /RichMedia >>]' })],
    ['an XFA form', pdf({ catalog: '/AcroForm << /XFA 6 0 R >>' })],
    ['/SubmitForm', pdf({ page: '/Annots [<< /A << /S /SubmitForm /F (https://evil.example) >> >>]' })],
    ['JavaScript inside a compressed object stream', pdfWithObjectStream('/OpenAction << /S /JavaScript /JS (app.alert(1)) >>')],
    ['/AA inside a plain object stream', pdfWithObjectStream('/AA << /O << /S /Launch >> >>', false)],
  ])('%s', (_case, file) => {
    for (const size of [1, 7, 4096]) expect(scan('application/pdf', file, size), `in chunks of ${size}`).not.toBeNull();
  });

  it('names the reason: JavaScript, a launch, embedded files', () => {
    expect(scan('application/pdf', pdf({ objects: '5 0 obj << /S /JavaScript >> endobj\n' }))).toBe('PDF_JAVASCRIPT');
    expect(scan('application/pdf', pdf({ objects: '5 0 obj << /S /Launch >> endobj\n' }))).toBe('PDF_LAUNCH');
    expect(scan('application/pdf', pdf({ catalog: '/Names << /EmbeddedFiles 6 0 R >>' }))).toBe('PDF_EMBEDDED_FILE');
  });
});

describe('an ordinary PDF passes', () => {
  it.each([
    ['the sample scan', samplePdf('Scan of a charter')],
    ['text that mentions /JavaScript and /Launch inside a string', samplePdf('Course: /JavaScript and /Launch, 72 hours')],
    ['an /OpenAction that only opens page 1 to fit', pdf({ catalog: '/OpenAction [3 0 R /Fit]' })],
    ['a comment mentioning /JS', pdf({ objects: '% generated without /JS\n' })],
    [
      'an image stream whose pixels happen to spell /JS and /AA',
      pdf({ objects: `5 0 obj << /Type /XObject /Subtype /Image /Length 40 >> stream\n${'\x00/JS /AA \xff'.repeat(4)}\nendstream endobj\n` }),
    ],
    [
      'random binary in a content stream',
      Buffer.concat([latin('%PDF-1.4\n4 0 obj << /Length 4096 >> stream\n'), randomBytes(4096), latin('\nendstream endobj\n%%EOF\n')]),
    ],
    ['a compressed object stream of plain objects', pdfWithObjectStream('/PageMode /UseOutlines')],
  ])('%s', (_case, file) => {
    expect(scan('application/pdf', file)).toBeNull();
  });
});

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_IEND = Buffer.from([0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
const JPEG_SOI = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);
const JPEG_EOI = Buffer.from([0xff, 0xd9]);

function textChunk(text: string): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(text.length);
  return Buffer.concat([length, latin(`tEXt${text}`), Buffer.alloc(4)]);
}

/** A JPEG whose scan data (pixels) is `pixels`, framed by a start-of-scan and the end of image. */
function jpegWithPixels(pixels: Buffer): Buffer {
  const sos = Buffer.from([0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00]);
  const stuffed = Buffer.from([...pixels].flatMap((b) => (b === 0xff ? [0xff, 0x00] : [b])));
  return Buffer.concat([sampleJpeg('scanner').subarray(0, -2), sos, stuffed, JPEG_EOI]);
}

describe('an image with HTML or script is found out', () => {
  it.each([
    ['HTML with a script after a PNG signature', 'image/png', Buffer.concat([PNG_SIGNATURE, latin('<html><script>x</script></html>'), PNG_IEND])],
    ['HTML after IEND', 'image/png', Buffer.concat([samplePng(), latin('<html><script>alert(1)</script></html>')])],
    ['a script in a text chunk', 'image/png', Buffer.concat([samplePng().subarray(0, -12), textChunk('Comment\x00<script>alert(1)</script>'), PNG_IEND])],
    ['an <svg onload> after a PNG signature', 'image/png', Buffer.concat([PNG_SIGNATURE, latin('<svg xmlns="x" onload="alert(1)"/>')])],
    ['an <img onerror> in a text chunk', 'image/png', Buffer.concat([samplePng().subarray(0, -12), textChunk('c\x00<IMG SRC=x OnError=alert(1)>'), PNG_IEND])],
    ['HTML after a JPEG signature', 'image/jpeg', Buffer.concat([JPEG_SOI, latin('<!DOCTYPE html><html></html>'), JPEG_EOI])],
    ['a script in a JPEG comment', 'image/jpeg', sampleJpeg('<script>alert(document.domain)</script>')],
    ['a javascript: URL in a JPEG comment', 'image/jpeg', sampleJpeg('<a href="javascript:alert(1)">x</a>')],
    ['<BoDy OnLoAd=...> after a JPEG signature', 'image/jpeg', Buffer.concat([JPEG_SOI, latin('<BoDy OnLoAd=alert(1)>'), JPEG_EOI])],
    ['HTML after the end of a JPEG', 'image/jpeg', Buffer.concat([sampleJpeg('ok'), latin('<iframe src="x"></iframe>')])],
  ] as const)('%s', (_case, type, file) => {
    for (const size of [1, 5, 4096]) expect(scan(type, file, size), `in chunks of ${size}`).toBe('HTML_IN_IMAGE');
  });
});

describe('an ordinary image passes', () => {
  it.each([
    ['the sample PNG', 'image/png', samplePng(64, 64)],
    ['the sample JPEG', 'image/jpeg', sampleJpeg('scanner model X-100')],
    ['XMP metadata in a JPEG', 'image/jpeg', sampleJpeg('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF></rdf:RDF></x:xmpmeta>')],
    ['JPEG pixels that happen to spell <script ', 'image/jpeg', jpegWithPixels(latin('\x12<script \x34<svg>'))],
    ['random JPEG pixels', 'image/jpeg', jpegWithPixels(randomBytes(100_000))],
  ] as const)('%s', (_case, type, file) => {
    expect(scan(type, file)).toBeNull();
  });
});
