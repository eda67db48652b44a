/**
 * At most `max` calls in flight; the next `queue` wait their turn and any beyond that are refused, so a
 * slow upstream (or a flood of work) cannot pile up unbounded work in our process. With `maxWaitMs`, a
 * call that has waited that long for its turn is refused too: under overload it is better to tell a client
 * at once to come back than to start its work so late that nobody is waiting for the answer any more.
 */
export class ConcurrencyLimit {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly max: number,
    readonly queue: number,
    readonly maxWaitMs?: number,
  ) {}

  /** Calls in flight and waiting (for health and metrics). */
  get load(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length };
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) {
      if (this.waiting.length >= this.queue) throw new LimitExceeded();
      await this.turn();
    } else this.active += 1;
    try {
      return await work();
    } finally {
      // The slot passes straight to the next in line, so `active` never drops below what is running.
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    }
  }

  private turn(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const admit = () => {
        clearTimeout(timer);
        resolve();
      };
      this.waiting.push(admit);
      if (this.maxWaitMs !== undefined) {
        timer = setTimeout(() => {
          const at = this.waiting.indexOf(admit);
          if (at < 0) return;
          this.waiting.splice(at, 1);
          reject(new LimitExceeded());
        }, this.maxWaitMs);
      }
    });
  }
}

export class LimitExceeded extends Error {
  override name = 'LimitExceeded';
}
