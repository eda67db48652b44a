import type { IncomingMessage, ServerResponse } from 'node:http';

export interface LingerOptions {
  /** How long to go on reading after the answer. Default 2 s. */
  ms?: number;
  /** How much to read and discard before closing anyway. Default 1 MiB. */
  bytes?: number;
}

/**
 * After answering a request whose body was not read to its end (refused from its headers, or part way):
 * read and discard what the client is still sending for a moment, then close the connection. Closing at
 * once with unread bytes makes TCP reset the connection, and a client still writing then loses the answer
 * (it sees EPIPE or ECONNRESET instead of the 413). Bounded in time and bytes: the rest is never read.
 */
export function lingerAndClose(req: IncomingMessage, res: ServerResponse, options: LingerOptions = {}): void {
  const { ms = 2_000, bytes = 1024 * 1024 } = options;
  const start = () => {
    if (req.complete || req.destroyed) return;
    let discarded = 0;
    const close = () => {
      clearTimeout(timer);
      req.socket?.destroy();
    };
    const timer = setTimeout(close, ms);
    timer.unref();
    req.on('data', (chunk: Buffer) => {
      discarded += chunk.length;
      if (discarded > bytes) close();
    });
    // The client finished after all: the connection may serve its next request.
    req.once('end', () => clearTimeout(timer));
    req.on('error', () => clearTimeout(timer));
    req.resume();
  };
  if (res.writableFinished) start();
  else res.once('finish', start);
}
