/**
 * What a scan really is, judged by its bytes rather than its name: PDF, JPEG or PNG, and whether it is
 * complete. A file cut short in transfer is refused here, not discovered by an officer weeks later.
 */
export type MediaType = 'application/pdf' | 'image/jpeg' | 'image/png';

export type Detection = { ok: true; mediaType: MediaType } | { ok: false; code: 'UNSUPPORTED_MEDIA_TYPE' | 'TRUNCATED_FILE'; message: string };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_IEND = Buffer.from([0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
/** How far from the end an end marker may sit: writers pad or append a little after it. */
const TRAILER_WINDOW = 1024;

export function detect(head: Buffer, tail: Buffer): Detection {
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') {
    return tail.includes('%%EOF', 0, 'latin1') ? { ok: true, mediaType: 'application/pdf' } : truncated('PDF', 'the %%EOF end marker');
  }
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) {
    return endsWithJpegEoi(tail) ? { ok: true, mediaType: 'image/jpeg' } : truncated('JPEG', 'the end-of-image marker');
  }
  if (head.subarray(0, 8).equals(PNG_SIGNATURE)) {
    return tail.includes(PNG_IEND) ? { ok: true, mediaType: 'image/png' } : truncated('PNG', 'the IEND chunk');
  }
  return { ok: false, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Only PDF, JPEG and PNG scans are accepted (judged by content, not by file name)' };
}

function endsWithJpegEoi(tail: Buffer): boolean {
  let end = tail.length;
  while (end > 0 && (tail[end - 1] === 0x00 || tail[end - 1] === 0x0a || tail[end - 1] === 0x0d || tail[end - 1] === 0x20)) end--;
  return end >= 2 && tail[end - 2] === 0xff && tail[end - 1] === 0xd9;
}

function truncated(kind: string, marker: string): Detection {
  return { ok: false, code: 'TRUNCATED_FILE', message: `The ${kind} file is incomplete: it lacks ${marker}; upload it again` };
}

export const HEAD_BYTES = 16;
export { TRAILER_WINDOW };
