/**
 * What a scan really is, judged by its bytes rather than its name: PDF, JPEG or PNG, and whether it is
 * complete. A file cut short in transfer is refused here, not discovered by an officer weeks later.
 */
export type MediaType = 'application/pdf' | 'image/jpeg' | 'image/png';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_IEND = Buffer.from([0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

/** Bytes of the head that decide the type. */
export const HEAD_BYTES = 8;
/** How far from the end an end marker may sit: writers pad or append a little after it. */
export const TRAILER_WINDOW = 1024;

/** The type a file's first bytes announce; null when they announce none we take. */
export function sniff(head: Buffer): MediaType | null {
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  return null;
}

/** Why a file of this type is incomplete (its end marker missing from `tail`), or null when it is whole. */
export function incompleteness(mediaType: MediaType, tail: Buffer): string | null {
  switch (mediaType) {
    case 'application/pdf':
      return tail.includes('%%EOF', 0, 'latin1') ? null : 'The PDF file is incomplete: it lacks the %%EOF end marker; upload it again';
    case 'image/jpeg':
      return endsWithJpegEoi(tail) ? null : 'The JPEG file is incomplete: it lacks the end-of-image marker; upload it again';
    case 'image/png':
      return tail.includes(PNG_IEND) ? null : 'The PNG file is incomplete: it lacks the IEND chunk; upload it again';
  }
}

function endsWithJpegEoi(tail: Buffer): boolean {
  let end = tail.length;
  while (end > 0 && (tail[end - 1] === 0x00 || tail[end - 1] === 0x0a || tail[end - 1] === 0x0d || tail[end - 1] === 0x20)) end--;
  return end >= 2 && tail[end - 2] === 0xff && tail[end - 1] === 0xd9;
}
