import type { Logger } from '../log.js';

/**
 * Entry-point helper: closes what was started on SIGINT/SIGTERM, then exits. Closing the HTTP server
 * ourselves matters: a process that ignores SIGTERM is killed mid-request by the orchestrator.
 */
export function runUntilSignal(logger: Logger, close: () => Promise<void>): void {
  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info('stopping', { signal });
    close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error('unclean stop', { error });
        process.exit(1);
      });
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}
