import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { ErrorCode } from '@egov/core';
import { type ContentScanner, scannerFor } from './active-content.js';
import { HEAD_BYTES, incompleteness, type MediaType, sniff, TRAILER_WINDOW } from './detect.js';

/** Why a scan was refused for what it is (not for how it arrived). */
export type RefusalCode =
  | typeof ErrorCode.EMPTY_FILE
  | typeof ErrorCode.FILE_TOO_LARGE
  | typeof ErrorCode.UNSUPPORTED_MEDIA_TYPE
  | typeof ErrorCode.TRUNCATED_FILE
  | typeof ErrorCode.ACTIVE_CONTENT;

export class UploadRejected extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
    /** For ACTIVE_CONTENT: what was found (PDF_JAVASCRIPT, HTML_IN_IMAGE ...). */
    readonly reason?: string,
  ) {
    super(message);
  }
}

/** The bytes stopped coming: the client went away, or the multipart body ended inside a file. */
export class SourceFailed extends Error {
  constructor(cause: unknown) {
    super(`the upload stream failed: ${(cause as Error)?.message ?? cause}`, { cause });
  }
}

export interface StoredBlob {
  sha256: string;
  mediaType: MediaType;
  size: number;
}

function formatLimit(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** Waits until `out` takes more, or fails with its error. */
function drained(out: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      out.off('drain', done);
      out.off('error', done);
      if (error) reject(error);
      else resolve();
    };
    out.once('drain', done);
    out.once('error', done);
  });
}

/**
 * Scans stored by content: the file name is the SHA-256 of the bytes, in a two-level directory. A scan
 * is streamed to a temporary file while hashed, measured and checked (type from its first bytes, active
 * content as it passes), flushed to disk (fsync) and only then renamed into place, so a stored blob is
 * always whole and an interrupted or refused upload leaves nothing behind.
 */
export class BlobStore {
  constructor(
    readonly dir: string,
    readonly maxBytes: number,
  ) {}

  pathOf(sha256: string): string {
    return join(this.dir, sha256.slice(0, 2), sha256);
  }

  /**
   * Reads `source` to its end into the store. Stops reading at once (leaving the rest unread, for the
   * caller to refuse) when the file is over the limit, of a type not taken, or carries active content.
   * Rejects with UploadRejected for a bad file, SourceFailed when the bytes stopped coming, or the
   * storage's own error.
   */
  async put(source: Readable): Promise<StoredBlob> {
    // Iterating from the first moment gives the source's errors a listener before anything is awaited.
    const chunks = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    const tmpDir = join(this.dir, 'tmp');
    const tmp = join(tmpDir, randomBytes(12).toString('hex'));
    let out: WriteStream | undefined;
    try {
      await mkdir(tmpDir, { recursive: true });
      out = createWriteStream(tmp, { flags: 'wx' });
      out.on('error', () => undefined); // reported by drained() and end()
      return await this.receive(chunks, out, tmp);
    } catch (error) {
      // The file may still be opening: wait for the stream to close, or the file appears after its removal.
      if (out && !out.closed) await new Promise<void>((resolve) => out!.once('close', () => resolve()).destroy());
      await rm(tmp, { force: true });
      throw error;
    }
  }

  private async receive(chunks: AsyncIterator<Buffer>, out: WriteStream, tmp: string): Promise<StoredBlob> {
    const hash = createHash('sha256');
    let size = 0;
    let head = Buffer.alloc(0);
    let tail = Buffer.alloc(0);
    let mediaType: MediaType | null = null;
    let scanner: ContentScanner | null = null;
    /** What came before the type was known: the scanner sees the file from its first byte. */
    let held: Buffer[] = [];
    for (;;) {
      let next: IteratorResult<Buffer>;
      try {
        next = await chunks.next();
      } catch (error) {
        throw new SourceFailed(error);
      }
      if (next.done) break;
      const chunk = next.value;
      size += chunk.length;
      if (size > this.maxBytes) throw new UploadRejected(ErrorCode.FILE_TOO_LARGE, `The file is larger than the ${formatLimit(this.maxBytes)} limit`);
      hash.update(chunk);
      tail = Buffer.concat([tail, chunk]).subarray(-TRAILER_WINDOW);
      if (scanner) scanner.push(chunk);
      else {
        head = Buffer.concat([head, chunk]).subarray(0, HEAD_BYTES);
        held.push(chunk);
        if (head.length === HEAD_BYTES) {
          mediaType = this.typeOf(head);
          scanner = scannerFor(mediaType);
          scanner.push(Buffer.concat(held));
          held = [];
        }
      }
      if (scanner?.found) throw new UploadRejected(ErrorCode.ACTIVE_CONTENT, scanner.found.message, scanner.found.reason);
      if (!out.write(chunk)) await drained(out);
    }
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    if (size === 0) throw new UploadRejected(ErrorCode.EMPTY_FILE, 'The file is empty');
    if (!mediaType || !scanner) {
      mediaType = this.typeOf(head);
      scanner = scannerFor(mediaType);
      scanner.push(Buffer.concat(held));
    }
    scanner.end();
    if (scanner.found) throw new UploadRejected(ErrorCode.ACTIVE_CONTENT, scanner.found.message, scanner.found.reason);
    const missing = incompleteness(mediaType, tail);
    if (missing) throw new UploadRejected(ErrorCode.TRUNCATED_FILE, missing);
    const sha256 = hash.digest('hex');
    await this.commit(tmp, sha256);
    return { sha256, mediaType, size };
  }

  private typeOf(head: Buffer): MediaType {
    const type = sniff(head);
    if (!type) throw new UploadRejected(ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'Only PDF, JPEG and PNG scans are accepted (judged by content, not by file name)');
    return type;
  }

  private async commit(tmp: string, sha256: string): Promise<void> {
    const handle = await open(tmp, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    const target = this.pathOf(sha256);
    const shard = join(this.dir, sha256.slice(0, 2));
    await mkdir(shard, { recursive: true });
    const exists = await stat(target).then(
      () => true,
      () => false,
    );
    if (exists) {
      await rm(tmp, { force: true });
      return;
    }
    await rename(tmp, target);
    // The rename is only durable once the directory entry is on disk too.
    const directory = await open(shard, 'r');
    try {
      await directory.sync();
    } finally {
      await directory.close();
    }
  }
}
