import type { IncomingMessage, ServerResponse } from 'node:http';
import { PassThrough } from 'node:stream';
import type { Logger } from '@egov/core';
import type { RequestAuth } from '@egov/security';
import busboy from 'busboy';
import { type BlobStore, UploadRejected } from './blob-store.js';
import { type Attachment, type AttachmentRepository, newAttachmentId } from './repository.js';

export interface UploadLimits {
  /** Files in one request. */
  maxFiles: number;
}

type UploadError = { code: string; message: string; file?: string; documentId?: string };

const STATUS: Record<string, number> = {
  FILE_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_FILES: 413,
};

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function cleanName(name: string | undefined): string | null {
  if (!name) return null;
  const base = name
    .split(/[\\/]/)
    .pop()!
    .replace(/[\u0000-\u001f]/g, '')
    .trim();
  return base.slice(0, 200) || null;
}

const DOCUMENT_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;

/**
 * POST /attachments: scans for an application.
 *
 * - multipart/form-data: every file part is one scan, and its field name is the catalog document it is
 *   for (e.g. `information-form`); up to `maxFiles` parts.
 * - any other content type: the body is one scan; `?document=<id>` names the document, `X-File-Name`
 *   optionally the original name.
 *
 * The answer lists each stored scan (id, SHA-256, media type detected from content, size). A request
 * with any bad file stores none of its files' records and says per file what was wrong.
 */
export function createUploadRoute(deps: { store: BlobStore; attachments: AttachmentRepository; limits: UploadLimits; logger: Logger }) {
  return async (req: IncomingMessage, res: ServerResponse, auth: RequestAuth): Promise<void> => {
    // Scans are uploaded by a person preparing an application: a citizen, or a portal acting for one.
    const uploader = auth.principal;
    if ((uploader.kind !== 'citizen' && uploader.kind !== 'portal') || !uploader.iin) {
      req.resume();
      reply(res, uploader.kind === 'anonymous' ? 401 : 403, {
        errors: [
          {
            code: uploader.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN',
            message: 'Scans are uploaded by a signed-in citizen (or a portal acting for one)',
          },
        ],
      });
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const incoming: { documentId: string; fileName: string | null; stored: Promise<Awaited<ReturnType<BlobStore['put']>>> }[] = [];
    const errors: UploadError[] = [];

    if (/^multipart\/form-data/i.test(req.headers['content-type'] ?? '')) {
      await new Promise<void>((resolve, reject) => {
        let parser: busboy.Busboy;
        try {
          parser = busboy({ headers: req.headers, limits: { files: deps.limits.maxFiles, fields: 20, fileSize: deps.store.maxBytes + 1 } });
        } catch (error) {
          reject(error);
          return;
        }
        parser.on('file', (field, stream, info) => {
          const documentId = field.trim();
          const fileName = cleanName(info.filename);
          if (!DOCUMENT_ID.test(documentId)) {
            stream.resume();
            errors.push({
              code: 'BAD_DOCUMENT_ID',
              message: 'The field name of each file must be the catalog id of the document it is for',
              file: fileName ?? undefined,
            });
            return;
          }
          const stored = deps.store.put(stream);
          stored.catch(() => undefined); // reported below, once all parts are read
          incoming.push({ documentId, fileName, stored });
        });
        parser.on('filesLimit', () => errors.push({ code: 'TOO_MANY_FILES', message: `At most ${deps.limits.maxFiles} files per request` }));
        parser.on('error', reject);
        parser.on('close', resolve);
        req.pipe(parser);
      }).catch((error: unknown) => {
        errors.push({ code: 'BAD_MULTIPART', message: `The multipart body could not be read: ${(error as Error).message}` });
      });
    } else {
      const documentId = url.searchParams.get('document') ?? '';
      if (!DOCUMENT_ID.test(documentId)) {
        req.resume();
        errors.push({ code: 'BAD_DOCUMENT_ID', message: 'Name the document this scan is for: ?document=<catalog document id>' });
      } else {
        const body = new PassThrough();
        req.pipe(body);
        incoming.push({ documentId, fileName: cleanName(req.headers['x-file-name'] as string | undefined), stored: deps.store.put(body) });
      }
    }

    const results = await Promise.allSettled(incoming.map((part) => part.stored));
    results.forEach((result, i) => {
      if (result.status === 'rejected') {
        const reason = result.reason;
        const part = incoming[i]!;
        if (reason instanceof UploadRejected)
          errors.push({ code: reason.code, message: reason.message, file: part.fileName ?? undefined, documentId: part.documentId });
        else {
          deps.logger.error('storing an upload failed', { error: reason });
          errors.push({ code: 'STORAGE_FAILED', message: 'The scan could not be stored; nothing was kept, try again', documentId: part.documentId });
        }
      }
    });
    if (incoming.length === 0 && errors.length === 0) errors.push({ code: 'NO_FILE', message: 'The request carries no file' });
    if (errors.length > 0) {
      reply(res, STATUS[errors[0]!.code] ?? 400, { errors });
      return;
    }

    const saved: Attachment[] = await deps.attachments.insertAll(
      incoming.map((part, i) => ({
        id: newAttachmentId(),
        documentId: part.documentId,
        fileName: part.fileName,
        uploadedBy: uploader.iin,
        ...(results[i] as PromiseFulfilledResult<Awaited<ReturnType<BlobStore['put']>>>).value,
      })),
    );
    reply(res, 201, {
      attachments: saved.map((a) => ({ id: a.id, documentId: a.documentId, fileName: a.fileName, sha256: a.sha256, mediaType: a.mediaType, size: a.size })),
    });
  };
}
