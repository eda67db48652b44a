import type { Logger } from '@egov/core';

export interface PollingWorkerOptions {
  /** A pass that took this many rows is followed by another at once: more may be due. */
  batchSize: number;
  pollMs: number;
  logger: Logger;
  /** The warning logged when a pass fails (the next poll runs it again). */
  failure: string;
}

/**
 * The loop of the subgraph's durable workers (the outbox, the registry re-reads): a pass now and on every poll,
 * passes never overlapping, a kick during a pass answered by one more pass after it, and stop() waiting for the
 * pass under way. What a pass takes and how it leases rows is the worker's own.
 */
export class PollingWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;

  constructor(
    private readonly pass: () => Promise<number>,
    private readonly options: PollingWorkerOptions,
  ) {}

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => this.kick(), this.options.pollMs);
    this.timer.unref();
    this.kick();
  }

  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  /** Stops taking new rows and waits for the pass under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  private async drain(): Promise<void> {
    try {
      while (!this.stopped && (await this.pass()) === this.options.batchSize);
    } catch (error) {
      this.options.logger.warn(this.options.failure, { error });
    }
  }
}
