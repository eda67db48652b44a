import type { Logger } from '../log.js';
import { HTTP_SERVER_DEFAULTS } from './serve.js';

export interface RunUntilSignalOptions {
  /**
   * The shutdown grace period (SHUTDOWN_GRACE_MS): close() drains requests within it. Cleanup after the
   * drain (pools, buffers) gets CLEANUP_MS more; a close still running then is abandoned and the process
   * exits 1, so it is never the orchestrator's SIGKILL that ends it.
   */
  graceMs?: number;
}

/** Time for closing pools and flushing buffers once the HTTP drain is over. */
const CLEANUP_MS = 1_500;

/**
 * Entry-point helper: on SIGINT/SIGTERM runs `close` (drain, then release what was started), then exits.
 * Closing the HTTP server ourselves matters: a process that ignores SIGTERM is killed mid-request by the
 * orchestrator.
 */
export function runUntilSignal(logger: Logger, close: () => Promise<void>, options: RunUntilSignalOptions = {}): void {
  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    const budgetMs = (options.graceMs ?? HTTP_SERVER_DEFAULTS.shutdownGraceMs) + CLEANUP_MS;
    logger.info('stopping', { signal, graceMs: options.graceMs });
    setTimeout(() => {
      logger.error('stop overran its grace period; exiting with work unfinished', { budgetMs });
      process.exit(1);
    }, budgetMs).unref();
    close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error('unclean stop', { error });
        process.exit(1);
      });
  };
  // `on`, not `once`: a loader such as tsx re-raises a signal nobody listens for any more, which would end
  // the process mid-drain; a second signal while stopping is ignored (the drain is already under way).
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}
