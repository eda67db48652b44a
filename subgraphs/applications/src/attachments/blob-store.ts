import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { detect, HEAD_BYTES, type MediaType, TRAILER_WINDOW } from './detect.js';

export type StoreFailure = 'EMPTY_FILE' | 'FILE_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE' | 'TRUNCATED_FILE';

export class UploadRejected extends Error {
  constructor(
    readonly code: StoreFailure,
    message: string,
  ) {
    super(message);
  }
}

export interface StoredBlob {
  sha256: string;
  mediaType: MediaType;
  size: number;
}

/**
 * Scans stored by content: the file name is the SHA-256 of the bytes, in a two-level directory. A scan
 * is streamed to a temporary file while hashed and measured, checked, flushed to disk (fsync) and only
 * then renamed into place, so a stored blob is always whole and an interrupted upload leaves nothing.
 */
function formatLimit(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}

export class BlobStore {
  constructor(
    readonly dir: string,
    readonly maxBytes: number,
  ) {}

  pathOf(sha256: string): string {
    return join(this.dir, sha256.slice(0, 2), sha256);
  }

  async put(source: Readable): Promise<StoredBlob> {
    const tmpDir = join(this.dir, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    const tmp = join(tmpDir, randomBytes(12).toString('hex'));
    const hash = createHash('sha256');
    let size = 0;
    let head = Buffer.alloc(0);
    let tail = Buffer.alloc(0);
    const out = createWriteStream(tmp, { flags: 'wx' });
    try {
      for await (const chunk of source as AsyncIterable<Buffer>) {
        size += chunk.length;
        // Past the limit, read on and discard: leaving the loop would destroy the part and stall the multipart parser.
        if (size > this.maxBytes) continue;
        hash.update(chunk);
        if (head.length < HEAD_BYTES) head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.length)]);
        tail = Buffer.concat([tail, chunk]).subarray(-TRAILER_WINDOW);
        if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      }
      await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
      if (size > this.maxBytes) throw new UploadRejected('FILE_TOO_LARGE', `The file is larger than the ${formatLimit(this.maxBytes)} limit`);
      if (size === 0) throw new UploadRejected('EMPTY_FILE', 'The file is empty');
      const detection = detect(head, tail);
      if (!detection.ok) throw new UploadRejected(detection.code, detection.message);
      const sha256 = hash.digest('hex');
      await this.commit(tmp, sha256);
      return { sha256, mediaType: detection.mediaType, size };
    } catch (error) {
      out.destroy();
      await rm(tmp, { force: true });
      throw error;
    }
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
