/**
 * One breaker per upstream (a registry, Redis). CLOSED: calls go through, consecutive failures are counted. OPEN: calls fail
 * at once (no waiting on a dead registry) until `openMs` passes. HALF_OPEN: one probe goes through; its
 * success closes the breaker, its failure opens it again.
 */
export type CircuitState = 'CLOSED' | 'OPEN' | 'HALF_OPEN';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. Default 5. */
  failureThreshold?: number;
  /** How long it stays open before a probe. Default 10 s. */
  openMs?: number;
  now?: () => number;
}

export class CircuitBreaker {
  private state: CircuitState = 'CLOSED';
  private failures = 0;
  private openedAt = 0;
  private probing = false;
  private readonly threshold: number;
  private readonly openMs: number;
  private readonly now: () => number;

  constructor(options: CircuitBreakerOptions = {}) {
    this.threshold = options.failureThreshold ?? 5;
    this.openMs = options.openMs ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** Whether a call may go out now; in HALF_OPEN only the one probe may. */
  tryAcquire(): boolean {
    if (this.state === 'CLOSED') return true;
    if (this.state === 'OPEN' && this.now() - this.openedAt >= this.openMs) this.state = 'HALF_OPEN';
    if (this.state === 'HALF_OPEN' && !this.probing) {
      this.probing = true;
      return true;
    }
    return false;
  }

  succeeded(): void {
    this.state = 'CLOSED';
    this.failures = 0;
    this.probing = false;
  }

  failed(): void {
    this.failures += 1;
    if (this.state === 'HALF_OPEN' || this.failures >= this.threshold) {
      this.state = 'OPEN';
      this.openedAt = this.now();
    }
    this.probing = false;
  }

  /** A call let through that never reached the upstream (refused by our own overload): nothing is counted, a probe's turn is given back. */
  released(): void {
    this.probing = false;
  }

  get current(): CircuitState {
    if (this.state === 'OPEN' && this.now() - this.openedAt >= this.openMs) return 'HALF_OPEN';
    return this.state;
  }

  /** Milliseconds until a probe is allowed, while open. */
  get retryAfterMs(): number {
    return this.state === 'OPEN' ? Math.max(0, this.openMs - (this.now() - this.openedAt)) : 0;
  }
}
