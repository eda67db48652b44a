import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode, lingerAndClose } from '@egov/core';

/** One thing wrong with an upload, as the client reads it. */
export interface UploadProblem {
  code: ErrorCode;
  message: string;
  /** The catalog document the file was for, and its name, when the problem is one file's. */
  documentId?: string;
  fileName?: string;
  /** For ACTIVE_CONTENT: what was found. */
  reason?: string;
}

const STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.FILE_TOO_LARGE]: 413,
  [ErrorCode.PAYLOAD_TOO_LARGE]: 413,
  [ErrorCode.TOO_MANY_FILES]: 413,
  [ErrorCode.UNSUPPORTED_MEDIA_TYPE]: 415,
  [ErrorCode.ACTIVE_CONTENT]: 415,
  [ErrorCode.STORAGE_FAILED]: 500,
};

/**
 * Answers an upload once, with the one error body (`errors[].extensions.code`, and the file's document
 * and name) or the stored scans. When the request body was not read to its end (refused early, or from
 * the headers alone) the rest is not read: the connection closes after a short linger.
 */
export function uploadReply(req: IncomingMessage, res: ServerResponse) {
  let sent = false;
  const send = (status: number, body: unknown) => {
    if (sent || res.headersSent || res.destroyed) return;
    sent = true;
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
    res.end(text);
    if (!req.complete) lingerAndClose(req, res);
  };
  return {
    get sent() {
      return sent;
    },
    refuse(problems: readonly UploadProblem[]) {
      const first = problems[0]!;
      send(STATUS[first.code] ?? 400, {
        errors: problems.map(({ message, ...extensions }) => ({ message, extensions })),
      });
    },
    stored(body: unknown) {
      send(201, body);
    },
  };
}
