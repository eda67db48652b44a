import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { ErrorCode, type Logger } from '@egov/core';
import type { RequestAuth } from '@egov/security';
import busboy from 'busboy';
import { type BlobStore, SourceFailed, type StoredBlob, UploadRejected } from './blob-store.js';
import { type Attachment, type AttachmentRepository, newAttachmentId } from './repository.js';
import { type UploadProblem, uploadReply } from './upload-problems.js';

export interface UploadLimits {
  /** Files in one request. */
  maxFiles: number;
}

/** One file of the request, on its way into the store. */
interface Part {
  documentId: string;
  fileName: string | null;
  stored: Promise<StoredBlob>;
}

function cleanName(name: string | undefined): string | null {
  if (!name) return null;
  const base = name
    .split(/[\\/]/)
    .pop()!
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .trim();
  return base.slice(0, 200) || null;
}

const DOCUMENT_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;
/** Room for each part's multipart headers and boundary beside its file. */
const PART_OVERHEAD = 16 * 1024;

/** A refusal that ends the request at once: nothing more of it is read. */
class Stop extends Error {
  constructor(readonly problem: UploadProblem) {
    super(problem.message);
  }
}

/** What a failed store of one part means for the client. */
function problemOf(error: unknown, part: Pick<Part, 'documentId' | 'fileName'>): UploadProblem | null {
  const file = { documentId: part.documentId, ...(part.fileName ? { fileName: part.fileName } : {}) };
  if (error instanceof UploadRejected) return { code: error.code, message: error.message, ...file, ...(error.reason ? { reason: error.reason } : {}) };
  if (error instanceof SourceFailed)
    return { code: ErrorCode.TRUNCATED_FILE, message: 'The upload ended before the file did; nothing was stored, upload it again', ...file };
  return null;
}

/** Refusals after which reading on is pointless (the request is refused whatever follows). */
const STOPS_READING = new Set<ErrorCode>([ErrorCode.FILE_TOO_LARGE, ErrorCode.UNSUPPORTED_MEDIA_TYPE, ErrorCode.ACTIVE_CONTENT]);

/**
 * POST /attachments: scans for an application.
 *
 * - multipart/form-data: every file part is one scan, and its field name is the catalog document it is
 *   for (e.g. `information-form`); up to `maxFiles` parts.
 * - any other content type: the body is one scan; `?document=<id>` names the document, `X-File-Name`
 *   optionally the original name.
 *
 * The answer lists each stored scan (id, SHA-256, media type detected from content, size). A request with
 * any bad file stores none of its files' records and says per file what was wrong, in the one error body.
 * A file over the limit, of a type not taken or with active content stops the reading there: the answer
 * comes at once and the connection closes. A body cut short (no closing boundary, the client gone) is
 * TRUNCATED_FILE when an answer can still be sent; no stream error ever goes unhandled and no partial file
 * stays in the store.
 */
export function createUploadRoute(deps: { store: BlobStore; attachments: AttachmentRepository; limits: UploadLimits; logger: Logger }) {
  const maxRequestBytes = deps.limits.maxFiles * (deps.store.maxBytes + PART_OVERHEAD);

  return async (req: IncomingMessage, res: ServerResponse, auth: RequestAuth): Promise<void> => {
    // Whatever happens to the request from here, its errors have a listener.
    req.on('error', () => undefined);
    const reply = uploadReply(req, res);

    // Scans are uploaded by a person preparing an application: a citizen, or a portal acting for one.
    const uploader = auth.principal;
    if ((uploader.kind !== 'citizen' && uploader.kind !== 'portal') || !uploader.iin) {
      return reply.refuse([
        {
          code: uploader.kind === 'anonymous' ? ErrorCode.UNAUTHENTICATED : ErrorCode.FORBIDDEN,
          message: 'Scans are uploaded by a signed-in citizen (or a portal acting for one)',
        },
      ]);
    }

    const multipart = /^multipart\/form-data/i.test(req.headers['content-type'] ?? '');
    const declared = Number(req.headers['content-length'] ?? Number.NaN);
    const limit = multipart ? maxRequestBytes : deps.store.maxBytes;
    if (declared > limit) return reply.refuse([{ code: ErrorCode.PAYLOAD_TOO_LARGE, message: `An upload may be at most ${limit} bytes` }]);

    const parts: Part[] = [];
    const problems: UploadProblem[] = [];
    try {
      if (multipart) await receiveMultipart(req, deps, maxRequestBytes, parts, problems);
      else receiveBody(req, deps.store, parts, problems);
      const outcomes = await Promise.all(parts.map((part) => settle(part)));
      const stop = outcomes.find((outcome) => outcome.stop)?.stop;
      if (stop) throw stop;
      problems.push(...outcomes.flatMap((outcome) => (outcome.problem ? [outcome.problem] : [])));
    } catch (error) {
      if (!(error instanceof Stop)) throw error;
      // Stopped early: the other parts are given up too, so nothing of theirs stays half-written.
      for (const part of parts) part.stored.catch(() => undefined);
      await Promise.allSettled(parts.map((part) => part.stored));
      if (aborted(req)) return; // the client is gone: nobody to answer
      return reply.refuse([error.problem]);
    }
    if (aborted(req)) return;
    if (parts.length === 0 && problems.length === 0) problems.push({ code: ErrorCode.NO_FILE, message: 'The request carries no file' });
    if (problems.length > 0) return reply.refuse(problems);

    const blobs = await Promise.all(parts.map((part) => part.stored));
    const saved: Attachment[] = await deps.attachments.insertAll(
      parts.map((part, i) => ({ id: newAttachmentId(), documentId: part.documentId, fileName: part.fileName, uploadedBy: uploader.iin, ...blobs[i]! })),
    );
    reply.stored({
      attachments: saved.map((a) => ({ id: a.id, documentId: a.documentId, fileName: a.fileName, sha256: a.sha256, mediaType: a.mediaType, size: a.size })),
    });
  };

  /** A part's outcome: stored, a problem to report with the others', or a refusal that ends the request; a storage fault is logged. */
  async function settle(part: Part): Promise<{ problem?: UploadProblem; stop?: Stop }> {
    try {
      await part.stored;
      return {};
    } catch (error) {
      const problem = problemOf(error, part);
      if (problem) return STOPS_READING.has(problem.code) ? { stop: new Stop(problem) } : { problem };
      deps.logger.error('storing an upload failed', { error });
      return { problem: { code: ErrorCode.STORAGE_FAILED, message: 'The scan could not be stored; nothing was kept, try again', documentId: part.documentId } };
    }
  }
}

const aborted = (req: IncomingMessage) => req.destroyed && !req.complete;

/** A single-body upload: the request body is the scan. */
function receiveBody(req: IncomingMessage, store: BlobStore, parts: Part[], problems: UploadProblem[]): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const documentId = url.searchParams.get('document') ?? '';
  if (!DOCUMENT_ID.test(documentId)) {
    problems.push({ code: ErrorCode.BAD_DOCUMENT_ID, message: 'Name the document this scan is for: ?document=<catalog document id>' });
    return;
  }
  const stored = store.put(req);
  stored.catch(() => undefined); // settled by the route
  parts.push({ documentId, fileName: cleanName(req.headers['x-file-name'] as string | undefined), stored });
}

/**
 * A multipart upload: each file part goes to the store as it arrives. Resolves when the body was read to
 * its end or when a part's refusal stops the reading; throws Stop for a body that cannot be read (cut
 * short, malformed, over the request limit).
 */
function receiveMultipart(
  req: IncomingMessage,
  deps: { store: BlobStore; limits: UploadLimits },
  maxRequestBytes: number,
  parts: Part[],
  problems: UploadProblem[],
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let done = false;
    const files = new Set<Readable>();
    /** The file part being read, named in a refusal of a body that ends inside it. */
    let reading: { documentId: string; fileName?: string } | null = null;
    const finish = (stop?: Stop) => {
      if (done) return;
      done = true;
      req.unpipe();
      // Whatever is still being stored is cut: its temporary file goes, nothing half-written stays.
      const cut = stop ?? new Stop({ code: ErrorCode.TRUNCATED_FILE, message: 'The upload ended before the file did' });
      for (const file of files) file.destroy(cut);
      if (stop) reject(stop);
      else resolve();
    };

    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: { files: deps.limits.maxFiles, fields: 20, parts: deps.limits.maxFiles + 20 } });
    } catch (error) {
      finish(new Stop({ code: ErrorCode.BAD_MULTIPART, message: `The multipart body cannot be read: ${(error as Error).message}` }));
      return;
    }

    parser.on('file', (field, stream, info) => {
      stream.on('error', () => undefined); // the store's iteration reports it; a stray one must not crash the process
      const documentId = field.trim();
      const fileName = cleanName(info.filename);
      if (!DOCUMENT_ID.test(documentId)) {
        stream.resume();
        problems.push({
          code: ErrorCode.BAD_DOCUMENT_ID,
          message: 'The field name of each file must be the catalog id of the document it is for',
          ...(fileName ? { fileName } : {}),
        });
        return;
      }
      files.add(stream);
      reading = { documentId, ...(fileName ? { fileName } : {}) };
      stream.once('end', () => (reading = null));
      stream.once('close', () => files.delete(stream));
      const stored = deps.store.put(stream);
      stored.catch((error: unknown) => {
        const problem = problemOf(error, { documentId, fileName });
        if (problem && STOPS_READING.has(problem.code)) finish(new Stop(problem));
      });
      parts.push({ documentId, fileName, stored });
    });
    parser.on('filesLimit', () => problems.push({ code: ErrorCode.TOO_MANY_FILES, message: `At most ${deps.limits.maxFiles} files per request` }));
    parser.on('error', (error: Error) => {
      const cutShort = /unexpected end|truncated/i.test(error.message);
      finish(
        new Stop(
          cutShort
            ? {
                code: ErrorCode.TRUNCATED_FILE,
                message: 'The multipart body ended before its closing boundary; nothing was stored, upload it again',
                ...reading,
              }
            : { code: ErrorCode.BAD_MULTIPART, message: `The multipart body cannot be read: ${error.message}` },
        ),
      );
    });
    parser.on('close', () => finish());

    // The body is counted as it comes: past the request limit, reading stops.
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxRequestBytes) finish(new Stop({ code: ErrorCode.PAYLOAD_TOO_LARGE, message: `An upload may be at most ${maxRequestBytes} bytes` }));
    });
    // The client went away mid-body: what was being stored is cut and removed.
    req.on('close', () => {
      if (!req.complete) finish(new Stop({ code: ErrorCode.TRUNCATED_FILE, message: 'The connection closed before the upload ended' }));
    });
    req.pipe(parser);
  });
}
